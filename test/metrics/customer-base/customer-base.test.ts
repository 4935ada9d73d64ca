import { describe, expect, it } from 'vitest';
import { atRiskCut, atRiskFlags } from '../../../src/metrics/customer-base/at-risk.ts';
import { expectedPurchases } from '../../../src/metrics/customer-base/bgnbd-expectations.ts';
import { fitCustomerBase, type CustomerFigures } from '../../../src/metrics/customer-base/customer-base-model.ts';
import { discountedPurchases, monthPoints } from '../../../src/metrics/customer-base/customer-value.ts';
import { holdoutCheck } from '../../../src/metrics/customer-base/holdout.ts';
import { portfolioRows } from '../../../src/metrics/customer-base/portfolio.ts';
import { repeatSummary } from '../../../src/metrics/customer-base/repeat-summary.ts';
import { cdnowRuns, dayOf } from './cdnow-runs.ts';

describe('customer value', () => {
  it('discounts each month’s expected purchases at the month’s end', () => {
    // cumulative expectations 0, 1, 1.5, 2 → monthly 1, 0.5, 0.5 at d = 10 %
    const v = discountedPurchases([0, 1, 1.5, 2], { months: 3, monthlyDiscountRate: 0.1 });
    expect(v).toBeCloseTo(1 / 1.1 + 0.5 / 1.21 + 0.5 / 1.331, 12);
    expect(discountedPurchases([0, 1, 1.5, 2], { months: 3, monthlyDiscountRate: 0 })).toBe(2);
  });
  it('month points: a twelfth of 365.25 days in the model’s unit', () => {
    expect(monthPoints({ months: 2, monthlyDiscountRate: 0 }, 7)).toEqual([0, 30.4375 / 7, 60.875 / 7]);
  });
});

const figures = (pAlive: number[], valueIfAlive: number[], x: number[]): CustomerFigures => ({
  summary: { n: pAlive.length, customer: Int32Array.from(pAlive.map((_, i) => i)), x: Int32Array.from(x), txDays: new Int32Array(pAlive.length), TDays: new Int32Array(pAlive.length), firstDay: new Int32Array(pAlive.length), lastDay: new Int32Array(pAlive.length), m: new Float64Array(pAlive.length) },
  pAlive: Float64Array.from(pAlive),
  purchases90d: Float64Array.from(pAlive.map((p) => p * 2)),
  purchases12m: Float64Array.from(pAlive.map((p) => p * 8)),
  spend: Float64Array.from(pAlive.map(() => 10)),
  value: Float64Array.from(pAlive.map((p, i) => p * valueIfAlive[i]!)),
  valueIfAlive: Float64Array.from(valueIfAlive),
});

describe('at risk and portfolios', () => {
  // customers: 0 gone-ish and valuable, 1 gone-ish and cheap, 2 alive and valuable, 3 no repeat (P(alive) 1)
  const f = figures([0.1, 0.2, 0.9, 1], [1000, 10, 500, 2000], [3, 1, 5, 0]);

  it('the high-value cut is the quantile over repeat customers only', () => {
    // repeaters' values 10, 500, 1000: median 500
    expect(atRiskCut(f, 0.5)).toBe(500);
    expect([...atRiskFlags(f, 0.5, 500)]).toEqual([1, 0, 0, 0]);
  });

  it('sums per company and per group, in minor units; value at risk = value if active × (1 − P(alive)) of those at risk', () => {
    const flags = atRiskFlags(f, 0.5, 500);
    const rows = portfolioRows(f, flags, [{ level: 'owner', of: (i) => (i < 2 ? 0 : i === 2 ? 1 : -1), names: ['S1', 'S2'] }], (v) => Math.round(v * 100));
    const company = rows[0]!;
    expect(company).toMatchObject({ level: 'company', key: null, customers: 4, atRisk: 1 });
    expect(company.expectedActive).toBeCloseTo(2.2, 12);
    // in minor units (fen here): each customer's figure rounded, then summed as integers
    expect(company.value).toBe((100 + 2 + 450 + 2000) * 100);
    expect(company.valueAtRisk).toBe(900 * 100);
    expect(rows.slice(1).map((r) => [r.key, r.customers])).toEqual([['S1', 2], ['S2', 1], [null, 1]]);
  });

  it('without the spend model nobody is at risk and values are null', () => {
    const g = { ...f, spend: null, value: null, valueIfAlive: null };
    expect(atRiskCut(g, 0.5)).toBeNull();
    const rows = portfolioRows(g, atRiskFlags(g, 0.5, null), [], (v) => Math.round(v * 100));
    expect(rows[0]).toMatchObject({ value: null, valueAtRisk: null, atRisk: 0 });
  });
});

describe('honest limits', () => {
  const runs = (days: number[][]) => {
    const start = [0];
    const day: number[] = [];
    for (const d of days) {
      day.push(...d);
      start.push(day.length);
    }
    return { count: days.length, start: Int32Array.from(start), day: Int32Array.from(day), amount: Float64Array.from(day.map(() => 10)) };
  };
  const s = { timeUnit: 'week' as const, months: 12, monthlyDiscountRate: 0.01 };
  it('no repeat purchases → a reason, no figures', () => {
    const r = fitCustomerBase(runs([[0], [5], [200]]), 300, s);
    expect(r).toEqual({ ok: false, reason: 'no_repeat_purchases', customers: 3, repeaters: 0 });
  });
  it('history shorter than 90 days → a reason', () => {
    expect(fitCustomerBase(runs([[0, 10], [5, 20]]), 60, s)).toMatchObject({ ok: false, reason: 'history_too_short' });
  });
  it('nobody purchased by the calibration end → a reason', () => {
    expect(fitCustomerBase(runs([[100]]), 50, s)).toMatchObject({ ok: false, reason: 'no_customers' });
  });
});

describe('holdout check on CDNOW (calibration to 1997-09-30, the 39 weeks after)', () => {
  const r = cdnowRuns();
  const h = holdoutCheck(r, dayOf('1997-10-01'), dayOf('1998-06-30'), 'week');
  it('fits the paper’s calibration and forecasts each customer with the closed form', () => {
    if (!h.ok) throw new Error(h.reason);
    expect(h.params.r.toFixed(3)).toBe('0.243');
    expect(h.classes.map((c) => c.repeats)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(h.classes.reduce((s, c) => s + c.customers, 0)).toBe(2357);
    // forecast: Σ of the closed form over the calibration summary, recomputed here
    const s = repeatSummary(r, dayOf('1997-09-30'));
    let sum = 0;
    for (let i = 0; i < s.n; i++) sum += expectedPurchases(h.params, s.x[i]!, s.txDays[i]! / 7, s.TDays[i]! / 7, 273 / 7);
    expect(h.forecast).toBeCloseTo(sum, 6);
  });
  it('actual purchases: distinct purchase days in the period, counted from the file independently', () => {
    if (!h.ok) throw new Error(h.reason);
    const from = dayOf('1997-10-01');
    const to = dayOf('1998-06-30');
    const seen = new Set<string>();
    for (let c = 0; c < r.count; c++) for (let j = r.start[c]!; j < r.start[c + 1]!; j++) if (r.day[j]! >= from && r.day[j]! <= to) seen.add(`${c}:${r.day[j]}`);
    expect(h.actual).toBe(seen.size);
  });
});
