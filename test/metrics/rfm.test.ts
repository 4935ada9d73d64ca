import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.ts';
import { config, dataset } from './helpers.ts';

/*
 * asOf 2024-12-31, window 12 months: days after 2023-12-31.
 *   u1: 12-31 +100                       R 0,   F 1, M 100
 *   u2: 12-01 +50, 12-21 +50             R 10,  F 2, M 100
 *   u3: 09-01, 10-01, 11-01 +30 each     R 60,  F 3, M 90
 *   u4: 05-01 +250, 06-01 +250, 07-01 −100 (refund)   R 213, F 2, M 400
 *   u5: 2023-12-31 +1000 (outside), 2024-01-01 +10    R 365, F 1, M 10
 *   u6: 2023-06-01 +70 only: not in the window
 * R sorted [0,10,60,213,365]: edges 8, 40, 121.2, 243.4 → R scores 5,4,3,2,1
 * F sorted [1,1,2,2,3]: edges 1, 1.6, 2, 2.2 → F=1 → 1, F=2 → 3, F=3 → 5
 * M sorted [10,90,100,100,400]: edges 74, 96, 100, 160 → 100 → 3 (both, equal values), 90 → 2, 400 → 5, 10 → 1
 * segments: u1 (5,1) new, u2 (4,3) potential_loyalist, u3 (3,5) loyal, u4 (2,3) at_risk, u5 (1,1) hibernating
 */
const ds = dataset({
  customers: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'].map((id) => ({ customer_id: id, name: id.toUpperCase(), owner_id: 's1' })),
  orders: [
    { order_id: '1', customer_id: 'u1', order_date: '2024-12-31', amount: 100 },
    { order_id: '2', customer_id: 'u2', order_date: '2024-12-01', amount: 50 },
    { order_id: '3', customer_id: 'u2', order_date: '2024-12-21', amount: 50 },
    { order_id: '4', customer_id: 'u3', order_date: '2024-09-01', amount: 30 },
    { order_id: '5', customer_id: 'u3', order_date: '2024-10-01', amount: 30 },
    { order_id: '6', customer_id: 'u3', order_date: '2024-11-01', amount: 30 },
    { order_id: '7', customer_id: 'u4', order_date: '2024-05-01', amount: 250 },
    { order_id: '8', customer_id: 'u4', order_date: '2024-06-01', amount: 250 },
    { order_id: '9', customer_id: 'u4', order_date: '2024-07-01', amount: -100 },
    { order_id: '10', customer_id: 'u5', order_date: '2023-12-31', amount: 1000 },
    { order_id: '11', customer_id: 'u5', order_date: '2024-01-01', amount: 10 },
    { order_id: '12', customer_id: 'u6', order_date: '2023-06-01', amount: 70 },
  ],
});

describe('RFM', () => {
  const res = computeMetrics(ds, config({ asOf: '2024-12-31' }));
  const by = new Map(res.customers.map((c) => [c.customer_id, c]));
  it('edges are type-7 quantiles of the window customers', () => {
    expect(res.rfmEdges.customers).toBe(5);
    expect(res.rfmEdges.windowStart).toBe('2024-01-01');
    expect(res.rfmEdges.recency.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([8, 40, 121.2, 243.4]);
    expect(res.rfmEdges.frequency.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1, 1.6, 2, 2.2]);
    expect(res.rfmEdges.monetary.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([74, 96, 100, 160]);
  });
  it('values, scores and segments', () => {
    const got = ['u1', 'u2', 'u3', 'u4', 'u5'].map((id) => {
      const c = by.get(id)!;
      return [c.recency_days, c.frequency, c.monetary, c.r, c.f, c.m, c.segment];
    });
    expect(got).toEqual([
      [0, 1, 100, 5, 1, 3, 'new'],
      [10, 2, 100, 4, 3, 3, 'potential_loyalist'],
      [60, 3, 90, 3, 5, 2, 'loyal'],
      [213, 2, 400, 2, 3, 5, 'at_risk'],
      [365, 1, 10, 1, 1, 1, 'hibernating'],
    ]);
    // outside the window / never purchased: no RFM values
    expect(by.get('u6')!.r).toBeNull();
    expect(by.get('u7')!.segment).toBeNull();
    expect(by.get('u7')!.status).toBe('prospect');
    expect(by.get('u1')!.name).toBe('U1');
  });
  it('segment summary and the company at-risk value (at_risk + cant_lose revenue)', () => {
    expect(res.segments.atRiskValue).toBe(400);
    expect(res.segments.atRiskCustomers).toBe(1);
    const loyal = res.segments.rows.find((r) => r.segment === 'loyal')!;
    expect([loyal.customers, loyal.revenue, loyal.customers_share]).toEqual([1, 90, 0.2]);
    expect(res.segments.rows.find((r) => r.segment === 'champions')!.customers).toBe(0);
  });
  it('windowMonths 0 = all history: u5 F 2, M 1010; u6 R = 579 days', () => {
    const all = computeMetrics(ds, config({ asOf: '2024-12-31', rfm: { windowMonths: 0 } }));
    const u5 = all.customers.find((c) => c.customer_id === 'u5')!;
    const u6 = all.customers.find((c) => c.customer_id === 'u6')!;
    expect([u5.frequency, u5.monetary]).toEqual([2, 1010]);
    expect(u6.recency_days).toBe(579); // 2023-06-01 → 2024-12-31: 214 + 365
    expect(all.rfmEdges.windowStart).toBeNull();
  });
});
