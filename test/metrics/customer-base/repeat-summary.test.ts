import { describe, expect, it } from 'vitest';
import { repeatSummary } from '../../../src/metrics/customer-base/repeat-summary.ts';

describe('repeatSummary', () => {
  // customer 0: days 10, 10, 17, 30, 45 (45 after the calibration end 40)
  // customer 1: one purchase on day 20; customer 2: nothing; customer 3: first purchase after the end
  const runs = {
    count: 4,
    start: Int32Array.from([0, 5, 6, 6, 7]),
    day: Int32Array.from([10, 10, 17, 30, 45, 20, 41]),
    amount: Float64Array.from([5, 7, 20, 40, 99, 8, 3]),
  };
  const s = repeatSummary(runs, 40);

  it('counts a day once, leaves out the first purchase’s value and what is after the end', () => {
    expect(s.n).toBe(2);
    expect([...s.customer]).toEqual([0, 1]);
    expect([...s.x]).toEqual([2, 0]);
    expect([...s.txDays]).toEqual([20, 0]);
    expect([...s.TDays]).toEqual([30, 20]);
    expect([...s.lastDay]).toEqual([30, 20]);
    expect(s.m[0]).toBe(30);
    expect(s.m[1]).toBeNaN();
  });

  it('sums several purchases of one repeat day into that day’s value', () => {
    const r = repeatSummary({ count: 1, start: Int32Array.from([0, 4]), day: Int32Array.from([1, 5, 5, 9]), amount: Float64Array.from([1, 2, 3, 10]) }, 9);
    expect(r.x[0]).toBe(2);
    expect(r.m[0]).toBe(7.5);
  });
});
