/**
 * Entry of the metrics side thread (started by side-thread.ts): it loads its modules while the
 * main thread reduces the order lines, takes one job, posts each answer on its port and counts
 * it in `done` (the main thread waits on that count without an event loop: the metrics stage is
 * synchronous). Every failure, a module that does not load included, is an answer: the main
 * thread never waits on a thread that has gone.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { SideAnswer, SideJob } from './side-job.ts';

const loaded = import('./side-job.ts');
loaded.catch(() => {});

parentPort!.once('message', ({ job, port, done }: { job: SideJob; port: MessagePort; done: Int32Array }) => {
  const post = (m: unknown, transfer: ArrayBuffer[] = []) => {
    port.postMessage(m, transfer);
    Atomics.add(done, 0, 1);
    Atomics.notify(done, 0);
  };
  void (async () => {
    try {
      const { runSideJob } = await loaded;
      runSideJob(job, (a) => post({ ok: true, answer: a }, transferables(a)));
    } catch (e) {
      post({ ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
    }
  })();
});

/** the per-customer arrays move back to the main thread instead of being copied */
function transferables(a: SideAnswer): ArrayBuffer[] {
  const arrays: (ArrayBufferView | null)[] = [];
  if (a.kind === 'tiers') arrays.push(...a.tiers);
  else if (a.kind === 'fit' && a.out.model.ok) {
    const f = a.out.model.figures;
    const s = f.summary;
    arrays.push(s.customer, s.x, s.txDays, s.TDays, s.firstDay, s.lastDay, s.m, f.pAlive, f.purchases90d, f.purchases12m, f.spend, f.value, f.valueIfAlive);
  }
  const seen = new Set<ArrayBuffer>();
  for (const x of arrays) if (x && x.buffer instanceof ArrayBuffer) seen.add(x.buffer);
  return [...seen];
}
