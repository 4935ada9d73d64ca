import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.ts';
import { assignTiers, pareto, tierName } from '../../src/metrics/value-tiers.ts';
import { config, dataset } from './helpers.ts';

const names = (t: Uint8Array) => Array.from(t, (x) => tierName[x]);
const cuts = { A: 0.8, B: 0.95 };

describe('assignTiers', () => {
  it('a customer exactly at a cut goes to the lower tier (s < cut is strict)', () => {
    // 50, 30, 15, 5 of 100: s = 0, 0.5, 0.8, 0.95 → A, A, B, C
    expect(names(assignTiers(Float64Array.of(50, 30, 15, 5), ['x1', 'x2', 'x3', 'x4'], cuts))).toEqual(['A', 'A', 'B', 'C']);
  });
  it('ties are ranked by customer_id: of two equal revenues straddling the cut, the smaller id ranks first', () => {
    // z 60 (s 0) A; a 20 (s 0.6) A; b 20 (s 0.8) B
    expect(names(assignTiers(Float64Array.of(20, 20, 60), ['b', 'a', 'z'], cuts))).toEqual(['B', 'A', 'A']);
  });
  it('revenue ≤ 0 is none', () => {
    expect(names(assignTiers(Float64Array.of(0, -5, 10), ['a', 'b', 'c'], cuts))).toEqual(['none', 'none', 'A']);
  });
  it('both cuts inside one tie group', () => {
    // ten customers of 10 each: s = 0, .1, … .9 → first 8 ids A, 9th B (s .8), 10th C? s=.9 < .95 → B
    const ids = ['j', 'i', 'h', 'g', 'f', 'e', 'd', 'c', 'b', 'a'];
    const t = names(assignTiers(new Float64Array(10).fill(10), ids, cuts));
    expect(t).toEqual(['B', 'B', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A']);
  });
});

describe('pareto', () => {
  it('cumulative customer share vs revenue share', () => {
    const p = pareto(Float64Array.of(5, 50, 15, 30, 0));
    expect(p.map((x) => [x.customers_share, x.revenue_share])).toEqual([
      [0, 0],
      [0.25, 0.5],
      [0.5, 0.8],
      [0.75, 0.95],
      [1, 1],
    ]);
  });
});

describe('value tiers at asOf in the customer table', () => {
  it('trailing 12 months, net revenue; a refund-only customer has no tier', () => {
    const ds = dataset({
      orders: [
        { order_id: '1', customer_id: 'p', order_date: '2023-06-30', amount: 900 }, // outside (after 2023-06-30 only)
        { order_id: '2', customer_id: 'p', order_date: '2023-07-01', amount: 10 },
        { order_id: '3', customer_id: 'q', order_date: '2024-01-01', amount: 100 },
        { order_id: '4', customer_id: 'q', order_date: '2024-02-01', amount: -60 },
        { order_id: '5', customer_id: 'r', order_date: '2024-06-30', amount: 50 },
        { order_id: '6', customer_id: 's', order_date: '2024-03-01', amount: -5 },
      ],
    });
    const res = computeMetrics(ds, config({ asOf: '2024-06-30' }));
    const t = Object.fromEntries(res.customers.map((c) => [c.customer_id, [c.value_tier, c.value_revenue]]));
    // r 50 (s 0) A; q 40 (s 50/100 = .5) A; p 10 (s .9) B
    expect(t).toEqual({ p: ['B', 10], q: ['A', 40], r: ['A', 50], s: ['none', -5] });
    // summary: none counts customers who purchased at some point: none here (s never purchased)
    expect(res.valueTierSummary.map((x) => [x.tier, x.customers, x.revenue])).toEqual([
      ['A', 2, 90],
      ['B', 1, 10],
      ['C', 0, 0],
      ['none', 0, 0],
    ]);
  });
});
