import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.ts';
import { config, dataset } from './helpers.ts';

/*
 * asOf 2024-05-20 (May is partial).
 *   a (s1): 01-10 +100, 02-15 +50, 05-10 +30        cohort 2024-01
 *   c (s2): 01-05 +40 (web), 02-01 +60, 02-03 −10    cohort 2024-01
 *   b (s1): 02-20 +200                                cohort 2024-02
 *   f (s2): 01-20 −5 (refund before any purchase), 02-10 +20 (shop)   cohort 2024-02
 *   e (s2): 03-05 −25 only: in no cohort
 */
const ds = dataset({
  staff: [{ staff_id: 's1', team: 'T1' }, { staff_id: 's2', team: 'T2' }],
  customers: [
    { customer_id: 'a', owner_id: 's1' },
    { customer_id: 'b', owner_id: 's1' },
    { customer_id: 'c', owner_id: 's2' },
    { customer_id: 'e', owner_id: 's2' },
    { customer_id: 'f', owner_id: 's2', region: 'West' },
  ],
  orders: [
    { order_id: '1', customer_id: 'a', order_date: '2024-01-10', amount: 100, channel: 'shop' },
    { order_id: '2', customer_id: 'a', order_date: '2024-02-15', amount: 50 },
    { order_id: '3', customer_id: 'a', order_date: '2024-05-10', amount: 30 },
    { order_id: '4', customer_id: 'b', order_date: '2024-02-20', amount: 200, channel: 'web' },
    { order_id: '5', customer_id: 'c', order_date: '2024-01-05', amount: 40, channel: 'web' },
    { order_id: '6', customer_id: 'c', order_date: '2024-02-01', amount: 60 },
    { order_id: '7', customer_id: 'c', order_date: '2024-02-03', amount: -10 },
    { order_id: '8', customer_id: 'f', order_date: '2024-01-20', amount: -5, channel: 'web' },
    { order_id: '9', customer_id: 'f', order_date: '2024-02-10', amount: 20, channel: 'shop' },
    { order_id: '10', customer_id: 'e', order_date: '2024-03-05', amount: -25 },
  ],
});
const res = computeMetrics(ds, config({ asOf: '2024-05-20' }));
const cells = (dimension: string, key: string, cohort: string) =>
  res.cohorts.filter((c) => c.dimension === dimension && c.key === key && c.cohort === cohort);

describe('cohort retention', () => {
  it('company cohort 2024-01 (a, c): k0 = 1 and 140, k1 2 customers 100 net, k4 partial, nothing after May', () => {
    const j = cells('company', 'company', '2024-01');
    expect(j.map((c) => c.k)).toEqual([0, 1, 2, 3, 4]);
    expect(j.map((c) => c.size)).toEqual([2, 2, 2, 2, 2]);
    expect(j.map((c) => c.customers)).toEqual([2, 2, 0, 0, 1]);
    expect(j.map((c) => c.revenue)).toEqual([140, 100, 0, 0, 30]);
    expect(j[0]!.customer_retention).toBe(1);
    expect(j[4]!.customer_retention).toBe(0.5);
    expect(j[1]!.revenue_retention).toBeCloseTo(100 / 140, 12);
    expect(j.map((c) => c.partial)).toEqual([false, false, false, false, true]);
  });
  it('a refund before the first purchase belongs to no cell; refund-only customers are in no cohort', () => {
    const f = cells('company', 'company', '2024-02');
    expect(f[0]!.size).toBe(2); // b and f
    expect(f[0]!.revenue).toBe(220); // 200 + 20; f's January refund is not in month c+0
    expect(f.map((c) => c.k)).toEqual([0, 1, 2, 3]);
    expect(res.cohorts.some((c) => c.cohort === '2024-03')).toBe(false);
  });
  it('per owner, team, region and channel of first purchase', () => {
    expect(cells('owner', 's1', '2024-01')[0]!.size).toBe(1);
    expect(cells('owner', 's2', '2024-02')[0]!.size).toBe(1);
    expect(cells('team', 'T2', '2024-01')[1]!.revenue).toBe(50); // c: 60 − 10
    expect(cells('region', 'West', '2024-02')[0]!.size).toBe(1);
    // first purchase channels: a shop, c web (Jan); b web, f shop (its refund's 'web' is not a purchase)
    expect(cells('channel', 'web', '2024-01')[0]!.size).toBe(1);
    expect(cells('channel', 'shop', '2024-02')[0]!.size).toBe(1);
    expect(cells('channel', 'web', '2024-02')[0]!.size).toBe(1);
  });
});

describe('cohort partial flag', () => {
  it('asOf on the last day of its month: the month is complete, no cell is partial', () => {
    const r = computeMetrics(ds, config({ asOf: '2024-05-31' }));
    expect(r.cohorts.some((c) => c.partial)).toBe(false);
    expect(r.cohorts.filter((c) => c.dimension === 'company' && c.cohort === '2024-01').map((c) => c.k)).toEqual([0, 1, 2, 3, 4]);
  });
});
