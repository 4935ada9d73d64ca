import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../../src/bench/dataset.ts';
import { computeAllMetrics } from '../../../src/metrics/compute-all-metrics.ts';
import { fitWorker, sameThreadFit } from '../../../src/metrics/customer-base/fit-thread.ts';
import { config } from '../helpers.ts';

/*
 * The customer-base models fitted on a second thread (fit-thread.ts) give exactly what they give
 * on this thread: the same code on the same numbers, handed over and back by structured clone.
 */
describe('customer-base fit on a second thread', () => {
  it('every metric is the same with the fit here, on a worker, or through the same-thread stand-in', () => {
    const here = computeAllMetrics(syntheticDataset({ lines: 20_000, seed: 11 }), config(), undefined, { fitThread: null });
    const worker = computeAllMetrics(syntheticDataset({ lines: 20_000, seed: 11 }), config(), undefined, { fitThread: fitWorker });
    const stand = computeAllMetrics(syntheticDataset({ lines: 20_000, seed: 11 }), config(), undefined, { fitThread: sameThreadFit });
    // the models did fit (else the comparison would be of two empty results)
    expect(here.customerBase.summary.ok).toBe(true);
    expect(here.customerBase.customers.length).toBeGreaterThan(500);
    expect(here.customerBase.summary.holdout.ok).toBe(true);
    expect(worker).toEqual(here);
    expect(stand).toEqual(here);
  });
});
