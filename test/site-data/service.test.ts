import { describe, expect, test } from 'vitest';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import type { KpiRow } from '../../src/model/kpi.ts';
import type { Manifest, SiteBundle } from '../../src/bundle/contract.ts';
import {
  backlogByAge, histogramBins, serviceBacklogTable, serviceCategoriesTable, servicePeople, servicePeopleTable, serviceTables, ticketHours,
} from '../../src/site-data/tables/service.ts';
import { backlogBars, complaintSatisfaction, complaintSatisfactionTrend, serviceCategories, serviceHistogram, serviceTiles, serviceTrend } from '../../src/site-data/service-page.ts';
import type { SatisfactionDetailRow } from '../../src/metrics/satisfaction-detail.ts';
import type { TicketFact } from '../../src/metrics/tickets.ts';

const manifest: Manifest = {
  asOf: '2026-09-30', definitionsVersion: '1', fingerprints: [], rowCounts: {},
  title: { 'zh-CN': '甲', en: 'A' },
  periods: {
    quarter: [{ id: '2026-Q2', start: '2026-04-01', end: '2026-06-30', complete: true }, { id: '2026-Q3', start: '2026-07-01', end: '2026-09-30', complete: true }],
    month: [{ id: '2026-09', start: '2026-09-01', end: '2026-09-30', complete: true }],
    year: [],
  },
  lastCompleteQuarter: '2026-Q3', lastCompleteMonth: '2026-09', filesPresent: ['orders', 'tickets'],
};

const row = (entity_id: string, kpi: string, value: number | null, n: number, period = '2026-Q3'): KpiRow => ({
  entity_type: 'person', entity_id, grain: period.includes('Q') ? 'quarter' : 'month', period, kpi, value, numerator: null, denominator: null, n, reason: value == null ? 'no_data' : null,
});

const fact = (id: string, over: Partial<TicketFact>): TicketFact => ({
  ticket_id: id, owner_id: 'S2', team: '客服', period_month: '2026-09', period_quarter: '2026-Q3', type: 'complaint', category: '质量',
  channel: '电话', response_hours: 1, resolution_hours: 10, responded_within_sla: true, sla_due: true, ...over,
});

const bundle = (over: Partial<SiteBundle> = {}): SiteBundle => ({
  manifest, ledger: [], catalogue: kpiCatalogue,
  kpis: [
    row('S1', 'complaints', 0, 0), // account manager, no tickets: not a service person
    row('S2', 'complaints', 3, 3), row('S2', 'first_response_hours', 2.5, 4), row('S2', 'response_sla_rate', 0.75, 4),
    row('S2', 'resolution_hours', 12, 2), row('S2', 'resolution_rate', 2 / 3, 3), row('S2', 'complaint_satisfaction', null, 0),
    row('S3', 'first_response_hours', 5, 1), // not on a service card but answered a ticket
    row('S4', 'complaints', 0, 0), // a service manager without tickets: shown (role card)
  ],
  cohorts: null, customers: null, statusCounts: null, rfm: null, valueTiers: null, migration: null,
  ticketFacts: [
    fact('T1', { response_hours: 3, resolution_hours: 30 }),
    fact('T2', { type: 'request', response_hours: 7, resolution_hours: 5 }),
    fact('T3', { response_hours: null, resolution_hours: null }),
    fact('T4', { response_hours: 100, resolution_hours: 200 }),
    fact('T5', { period_quarter: '2026-Q2', period_month: '2026-06', response_hours: 1 }),
  ],
  complaintCategories: [
    { entity_type: 'company', entity_id: 'company', grain: 'quarter', period: '2026-Q3', category: null, rank: 2, count: 1, share: 0.25, cumulative_share: 1 },
    { entity_type: 'company', entity_id: 'company', grain: 'quarter', period: '2026-Q3', category: '质量', rank: 1, count: 3, share: 0.75, cumulative_share: 0.75 },
    { entity_type: 'team', entity_id: '客服', grain: 'quarter', period: '2026-Q3', category: '质量', rank: 1, count: 3, share: 1, cumulative_share: 1 },
  ],
  backlog: [
    { owner_id: 'S2', team: '客服', age_bucket: '3_7d', tickets: 2, complaints: 1 },
    { owner_id: null, team: null, age_bucket: 'lt_1d', tickets: 1, complaints: 0 },
    { owner_id: 'S2', team: '客服', age_bucket: 'lt_1d', tickets: 4, complaints: 2 },
  ],
  satisfaction: null, channels: null,
  people: [
    { staff_id: 'S1', name: '甲一', role: 'account-manager', team: '华南组', manager_id: null, region: null, active: true },
    { staff_id: 'S2', name: '乙二', role: 'customer-service-manager', team: '客服', manager_id: null, region: null, active: true },
    { staff_id: 'S4', name: '丁四', role: 'customer-service-manager', team: '客服', manager_id: null, region: null, active: true },
  ],
  roles: [
    { id: 'account-manager', kpis: [{ id: 'revenue' }] },
    { id: 'customer-service-manager', kpis: [{ id: 'first_response_hours' }, { id: 'csat' }] },
  ] as unknown as SiteBundle['roles'],
  scores: null, teamScores: null, weights: null, scoringWarnings: null, customerHealth: null, customerPortfolio: null,
  ...over,
});

