import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../src/bench/dataset.ts';
import { computeAllMetrics } from '../../src/metrics/compute-all-metrics.ts';
import { sameThreadSide, sideWorker } from '../../src/metrics/side-thread.ts';
import { config } from './helpers.ts';

/*
 * The tier snapshots and customer-base models computed on a second thread (side-thread.ts) give exactly what they give
 * on this thread: the same code on the same numbers, handed over and back by structured clone.
 */
describe('metrics side thread (tier snapshots, customer-base models)', () => {
  it('every metric is the same computed here, on a worker, or through the same-thread stand-in', () => {
    const here = computeAllMetrics(syntheticDataset({ lines: 20_000, seed: 11 }), config(), undefined, { sideThread: null });
    const worker = computeAllMetrics(syntheticDataset({ lines: 20_000, seed: 11 }), config(), undefined, { sideThread: sideWorker });
    const stand = computeAllMetrics(syntheticDataset({ lines: 20_000, seed: 11 }), config(), undefined, { sideThread: sameThreadSide });
    // the models did fit (else the comparison would be of two empty results)
    expect(here.customerBase.summary.ok).toBe(true);
    expect(here.customerBase.customers.length).toBeGreaterThan(500);
    expect(here.customerBase.summary.holdout.ok).toBe(true);
    expect(worker).toEqual(here);
    expect(stand).toEqual(here);
  });
});
