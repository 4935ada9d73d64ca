/**
 * Entry of the customer-base thread (started by fit-thread.ts): it loads its modules while the
 * main thread reduces the order lines, takes one job, answers on its port, then raises `done`
 * (the main thread waits on it without an event loop: the metrics stage is synchronous). Every
 * failure, a module that does not load included, is an answer: the main thread never waits on
 * a thread that has gone.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { FitJob, FitOutcome } from './fit-job.ts';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const loaded = import('./fit-job.ts');
loaded.catch(() => {});

parentPort!.once('message', ({ job, port, done }: { job: FitJob; port: MessagePort; done: Int32Array }) => {
  void (async () => {
    try {
      const { runFitJob } = await loaded;
      const out = runFitJob(job, undefined, cpuMs);
      port.postMessage({ ok: true, out }, transferables(out));
    } catch (e) {
      port.postMessage({ ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
    } finally {
      Atomics.store(done, 0, 1);
      Atomics.notify(done, 0);
    }
  })();
});

/** the per-customer arrays move back to the main thread instead of being copied */
function transferables(out: FitOutcome): ArrayBuffer[] {
  if (!out.model.ok) return [];
  const f = out.model.figures;
  const s = f.summary;
  const arrays = [s.customer, s.x, s.txDays, s.TDays, s.firstDay, s.lastDay, s.m, f.pAlive, f.purchases90d, f.purchases12m, f.spend, f.value, f.valueIfAlive];
  const seen = new Set<ArrayBuffer>();
  for (const a of arrays) if (a && a.buffer instanceof ArrayBuffer) seen.add(a.buffer);
  return [...seen];
}
