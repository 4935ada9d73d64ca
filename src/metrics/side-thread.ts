import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CohortCell } from './cohort-retention.ts';
import type { FitOutcome } from './customer-base/fit-job.ts';
import { runSideJob, type SideAnswer, type SideJob } from './side-job.ts';

/**
 * A second thread for the metrics stage (docs/development.md, "Performance"): the value-tier snapshots, the
 * cohort cells and the customer-base models (fits and holdout refit) read only per-customer typed
 * arrays, so they run there while this thread computes the other families (side-job.ts). The stage stays
 * synchronous: each answer is awaited with Atomics.wait on a shared count and taken off the port
 * with receiveMessageOnPort, without an event loop.
 *
 * `start` is called before the order lines are reduced, so the thread loads its modules
 * meanwhile; `send` gives it the job once the order book exists.
 */
export interface SideThread {
  send(job: SideJob): void;
  /** the tier snapshots, the cohort cells, then the models: each taken once, in this order */
  tiers(): Uint8Array[];
  cohorts(): CohortCell[];
  fit(): FitOutcome;
}

export type StartSideThread = () => SideThread;

/** the longest wait for an answer (the models take seconds at 5M lines) */
const WAIT_MS = 600_000;

export const sideWorker: StartSideThread = () => {
  const w = new Worker(new URL('./side-worker.ts', import.meta.url));
  // never what keeps the process alive (a stage that throws before the last answer leaves it waiting)
  w.unref();
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  let sent = false;
  let taken = 0;
  const take = (kind: SideAnswer['kind']): SideAnswer => {
    if (!sent) throw new Error('metrics side thread: an answer taken before the job was sent');
    try {
      // an answer is posted before it is counted in `done`
      while (Atomics.load(done, 0) <= taken) {
        if (Atomics.wait(done, 0, taken, WAIT_MS) === 'timed-out') throw new Error(`metrics side thread: no answer in ${WAIT_MS / 1000} s`);
      }
      const m = receiveMessageOnPort(port1);
      if (!m) throw new Error('metrics side thread: an answer was counted but not found');
      taken++;
      const a = m.message as { ok: true; answer: SideAnswer } | { ok: false; error: string };
      if (!a.ok) throw new Error(`metrics side thread failed: ${a.error}`);
      if (a.answer.kind !== kind) throw new Error(`metrics side thread: expected ${kind}, got ${a.answer.kind}`);
      return a.answer;
    } catch (e) {
      end();
      throw e;
    } finally {
      if (kind === 'fit') end();
    }
  };
  const end = () => {
    port1.close();
    void w.terminate();
  };
  return {
    send(job) {
      sent = true;
      // per-customer arrays that are views on the order book's arena are sent as copies of their
      // own (a structured clone of a view copies its whole buffer); the purchase amounts in major
      // units were made for the job (customerBaseJob) and move
      const f = job.facts;
      const facts = {
        count: f.count, ids: f.ids, start: f.start.slice(), day: f.day.slice(), amount: f.amount.slice(), owner: f.owner.slice(),
        team: f.team.slice(), region: f.region.slice(), firstChannel: f.firstChannel.slice(), firstPurchaseDay: f.firstPurchaseDay.slice(),
      };
      const r = job.fit.runs;
      const runs = { count: r.count, start: r.start.slice(), day: r.day.slice(), amount: r.amount };
      const moved = [facts.start, facts.day, facts.amount, facts.owner, facts.team, facts.region, facts.firstChannel, facts.firstPurchaseDay, runs.start, runs.day, runs.amount].map((a) => a.buffer as ArrayBuffer);
      w.postMessage({ job: { ...job, facts, fit: { ...job.fit, runs } }, port: port2, done }, [port2 as unknown as MessagePort, ...moved]);
    },
    tiers: () => (take('tiers') as Extract<SideAnswer, { kind: 'tiers' }>).tiers,
    cohorts: () => (take('cohorts') as Extract<SideAnswer, { kind: 'cohorts' }>).cells,
    fit: () => (take('fit') as Extract<SideAnswer, { kind: 'fit' }>).out,
  };
};

/** The same job on the calling thread (below the size where a thread pays for itself, and tests). */
export const sameThreadSide: StartSideThread = () => {
  const answers: SideAnswer[] = [];
  let job: SideJob | null = null;
  const next = (kind: SideAnswer['kind']): SideAnswer => {
    if (!job) throw new Error('metrics side job: an answer taken before the job was sent');
    if (answers.length === 0) runSideJob(job, (a) => answers.push(a));
    const a = answers.shift()!;
    if (a.kind !== kind) throw new Error(`metrics side job: expected ${kind}, got ${a.kind}`);
    return a;
  };
  return {
    send(j) { job = j; },
    tiers: () => (next('tiers') as Extract<SideAnswer, { kind: 'tiers' }>).tiers,
    cohorts: () => (next('cohorts') as Extract<SideAnswer, { kind: 'cohorts' }>).cells,
    fit: () => (next('fit') as Extract<SideAnswer, { kind: 'fit' }>).out,
  };
};
