import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { readRangeSync } from '../lib/node-read-range.ts';
import { runWorkerJob, type WorkerJob, type WorkerMessage } from './worker-job.ts';

/**
 * A second thread for ingest. `start` is called before the files are read, so the thread loads
 * its modules meanwhile; `run` sends the job and hands each answer to `receive`, in order.
 * Answers are taken when the caller awaits, or earlier by `poll`, which the caller runs between
 * pieces of its own work: row batches then do not pile up in the message queue while it is busy.
 * `run` resolves after the last answer; an exception in the thread rejects it (the build fails
 * as it would on one thread). `stop` ends a thread that got no job.
 */
export interface IngestThread {
  run(job: WorkerJob, receive: (m: WorkerMessage) => void): Promise<void>;
  poll(): void;
  stop(): void;
}

export type StartThread = () => IngestThread;

export const workerThread: StartThread = () => {
  // a small young generation: the thread's garbage (cells, batches) dies young, and its heap
  // stays small next to the main thread's (measured at 5M lines: the ingest peak 70–90 MB lower)
  const w = new Worker(new URL('./ingest-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  const { port1, port2 } = new MessageChannel();
  let settled = false;
  let receive: (m: WorkerMessage) => void = () => {};
  let finish: (e?: unknown) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = (e) => {
      if (settled) return;
      settled = true;
      port1.close();
      void w.terminate();
      if (e === undefined) resolve();
      else reject(e);
    };
  });
  // a thread that is stopped unused must not leave an unhandled rejection behind
  done.catch(() => {});
  const handle = (m: WorkerMessage) => {
    if (settled) return;
    try {
      receive(m);
    } catch (e) {
      finish(e);
      return;
    }
    if (m.kind === 'end') finish();
  };
  port1.on('message', handle);
  w.once('error', (e) => finish(e));
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m && !settled; m = receiveMessageOnPort(port1)) handle(m.message as WorkerMessage);
  };
  w.once('exit', (code) => {
    // the thread posts its last answers, then exits: its exit can be seen here before those
    // answers (a race seen once in the full test run), so take what is queued first
    drain();
    finish(new Error(`the ingest thread stopped (exit code ${code}) before answering`));
  });
  return {
    run(job, r) {
      receive = r;
      // bytes in memory move to the thread (the caller keeps no copy); a byte range of the file is read there
      const src = job.part.source;
      w.postMessage({ job, port: port2 }, 'bytes' in src ? [port2 as unknown as MessagePort, src.bytes.buffer as ArrayBuffer] : [port2 as unknown as MessagePort]);
      return done;
    },
    poll: drain,
    stop() {
      finish();
    },
  };
};

/** The same work on the calling thread, once the caller awaits (tests of the merge). */
export const sameThread: StartThread = () => ({
  run: async (job, receive) => {
    await Promise.resolve();
    runWorkerJob(job, (m) => receive(m), readRangeSync);
  },
  poll() {},
  stop() {},
});
