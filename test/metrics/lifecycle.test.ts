import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.ts';
import { config, dataset, kpi } from './helpers.ts';

/*
 * Fixture L (asOf 2024-05-31). Staff s1, s2 in team T.
 * customers: a (s1, East, gold), b (s1, created 2023-12-15), c (s2, silver), d (s2), e (s2, refund only)
 *   a: 01-10 +100, 02-15 +50, 05-10 +30
 *   b: 02-20 +200
 *   c: 01-05 +40, 02-01 +60 (line owner s1), 02-03 −10
 *   d: 03-01 +70
 *   e: 03-05 −25
 */
const L = dataset({
  staff: [
    { staff_id: 's1', team: 'T' },
    { staff_id: 's2', team: 'T' },
  ],
  customers: [
    { customer_id: 'a', owner_id: 's1', region: 'East', member_level: 'gold', created_at: '2024-02-01' },
    { customer_id: 'b', owner_id: 's1', created_at: '2023-12-15' },
    { customer_id: 'c', owner_id: 's2', member_level: 'silver' },
    { customer_id: 'd', owner_id: 's2' },
    { customer_id: 'e', owner_id: 's2' },
  ],
  orders: [
    { order_id: '1', customer_id: 'a', order_date: '2024-01-10', amount: 100 },
    { order_id: '2', customer_id: 'a', order_date: '2024-02-15', amount: 50 },
    { order_id: '3', customer_id: 'a', order_date: '2024-05-10', amount: 30 },
    { order_id: '4', customer_id: 'b', order_date: '2024-02-20', amount: 200 },
    { order_id: '5', customer_id: 'c', order_date: '2024-01-05', amount: 40 },
    { order_id: '6', customer_id: 'c', order_date: '2024-02-01', amount: 60, owner_id: 's1' },
    { order_id: '7', customer_id: 'c', order_date: '2024-02-03', amount: -10 },
    { order_id: '8', customer_id: 'd', order_date: '2024-03-01', amount: 70 },
    { order_id: '9', customer_id: 'e', order_date: '2024-03-05', amount: -25 },
  ],
});
const res = computeMetrics(L, config({ asOf: '2024-05-31' }));
const v = (entity: string, grain: string, period: string, id: string) => kpi(res.kpis, entity, grain, period, id).value;

describe('sales KPIs (order amounts go to the order owner)', () => {
  it('company February: revenue 50+200+60−10 = 300, gross 310, 3 purchases, 1 refund, aov 310/3 rounded half to even to the fen', () => {
    expect(v('company', 'month', '2024-02', 'revenue')).toBe(300);
    expect(v('company', 'month', '2024-02', 'gross_sales')).toBe(310);
    expect(v('company', 'month', '2024-02', 'purchases')).toBe(3);
    expect(v('company', 'month', '2024-02', 'refunds')).toBe(1);
    expect(v('company', 'month', '2024-02', 'aov')).toBe(103.33); // 31000 fen / 3 = 10333.3… → 10333
  });
  it('quarter and year: Q1 revenue 140+300+45 = 485, gross 520; 2024 revenue 515', () => {
    expect(v('company', 'quarter', '2024-Q1', 'revenue')).toBe(485);
    expect(v('company', 'quarter', '2024-Q1', 'gross_sales')).toBe(520);
    expect(v('company', 'quarter', '2024-Q1', 'purchases')).toBe(6);
    expect(v('company', 'quarter', '2024-Q1', 'refunds')).toBe(2);
    expect(v('company', 'year', '2024', 'revenue')).toBe(515);
  });
  it('person s1 in February gets c’s order 6 (line owner), s2 only the refund: aov has no value', () => {
    expect(v('person:s1', 'month', '2024-02', 'revenue')).toBe(310);
    expect(v('person:s2', 'month', '2024-02', 'revenue')).toBe(-10);
    const aov = kpi(res.kpis, 'person:s2', 'month', '2024-02', 'aov');
    expect(aov.value).toBeNull();
    expect(aov.reason).toBe('empty_denominator');
  });
});

