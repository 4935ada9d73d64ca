import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.ts';
import { config, dataset, kpi } from './helpers.ts';

/*
 * asOf 2024-03-31, value-tier window 12 months.
 *   m1: 01-10 +100
 *   m2: 01-15 +100, 02-10 +10
 *   m3: 02-20 +1000             (first purchase in February: row `new`)
 *   m4: 01-05 +50, 02-25 −50    (net 0 at the end of February: none)
 * end Jan: m1 100 (s 0) A, m2 100 (s .4) A, m4 50 (s .8) B
 * end Feb: m3 1000 (s 0) A, m2 110 (s .826) B, m1 100 (s .917) B, m4 none
 */
const ds = dataset({
  customers: ['m1', 'm2', 'm3', 'm4'].map((id) => ({ customer_id: id, owner_id: 's1' })),
  orders: [
    { order_id: '1', customer_id: 'm1', order_date: '2024-01-10', amount: 100 },
    { order_id: '2', customer_id: 'm2', order_date: '2024-01-15', amount: 100 },
    { order_id: '3', customer_id: 'm2', order_date: '2024-02-10', amount: 10 },
    { order_id: '4', customer_id: 'm3', order_date: '2024-02-20', amount: 1000 },
    { order_id: '5', customer_id: 'm4', order_date: '2024-01-05', amount: 50 },
    { order_id: '6', customer_id: 'm4', order_date: '2024-02-25', amount: -50 },
  ],
});
const res = computeMetrics(ds, config({ asOf: '2024-03-31', kpiGrain: 'quarter' }));
const matrix = (grain: string, period: string) =>
  res.migration.valueTiers
    .filter((c) => c.grain === grain && c.period === period && c.customers > 0)
    .map((c) => `${c.from}>${c.to}:${c.customers}:${c.share}`);

describe('tier migration', () => {
  it('February: A→B twice, B→none once, new→A once', () => {
    expect(matrix('month', '2024-02')).toEqual(['A>B:2:1', 'B>none:1:1', 'new>A:1:1']);
    const m = res.migration.valueTiers.find((c) => c.period === '2024-02' && c.from === 'A' && c.to === 'B')!;
    expect([m.from_date, m.to_date]).toEqual(['2024-01-31', '2024-02-29']);
  });
  it('January: everyone is new (no tier at 2023-12-31); rates have no value', () => {
    // end Jan: m1, m2 A; m4 B → new→A 2 (2/3 of the row), new→B 1 (1/3)
    expect(matrix('month', '2024-01')).toEqual([`new>A:2:${2 / 3}`, `new>B:1:${1 / 3}`]);
    expect(kpi(res.kpis, 'company', 'month', '2024-01', 'tier_upgrade_rate').reason).toBe('empty_denominator');
  });
  it('rates: February 0/3 up, 3/3 down; March 0/3 and 0/3', () => {
    const feb = kpi(res.kpis, 'company', 'month', '2024-02', 'tier_downgrade_rate');
    expect([feb.numerator, feb.denominator, feb.value]).toEqual([3, 3, 1]);
    expect(kpi(res.kpis, 'company', 'month', '2024-02', 'tier_upgrade_rate').value).toBe(0);
    expect(kpi(res.kpis, 'company', 'month', '2024-03', 'tier_downgrade_rate').value).toBe(0);
    expect(kpi(res.kpis, 'person:s1', 'month', '2024-02', 'tier_downgrade_rate').value).toBe(1);
  });
  it('quarter: Q1 from 2023-12-31 to 2024-03-31, all new, tiers as at the end of March (= end Feb)', () => {
    expect(matrix('quarter', '2024-Q1')).toEqual([`new>A:1:${1 / 4}`, `new>B:2:${2 / 4}`, `new>none:1:${1 / 4}`]);
    // year grain has KPI rows but no matrix (only month and kpiGrain)
    expect(res.migration.valueTiers.some((c) => c.grain === 'year')).toBe(false);
    expect(kpi(res.kpis, 'company', 'year', '2024', 'tier_upgrade_rate').reason).toBe('empty_denominator');
  });
  it('member-level migration needs a history we do not have', () => {
    expect(res.migration.memberLevels).toBeNull();
    expect(res.migration.memberLevelsReason).toBe('needs_member_level_history');
  });
});
