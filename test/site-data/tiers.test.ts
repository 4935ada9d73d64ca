import { describe, expect, test } from 'vitest';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import type { PublishedCustomer } from '../../src/bundle/contract.ts';
import { tiersView } from '../../src/site-data/tiers-page.ts';
import type { MigrationCell } from '../../src/metrics/tier-migration.ts';
import type { Manifest, PeriodInfo, SiteBundle } from '../../src/bundle/contract.ts';
import {
  atRiskCustomers, customerTiersWholeTable, rfCounts, tiersActionsTable, tiersAtRiskTable, tiersEdgesTable, tiersMemberLevelsTable,
  tiersMigrationTable, tiersSegmentsTable, tiersTables, tiersValueTable,
} from '../../src/site-data/tables/tiers.ts';

const p = (id: string, complete = true): PeriodInfo => ({ id, start: '', end: '', complete });
const manifest: Manifest = {
  asOf: '2026-08-15', definitionsVersion: '1', fingerprints: [], rowCounts: {}, title: { 'zh-CN': '甲', en: 'A' },
  periods: { quarter: [p('2026-Q1'), p('2026-Q2'), p('2026-Q3', false)], month: [], year: [] },
  lastCompleteQuarter: '2026-Q2', lastCompleteMonth: '2026-07', filesPresent: ['orders'],
};
const cust = (customer_id: string, o: Partial<PublishedCustomer>): PublishedCustomer => ({
  customer_id, name: `客户${customer_id}`, owner_id: null, team: null, region: null, member_level: null, status: 'active',
  first_purchase: '2025-01-01', last_purchase: '2026-08-01', recency_days: null, frequency: null, monetary: null,
  r: null, f: null, m: null, segment: null, value_tier: 'none', value_revenue: 0, phone: null, email: null, ...o,
});
const customers: PublishedCustomer[] = [
  cust('C1', { owner_id: 'S1', team: '华东', member_level: '金卡', r: 5, f: 5, m: 5, recency_days: 3, frequency: 9, monetary: 1000, segment: 'champions', value_tier: 'A', value_revenue: 1000 }),
  cust('C2', { phone: '139****0002', owner_id: 'S1', team: '华东', member_level: '金卡', r: 1, f: 5, m: 4, recency_days: 200, frequency: 8, monetary: 500, segment: 'cant_lose', value_tier: 'A', value_revenue: 500 }),
  cust('C4', { owner_id: null, r: 2, f: 4, m: 5, recency_days: 120, frequency: 6, monetary: 800, segment: 'at_risk', value_tier: 'B', value_revenue: 800 }),
  cust('C3', { owner_id: 'S2', team: '华北', member_level: '银卡', r: 2, f: 3, m: 5, recency_days: 110, frequency: 4, monetary: 800, segment: 'at_risk', value_tier: 'B', value_revenue: 800 }),
  cust('C5', { status: 'lost' }),
];
const mig = (from: MigrationCell['from'], to: MigrationCell['to'], n: number, share: number | null, period = '2026-Q2'): MigrationCell => ({
  grain: 'quarter', period, from_date: '2026-03-31', to_date: '2026-06-30', from, to, customers: n, share,
});

const bundle = (): SiteBundle => ({
  manifest, ledger: [], kpis: [], catalogue: kpiCatalogue, cohorts: null, statusCounts: null,
  customers,
  rfm: {
    edges: { windowStart: '2025-08-16', customers: 4, recency: [10, 50, 100, 150], frequency: [2, 2.4, 5, 8], monetary: [100, 300, 600, 900] },
    segments: {
      rows: [
        { segment: 'hibernating', customers: 0, revenue: 0, customers_share: 0 },
        { segment: 'at_risk', customers: 2, revenue: 1600, customers_share: 0.5 },
        { segment: 'champions', customers: 1, revenue: 1000, customers_share: 0.25 },
        { segment: 'cant_lose', customers: 1, revenue: 500, customers_share: 0.25 },
      ],
      atRiskValue: 2100, atRiskCustomers: 3,
    },
  },
  valueTiers: {
    summary: [
      { tier: 'A', customers: 2, revenue: 1500, revenue_share: 0.5 },
      { tier: 'B', customers: 2, revenue: 1600, revenue_share: 0.5 },
      { tier: 'C', customers: 0, revenue: 0, revenue_share: 0 },
      { tier: 'none', customers: 1, revenue: 0, revenue_share: null },
    ],
    pareto: [],
  },
  migration: {
    valueTiers: [mig('A', 'A', 2, 1), mig('A', 'B', 0, 0), mig('new', 'B', 1, 0.5), mig('new', 'C', 1, 0.5), mig('A', 'A', 99, 1, '2026-Q1')],
    memberLevels: null, memberLevelsReason: 'needs_member_level_history',
  },
  ticketFacts: null, complaintCategories: null, backlog: null, satisfaction: null, channels: null,
  people: [
    { staff_id: 'S1', name: '王一', role: 'am', team: '华东', manager_id: null, region: null, active: true },
    // 华北 has a team page (S3), while S2, the owner of C3, has no person page
    { staff_id: 'S3', name: '李三', role: 'am', team: '华北', manager_id: null, region: null, active: true },
  ],
  roles: null, scores: null, teamScores: null, weights: null, scoringWarnings: null, customerHealth: null, customerPortfolio: null,
});