describe('lifecycle KPIs (customer-based go to the customer owner)', () => {
  it('February: buyers a,b,c; new b; returning a,c → 2/3; returning revenue 50+60 = 110 of 310', () => {
    expect(v('company', 'month', '2024-02', 'buyers')).toBe(3);
    expect(v('company', 'month', '2024-02', 'new_customers')).toBe(1);
    expect(v('company', 'month', '2024-02', 'returning_share')).toBeCloseTo(2 / 3, 12);
    expect(v('company', 'month', '2024-02', 'returning_revenue')).toBe(110);
    expect(v('company', 'month', '2024-02', 'returning_revenue_share')).toBeCloseTo(110 / 310, 12);
  });
  it('a refund-only customer is not a buyer and not new', () => {
    // March: buyers = d only; e's refund does not make a buyer
    expect(v('company', 'month', '2024-03', 'buyers')).toBe(1);
    expect(v('company', 'month', '2024-03', 'new_customers')).toBe(1);
    expect(v('company', 'quarter', '2024-Q1', 'new_customers')).toBe(4);
  });
  it('retention: Feb 2/2, Mar 0/3, Apr 0/1, May no value (no buyers in April); churn = 1 − retention', () => {
    expect(v('company', 'month', '2024-02', 'retention_rate')).toBe(1);
    expect(v('company', 'month', '2024-03', 'retention_rate')).toBe(0);
    expect(v('company', 'month', '2024-03', 'churn_rate')).toBe(1);
    expect(v('company', 'month', '2024-04', 'retention_rate')).toBe(0);
    const may = kpi(res.kpis, 'company', 'month', '2024-05', 'retention_rate');
    expect(may.value).toBeNull();
    expect(may.reason).toBe('empty_denominator');
    const jan = kpi(res.kpis, 'company', 'month', '2024-01', 'retention_rate');
    expect(jan.reason).toBe('empty_denominator'); // first period: no P−1 buyers
    // quarter: Q2 buyers {a}, Q1 buyers {a,b,c,d} → 1/4
    expect(v('company', 'quarter', '2024-Q2', 'retention_rate')).toBe(0.25);
    expect(v('company', 'quarter', '2024-Q2', 'churn_rate')).toBe(0.75);
  });
  it('a team ratio is recomputed from its rows, not the mean of members’ ratios', () => {
    // returning share Feb: s1 buyers {a,b}, returning {a} → 1/2; s2 buyers {c}, returning {c} → 1
    expect(v('person:s1', 'month', '2024-02', 'returning_share')).toBe(0.5);
    expect(v('person:s2', 'month', '2024-02', 'returning_share')).toBe(1);
    // team T: 2 returning / 3 buyers, not (0.5 + 1) / 2 = 0.75
    expect(v('team:T', 'month', '2024-02', 'returning_share')).toBeCloseTo(2 / 3, 12);
    const row = kpi(res.kpis, 'team:T', 'month', '2024-02', 'returning_share');
    expect([row.numerator, row.denominator]).toEqual([2, 3]);
  });
  it('repeat rate over the 12 months ending at the period end (partial: at asOf)', () => {
    // May: a 3 purchases, b 1, c 2, d 1 → 2/4
    expect(v('company', 'month', '2024-05', 'repeat_rate')).toBe(0.5);
    expect(v('company', 'quarter', '2024-Q2', 'repeat_rate')).toBe(0.5);
    // January: a 1, c 1 → 0/2
    expect(v('company', 'month', '2024-01', 'repeat_rate')).toBe(0);
  });
  it('region: the customer’s region (a → East)', () => {
    expect(v('region:East', 'month', '2024-02', 'buyers')).toBe(1);
    expect(v('region:East', 'month', '2024-02', 'revenue')).toBe(50);
  });
});