describe('service people table', () => {
  test('people with a ticket KPI on their card or with tickets in the period, by id', () => {
    expect(servicePeople(bundle(), '2026-Q3')).toEqual(['S2', 'S3', 'S4']);
  });
  test('published person values, links to person and team pages', () => {
    const t = servicePeopleTable(bundle(), 'zh-CN', '2026-Q3');
    expect(t.id).toBe('service-people-2026-Q3');
    const s2 = t.rows.find((r) => r.staff_id === 'S2')!;
    expect(s2).toMatchObject({ person: '乙二', href: '/people/S2/', team: '客服', team_href: '/teams/客服/', complaints: 3, first_response_hours: 2.5, response_sla_rate: 0.75, resolution_hours: 12, complaint_satisfaction: null, complaint_satisfaction_n: 0 });
    // S3 is not in the roster: the id stands in for the name, no team
    expect(t.rows.find((r) => r.staff_id === 'S3')).toMatchObject({ person: 'S3', team: null, first_response_hours: 5, complaints: null });
    expect(servicePeopleTable(bundle(), 'en', '2026-Q3').rows[0]!.href).toBe('/en/people/S2/');
  });
});

describe('complaint categories', () => {
  test('company rows of the period by rank; a missing category is named', () => {
    const t = serviceCategoriesTable(bundle(), 'en', '2026-Q3');
    expect(t.rows.map((r) => [r.rank, r.category, r.count, r.cumulative_share])).toEqual([[1, '质量', 3, 0.75], [2, '(no category)', 1, 1]]);
    expect(serviceCategoriesTable(bundle(), 'en', '2026-Q2').rows).toEqual([]);
  });
});

describe('backlog', () => {
  test('one row per owner with published counts per age bucket; unassigned last', () => {
    const t = serviceBacklogTable(bundle(), 'zh-CN');
    expect(t.id).toBe('service-backlog');
    expect(t.rows.map((r) => r.owner)).toEqual(['乙二', '（未分配）']);
    expect(t.rows[0]).toMatchObject({ age_lt_1d: 4, age_3_7d: 2, age_1_3d: 0, tickets: 6, complaints: 3, href: '/people/S2/' });
    expect(t.rows[1]).toMatchObject({ age_lt_1d: 1, tickets: 1, href: null });
  });
  test('age buckets summed over owners, in bucket order', () => {
    expect(backlogByAge(bundle())).toEqual([
      { bucket: 'lt_1d', tickets: 5, complaints: 2 },
      { bucket: '1_3d', tickets: 0, complaints: 0 },
      { bucket: '3_7d', tickets: 2, complaints: 1 },
      { bucket: '7_30d', tickets: 0, complaints: 0 },
      { bucket: 'gt_30d', tickets: 0, complaints: 0 },
    ]);
  });
});

describe('ticket hours and histogram bins', () => {
  test('response hours of every ticket of the period; resolution hours of its complaints', () => {
    expect(ticketHours(bundle(), '2026-Q3', 'response')).toEqual([3, 7, 100]);
    expect(ticketHours(bundle(), '2026-09', 'response')).toEqual([3, 7, 100]);
    expect(ticketHours(bundle(), '2026-Q2', 'response')).toEqual([1]);
    expect(ticketHours(bundle(), '2026-Q3', 'resolution')).toEqual([30, 200]);
  });
  test('cap = smallest round cap ≥ 1.5 × p90, 12 equal bins, values ≥ cap overflow', () => {
    // p90 16 → 24 → cap 24, width 2
    const h = histogramBins([0, 1.9, 2, 23.9, 24, 100], 16);
    expect(h.cap).toBe(24);
    expect(h.bins).toHaveLength(12);
    expect(h.bins[0]).toEqual({ x0: 0, x1: 2, count: 2 });
    expect(h.bins[1]).toEqual({ x0: 2, x1: 4, count: 1 });
    expect(h.bins[11]).toEqual({ x0: 22, x1: 24, count: 1 });
    expect(h.overflow).toBe(2);
    expect(h.max).toBe(100);
    // p90 17 → 25.5 → cap 48, width 4
    expect(histogramBins([5], 17).bins[1]).toEqual({ x0: 4, x1: 8, count: 1 });
  });
});