describe('tiers tables', () => {
  const b = bundle();
  test('R×F counts: 25 cells, customers counted by their r and f, the cell takes its customers’ segment', () => {
    const cells = rfCounts(customers);
    expect(cells).toHaveLength(25);
    expect(cells.reduce((s, c) => s + c.count, 0)).toBe(4);
    expect(cells.find((c) => c.r === 5 && c.f === 5)).toEqual({ r: 5, f: 5, count: 1, segment: 'champions' });
    expect(cells.find((c) => c.r === 1 && c.f === 1)).toEqual({ r: 1, f: 1, count: 0, segment: null });
  });
  test('segments: default order, R×F cells, localized names and actions', () => {
    const t = tiersSegmentsTable(b, 'zh-CN');
    expect(t.rows.map((r) => r.segment_id)).toEqual(['champions', 'at_risk', 'cant_lose', 'hibernating']);
    expect(t.rows[0]).toMatchObject({ segment: '重要价值', cells: 'R5·F5', customers: 1, revenue: 1000, customers_share: 0.25 });
    expect(t.rows[1]).toMatchObject({ segment: '流失风险', cells: 'R2·F3, R2·F4' });
    expect(t.rows[3]).toMatchObject({ segment: '沉睡客户', cells: null });
    expect(String(tiersSegmentsTable(b, 'en').rows[0]!.action)).toMatch(/account manager/);
  });
  test('edges: a fractional quantile of a count keeps its decimals', () => {
    const rows = tiersEdgesTable(b, 'en').rows;
    expect(rows.map((r) => [r.q1, r.q2])).toEqual([[10, 50], [2, '2.4'], [100, 300]]);
    expect(rows[2]!.unit).toBe('currency');
  });
  test('value tiers with a recommended action each', () => {
    const t = tiersValueTable(b, 'en');
    expect(t.rows.map((r) => r.tier)).toEqual(['A high value', 'B mid value', 'C low value', 'None (no sales)']);
    expect(t.rows[3]!.revenue_share).toBeNull();
    expect(t.rows.every((r) => typeof r.action === 'string' && r.action.length > 10)).toBe(true);
  });
  test('migration: the quarter’s cells only, counts and row shares, rows A B C none new', () => {
    const t = tiersMigrationTable(b, 'zh-CN', '2026-Q2');
    expect(t.rows.map((r) => r.from_id)).toEqual(['A', 'B', 'C', 'none', 'new']);
    expect(t.rows[0]).toMatchObject({ n_A: 2, s_A: 1, n_B: 0, n_C: null });
    expect(t.rows[4]).toMatchObject({ from: '新客户', n_B: 1, s_B: 0.5, n_C: 1, s_C: 0.5 });
    expect(tiersMigrationTable(b, 'zh-CN', null).rows).toEqual([]);
  });
  test('member levels counted from customer rows, split by value tier, largest first', () => {
    const t = tiersMemberLevelsTable(b, 'zh-CN');
    expect(t.rows).toEqual([
      { level: '金卡', total: 2, A: 2, B: 0, C: 0, none: 0 },
      { level: '银卡', total: 1, A: 0, B: 1, C: 0, none: 0 },
    ]);
  });
  test('at-risk customers: at_risk and cant_lose, highest M first, ties by id; owner linked when a person page exists', () => {
    expect(atRiskCustomers(customers).map((c) => c.customer_id)).toEqual(['C3', 'C4', 'C2']);
    const t = tiersAtRiskTable(b, 'zh-CN', 2);
    expect(t.rows.map((r) => r.customer_id)).toEqual(['C3', 'C4']);
    expect(t.rows[0]).toMatchObject({ owner: 'S2', owner_href: null, team: '华北', team_href: '/teams/华北/', rfm: '2/3/5', segment: '流失风险' });
    const all = tiersAtRiskTable(b, 'en');
    expect(all.rows[2]).toMatchObject({ owner: '王一', owner_href: '/en/people/S1/', segment: 'Can’t lose' });
    // contact details: the published values (masked by the publish stage) pass through as they are
    expect(t.columns.map((c) => c.key).slice(-2)).toEqual(['phone', 'email']);
    expect(all.rows.find((r) => r.customer_id === 'C2')).toMatchObject({ phone: '139****0002', email: null });
  });
  test('actions: one row per present segment and per tier', () => {
    const t = tiersActionsTable(b, 'zh-CN');
    expect(t.rows).toHaveLength(4 + 4);
    expect(t.rows[0]).toMatchObject({ kind: 'RFM 分群', group: '重要价值' });
  });
  test('customer-tiers.csv: one row per customer by id, the spec’s columns first', () => {
    const w = customerTiersWholeTable(b);
    expect(w.name).toBe('customer-tiers');
    expect(w.columns.slice(0, 12).map((c) => c.header)).toEqual(['customer_id', 'name', 'owner_id', 'team', 'region', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment']);
    expect(w.columns.map((c) => c.header)).toContain('value_tier');
    expect(w.rows.map((r) => r.customer_id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
  });
  test('without RFM / tier files every table is empty but present', () => {
    const e = tiersTables({ ...b, rfm: null, valueTiers: null, migration: null, customers: null }, 'en');
    expect(e.map((t) => t.id)).toEqual(['tiers-segments', 'tiers-rfm-edges', 'tiers-value', 'tiers-migration', 'tiers-member-levels', 'tiers-actions', 'tiers-at-risk']);
    for (const t of e) if (t.id !== 'tiers-actions') expect(t.rows).toEqual([]);
  });
});

describe('the tiers page view model', () => {
  const v = tiersView(bundle(), 'en');
  test('the RFM window in words; segment value bars in segment order', () => {
    expect(v.rfmWindow).toContain('16 Aug 2025');
    // the RFM segments' canonical order (segments.ts), not the published rows' order
    expect(v.segmentBars).toEqual([
      { label: 'Champions', value: 1000 }, { label: 'At risk', value: 1600 }, { label: 'Can’t lose', value: 500 }, { label: 'Hibernating', value: 0 },
    ]);
    expect(v.segmentBars.reduce((s, x) => s + x.value, 0)).toBe(3100);
    expect(tiersView({ ...bundle(), rfm: null }, 'en').rfmWindow).not.toContain('2025');
  });
  test('the R×F grid: 25 cells counted from the customers with scores, named by segment', () => {
    expect(v.rfCells).toHaveLength(25);
    expect(v.rfCells.reduce((s, c) => s + c.count, 0)).toBe(4);
    expect(v.rfCells.find((c) => c.r === 5 && c.f === 5)).toMatchObject({ count: 1, segment: 'Champions' });
  });
  test('Pareto cuts at the first published point reaching 80 % and 95 % of revenue', () => {
    const b = bundle();
    b.valueTiers!.pareto = [
      { customers_share: 0.1, revenue_share: 0.5 }, { customers_share: 0.2, revenue_share: 0.8 },
      { customers_share: 0.5, revenue_share: 0.96 }, { customers_share: 1, revenue_share: 1 },
    ] as never;
    const pv = tiersView(b, 'en');
    expect(pv.pareto.cuts).toEqual([{ label: 'A | B', share: 0.2 }, { label: 'B | C', share: 0.5 }]);
    expect(pv.pareto.points[1]).toEqual({ share: 0.2, cumulative: 0.8 });
    expect(v.pareto.cuts).toEqual([]);
  });
  test('migration of the last complete quarter with short tier labels, and new customers as a row', () => {
    expect(v.migration.cells).toHaveLength(4);
    expect(v.migration.cells.reduce((s, c) => s + c.count, 0)).toBe(4);
    expect(v.migration.fromTiers).toHaveLength(v.migration.tiers.length + 1);
    expect(v.migration.from).toBe('31 Mar 2026');
    expect(v.migration.to).toBe('30 Jun 2026');
  });
});