describe('member AOV', () => {
  it('Jan (100+40)/2 = 70, Feb (50+60)/2 = 55, uplift −15/70; no members in March → no value', () => {
    expect(v('company', 'month', '2024-01', 'member_aov')).toBe(70);
    expect(v('company', 'month', '2024-02', 'member_aov')).toBe(55);
    expect(v('company', 'month', '2024-02', 'member_aov_uplift')).toBeCloseTo(-15 / 70, 12);
    expect(kpi(res.kpis, 'company', 'month', '2024-01', 'member_aov_uplift').reason).toBe('no_previous_period');
    expect(kpi(res.kpis, 'company', 'month', '2024-03', 'member_aov').reason).toBe('empty_denominator');
    expect(kpi(res.kpis, 'company', 'month', '2024-03', 'member_aov_uplift').reason).toBe('no_data');
  });
});

describe('newCustomerBasis: created_at', () => {
  it('a created in Feb; b created before the first period (new nowhere); c, d without created_at fall back to first purchase', () => {
    const r = computeMetrics(L, config({ asOf: '2024-05-31', newCustomerBasis: 'created_at' }));
    const n = (p: string) => kpi(r.kpis, 'company', 'month', p, 'new_customers').value;
    expect([n('2024-01'), n('2024-02'), n('2024-03')]).toEqual([1, 1, 1]);
  });
});