describe('service tables', () => {
  test('ids per page period plus the backlog, the same in both locales', () => {
    const ids = serviceTables(bundle(), 'zh-CN').map((t) => t.id);
    expect(ids).toEqual([
      'service-categories-2026-Q3', 'service-people-2026-Q3', 'service-categories-2026-Q2', 'service-people-2026-Q2',
      'service-categories-2026-09', 'service-people-2026-09', 'service-backlog',
    ]);
    expect(serviceTables(bundle(), 'en').map((t) => t.id)).toEqual(ids);
  });
});

describe('the service page view model', () => {
  const co = (kpi: string, period: string, value: number | null): KpiRow => ({ ...row('company', kpi, value, 1, period), entity_type: 'company' });
  const sat = (period: string, value: number, too_few = false): SatisfactionDetailRow => ({
    entity_type: 'company', entity_id: 'company', channel: null, grain: 'quarter', period, measure: 'complaint_satisfaction',
    value, low: value - 0.1, high: value + 0.1, mean: null, n: 12, margin_of_error: 0.1, too_few,
  });
  const b = bundle({
    kpis: [co('complaints', '2026-Q2', 4), co('complaints', '2026-Q3', 3), co('first_response_hours', '2026-Q3', 3), co('first_response_hours_p90', '2026-Q3', 100)],
    satisfaction: { detail: [], complaint: [sat('2026-Q3', 0.8), sat('2026-Q2', 0.5, true)], dimensions: [] },
  });
  test('tiles: one per KPI with a definition, compared with the previous period', () => {
    const tiles = serviceTiles(b, '2026-Q3', ['complaints', 'no_such_kpi']);
    expect(tiles.map((x) => x.def.id)).toEqual(['complaints']);
    expect(tiles[0]!.c.row?.value).toBe(3);
    expect(tiles[0]!.c.previous?.value).toBe(4);
  });
  test('a trend over the window, or none when the KPI has no value there', () => {
    expect(serviceTrend(b, '2026-Q3', 'complaints')!.points.map((p) => [p.period, p.value])).toEqual([['2026-Q2', 4], ['2026-Q3', 3]]);
    expect(serviceTrend(b, '2026-Q3', 'resolution_rate')).toBeNull();
  });
  test('the response histogram: the Q3 tickets with a response, on an axis past 1.5 × P90, median and P90 marked', () => {
    const h = serviceHistogram(b, 'en', '2026-Q3', 'response')!;
    // T1 3 h, T2 7 h, T4 100 h (T3 has none, T5 is Q2); the axis runs past 1.5 × 100 h, so nothing overflows
    expect(h.bins.reduce((s, x) => s + x.count, 0)).toBe(3);
    expect(h.overflow).toBeNull();
    expect(h.markers.map((m) => m.hours)).toEqual([3, 100]);
    expect(h.defs.map((d) => d.id)).toEqual(['first_response_hours', 'first_response_hours_p90']);
    expect(serviceHistogram(bundle({ ticketFacts: [] }), 'en', '2026-Q3', 'response')).toBeNull();
  });
  test('categories: bars most frequent first and the Pareto points', () => {
    const c = serviceCategories(b, 'zh-CN', '2026-Q3');
    expect(c.bars.map((x) => x.value)).toEqual([3, 1]);
    expect(c.pareto).toEqual([{ share: 0.5, cumulative: 0.75 }, { share: 1, cumulative: 1 }]);
  });
  test('complaint-handling satisfaction and its trend, too few responses muted; the backlog by age', () => {
    expect(complaintSatisfaction(b, '2026-Q3')?.value).toBe(0.8);
    expect(complaintSatisfactionTrend(b, 'en', '2026-Q3').map((e) => [e.estimate, e.muted])).toEqual([[0.5, true], [0.8, false]]);
    const bars = backlogBars(b, 'en');
    // lt_1d: 1 + 4 tickets; 3_7d: 2
    expect(bars.map((x) => x.value).filter((v) => v > 0)).toEqual([5, 2]);
    expect(bars.reduce((s, x) => s + x.value, 0)).toBe(7);
  });
});

