import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { runFitJob, type FitJob, type FitOutcome } from './fit-job.ts';

/**
 * The customer-base fit on a second thread (docs/development.md#speed): the BG/NBD and
 * Gamma-Gamma fits and the holdout refit are a quarter of the metrics stage and read only the
 * purchase runs, so they run beside the other families. The metrics stage is synchronous: `take`
 * blocks (Atomics.wait) until the thread has answered, and takes the answer off its port with
 * receiveMessageOnPort, without an event loop.
 *
 * `start` is called before the order lines are reduced, so the thread loads its modules
 * meanwhile; `send` gives it the job once the purchase runs exist.
 */
export interface FitThread {
  send(job: FitJob): void;
  take(): FitOutcome;
}

export type StartFitThread = () => FitThread;

/** the longest wait for the thread's answer (the fit takes seconds at 5M lines) */
const WAIT_MS = 600_000;

export const fitWorker: StartFitThread = () => {
  const w = new Worker(new URL('./fit-worker.ts', import.meta.url));
  // never what keeps the process alive (a stage that throws before `take` leaves it waiting)
  w.unref();
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  let sent = false;
  const end = () => {
    port1.close();
    void w.terminate();
  };
  return {
    send(job) {
      sent = true;
      // the day runs are views on the order book's arena: sent as copies of their own (a
      // structured clone of a view copies its whole buffer); the amounts were made for the job
      // (customerBaseJob) and move
      const runs = { count: job.runs.count, start: job.runs.start.slice(), day: job.runs.day.slice(), amount: job.runs.amount };
      w.postMessage({ job: { ...job, runs }, port: port2, done }, [port2 as unknown as MessagePort, runs.start.buffer, runs.day.buffer, runs.amount.buffer]);
    },
    take() {
      if (!sent) throw new Error('customer-base thread: take before send');
      try {
        // the answer is posted before `done` is raised; the timeout guards a thread that died
        // without raising it (it catches its own errors and module-load errors: fit-worker.ts)
        let m = receiveMessageOnPort(port1);
        while (!m && Atomics.load(done, 0) === 0) {
          if (Atomics.wait(done, 0, 0, WAIT_MS) === 'timed-out') throw new Error(`customer-base thread: no answer in ${WAIT_MS / 1000} s`);
          m = receiveMessageOnPort(port1);
        }
        m ??= receiveMessageOnPort(port1);
        if (!m) throw new Error('customer-base thread: it stopped without answering');
        const a = m.message as { ok: true; out: FitOutcome } | { ok: false; error: string };
        if (!a.ok) throw new Error(`customer-base thread failed: ${a.error}`);
        return a.out;
      } finally {
        end();
      }
    },
  };
};

/** The same job on the calling thread (below the size where a thread pays for itself, and tests). */
export const sameThreadFit: StartFitThread = () => {
  let job: FitJob | null = null;
  return {
    send(j) { job = j; },
    take() {
      if (!job) throw new Error('customer-base: take before send');
      return runFitJob(job);
    },
  };
};