describe('periods', () => {
  it('run from the first order month to the month of asOf; the quarter holding asOf is partial', () => {
    expect(res.periods.month.map((p) => p.id)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    expect(res.periods.month.at(-1)!.complete).toBe(true); // May ends on asOf
    const q2 = res.periods.quarter.at(-1)!;
    expect([q2.id, q2.complete]).toEqual(['2024-Q2', false]);
  });
});

/*
 * Fixture R: reactivation thresholds (dormantDays 90, lostDays 365), asOf 2024-04-30.
 *   x: 2024-01-01, 2024-03-31  (gap 90: not reactivated)
 *   y: 2024-01-01, 2024-04-01  (gap 91: reactivated in April)
 *   z: 2022-12-31, 2024-01-01  (gap 366: reactivated and won back in January)
 *   w: 2023-01-01, 2024-01-01  (gap 365: reactivated, not won back)
 */
const R = dataset({
  customers: ['x', 'y', 'z', 'w'].map((id) => ({ customer_id: id, owner_id: 's1' })),
  orders: [
    { order_id: '1', customer_id: 'x', order_date: '2024-01-01', amount: 10 },
    { order_id: '2', customer_id: 'x', order_date: '2024-03-31', amount: 10 },
    { order_id: '3', customer_id: 'y', order_date: '2024-01-01', amount: 10 },
    { order_id: '4', customer_id: 'y', order_date: '2024-04-01', amount: 10 },
    { order_id: '5', customer_id: 'z', order_date: '2022-12-31', amount: 10 },
    { order_id: '6', customer_id: 'z', order_date: '2024-01-01', amount: 10 },
    { order_id: '7', customer_id: 'w', order_date: '2023-01-01', amount: 10 },
    { order_id: '8', customer_id: 'w', order_date: '2024-01-01', amount: 10 },
  ],
});
const rr = computeMetrics(R, config({ asOf: '2024-04-30' }));
const rv = (period: string, id: string) => kpi(rr.kpis, 'company', 'month', period, id);

describe('reactivated, won_back, reactivation_rate', () => {
  it('January: z and w reactivated (366 and 365 days > 90), only z won back (366 > 365, 365 is not)', () => {
    expect(rv('2024-01', 'reactivated').value).toBe(2);
    expect(rv('2024-01', 'won_back').value).toBe(1);
    // at Jan 1: z (366 days) and w (365 days) had purchased, not within 90 days → 2/2
    expect(rv('2024-01', 'reactivation_rate').value).toBe(1);
    expect(rv('2024-01', 'reactivation_rate').denominator).toBe(2);
  });
  it('March: x after exactly 90 days is not reactivated; nobody dormant at Mar 1 → no value', () => {
    expect(rv('2024-03', 'reactivated').value).toBe(0);
    expect(rv('2024-03', 'reactivation_rate').value).toBeNull();
    expect(rv('2024-03', 'reactivation_rate').reason).toBe('empty_denominator');
  });
  it('April: y after 91 days is reactivated; dormant at Apr 1: y, z, w (91 days), not x (1 day) → 1/3', () => {
    expect(rv('2024-04', 'reactivated').value).toBe(1);
    expect(rv('2024-04', 'won_back').value).toBe(0);
    const r = rv('2024-04', 'reactivation_rate');
    expect([r.numerator, r.denominator]).toEqual([1, 3]);
  });
  it('December 2023: z and w dormant at Dec 1 (335, 334 days), nobody bought → 0/2', () => {
    const r = rv('2023-12', 'reactivation_rate');
    expect([r.value, r.denominator]).toEqual([0, 2]);
  });
  it('person and company agree when everyone has one owner', () => {
    expect(kpi(rr.kpis, 'person:s1', 'month', '2024-04', 'reactivation_rate').value).toBeCloseTo(1 / 3, 12);
  });
});

/*
 * Fixture W: a 3-month repeat window at 31 May 2024 holds days after 29 Feb (31 May − 3 months,
 * clamped), up to 31 May.
 *   p: 2024-02-29, 2024-05-10 → 1 purchase in the window
 *   q: 2024-03-01, 2024-05-10 → 2 → repeat
 */
describe('trailing window clamping', () => {
  it('repeat rate in May with repeatWindowMonths 3 = 1/2', () => {
    const W = dataset({
      orders: [
        { order_id: '1', customer_id: 'p', order_date: '2024-02-29', amount: 5 },
        { order_id: '2', customer_id: 'p', order_date: '2024-05-10', amount: 5 },
        { order_id: '3', customer_id: 'q', order_date: '2024-03-01', amount: 5 },
        { order_id: '4', customer_id: 'q', order_date: '2024-05-10', amount: 5 },
      ],
    });
    const r = computeMetrics(W, config({ asOf: '2024-05-31', repeatWindowMonths: 3 }));
    const row = kpi(r.kpis, 'company', 'month', '2024-05', 'repeat_rate');
    expect([row.numerator, row.denominator]).toEqual([1, 2]);
  });
});

describe('edges', () => {
  it('orders after asOf are ignored; with none left every count is 0 and every ratio has no value', () => {
    const ds = dataset({ orders: [{ order_id: '1', customer_id: 'a', order_date: '2024-03-10', amount: 5 }] });
    const r = computeMetrics(ds, config({ asOf: '2024-03-01' }));
    expect(r.periods.month.map((p) => p.id)).toEqual(['2024-03']);
    expect(kpi(r.kpis, 'company', 'month', '2024-03', 'revenue').value).toBe(0);
    expect(kpi(r.kpis, 'company', 'month', '2024-03', 'aov').reason).toBe('empty_denominator');
    expect(r.cohorts).toEqual([]);
    expect(r.customers[0]!.status).toBe('prospect');
    expect(r.pareto).toEqual([]);
  });
  it('every lifecycle KPI id is in the catalogue and rows are sorted', async () => {
    const { kpiById } = await import('../../src/metrics/kpi-catalogue.ts');
    const { compareKpiRows } = await import('../../src/metrics/kpi-rows.ts');
    expect([...new Set(res.kpis.map((r) => r.kpi))].filter((k) => !kpiById.has(k))).toEqual([]);
    for (let i = 1; i < res.kpis.length; i++) expect(compareKpiRows(res.kpis[i - 1]!, res.kpis[i]!)).toBeLessThanOrEqual(0);
  });
});
