import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.ts';
import { config, dataset, type OrderIn } from './helpers.ts';

/*
 * Properties over random small datasets (3 owners in 2 teams, 6 customers, one year):
 * - revenue per month / quarter / year = Σ of the order amounts dated in it (naive loop);
 *   months add up to quarters, quarters to the year;
 * - a team's numerators and denominators are its members' sums (ratios recomputed, not averaged);
 * - cohort cells: k = 0 is 1, customers ≤ size;
 * - value tiers: every A customer's revenue ≥ every B's ≥ every C's, all > 0.
 */
const customers = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
const owners = ['s1', 's1', 's2', 's2', 's3', 's3'];
const order = fc.record({
  c: fc.integer({ min: 0, max: 6 }), // 6 = anonymous
  day: fc.integer({ min: 0, max: 364 }),
  cents: fc.integer({ min: -5000, max: 20000 }),
  lines: fc.integer({ min: 1, max: 2 }),
});

function build(orders: { c: number; day: number; cents: number; lines: number }[]) {
  const rows: OrderIn[] = [];
  orders.forEach((o, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + o.day)).toISOString().slice(0, 10);
    for (let k = 0; k < o.lines; k++)
      rows.push({
        order_id: `o${i}`,
        customer_id: o.c < 6 ? customers[o.c]! : null,
        order_date: date,
        amount: (o.lines === 1 ? o.cents : k === 0 ? o.cents - 100 : 100) / 100,
      });
  });
  return dataset({
    staff: [{ staff_id: 's1', team: 'T1' }, { staff_id: 's2', team: 'T1' }, { staff_id: 's3', team: 'T2' }],
    customers: customers.map((id, i) => ({ customer_id: id, owner_id: owners[i]! })),
    orders: rows,
  });
}

describe('metric properties', () => {
  it('hold on random datasets', () => {
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 40 }), (orders) => {
        const res = computeMetrics(build(orders), config({ asOf: '2024-12-31' }));
        const rows = res.kpis;
        // naive revenue per month, in cents
        const naive = new Map<string, number>();
        for (const o of orders) {
          const m = new Date(Date.UTC(2024, 0, 1 + o.day)).toISOString().slice(0, 7);
          naive.set(m, (naive.get(m) ?? 0) + o.cents);
        }
        const company = (grain: string, kpi: string) =>
          rows.filter((r) => r.entity_type === 'company' && r.grain === grain && r.kpi === kpi);
        for (const r of company('month', 'revenue')) expect(Math.round(r.value! * 100)).toBe(naive.get(r.period) ?? 0);
        const sum = (grain: string) => Math.round(company(grain, 'revenue').reduce((a, r) => a + r.value!, 0) * 100);
        expect(sum('quarter')).toBe(sum('month'));
        expect(sum('year')).toBe(sum('month'));

        // team T1 = s1 + s2 for every additive numerator/denominator
        for (const kpi of ['buyers', 'new_customers', 'returning_share', 'retention_rate', 'repeat_rate', 'reactivation_rate', 'revenue']) {
          for (const r of rows.filter((x) => x.entity_type === 'team' && x.entity_id === 'T1' && x.kpi === kpi)) {
            const members = rows.filter(
              (x) => x.entity_type === 'person' && (x.entity_id === 's1' || x.entity_id === 's2') && x.kpi === kpi && x.grain === r.grain && x.period === r.period,
            );
            expect(Math.round(r.numerator! * 100)).toBe(Math.round(members.reduce((a, x) => a + x.numerator!, 0) * 100));
            if (r.denominator !== null) expect(r.denominator).toBe(members.reduce((a, x) => a + x.denominator!, 0));
          }
        }

        for (const c of res.cohorts) {
          if (c.k === 0) expect(c.customer_retention).toBe(1);
          expect(c.customers).toBeLessThanOrEqual(c.size);
        }

        const rev = (t: string) => res.customers.filter((c) => c.value_tier === t).map((c) => c.value_revenue);
        const [a, b, cc] = [rev('A'), rev('B'), rev('C')];
        for (const x of [...a, ...b, ...cc]) expect(x).toBeGreaterThan(0);
        if (a.length && b.length) expect(Math.min(...a)).toBeGreaterThanOrEqual(Math.max(...b));
        if (b.length && cc.length) expect(Math.min(...b)).toBeGreaterThanOrEqual(Math.max(...cc));
      }),
      { numRuns: 150, seed: 4242 },
    );
  });
});
