import { describe, expect, test } from 'vitest';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import type { SatisfactionDetailRow } from '../../src/metrics/satisfaction-detail.ts';
import type { KpiRow } from '../../src/model/kpi.ts';
import type { Manifest, SiteBundle } from '../../src/bundle/contract.ts';
import { drawable, estimateOf, satisfactionView } from '../../src/site-data/satisfaction-page.ts';
import { overviewMovers, overviewMoversTable } from '../../src/site-data/tables.ts';
import {
  companySat, satChannels, satisfactionChannelsTable, satisfactionDimensionsTable, satisfactionSummaryTable, satisfactionTables,
  satisfactionTeamsTable, satTeams,
} from '../../src/site-data/tables/satisfaction.ts';

const manifest: Manifest = {
  asOf: '2026-09-30', definitionsVersion: '1', fingerprints: [], rowCounts: {},
  title: { 'zh-CN': '甲', en: 'A' },
  periods: {
    quarter: [{ id: '2026-Q2', start: '2026-04-01', end: '2026-06-30', complete: true }, { id: '2026-Q3', start: '2026-07-01', end: '2026-09-30', complete: true }],
    month: [], year: [],
  },
  lastCompleteQuarter: '2026-Q3', lastCompleteMonth: null, filesPresent: ['orders', 'surveys'],
};

const d = (over: Partial<SatisfactionDetailRow>): SatisfactionDetailRow => ({
  entity_type: 'company', entity_id: 'company', channel: null, grain: 'quarter', period: '2026-Q3', measure: 'csat',
  value: 0.8, low: 0.7, high: 0.87, mean: null, n: 100, margin_of_error: 0.085, too_few: false, ...over,
});

const detail: SatisfactionDetailRow[] = [
  d({}),
  d({ measure: 'nps', value: 20, low: 8, high: 31, n: 90, margin_of_error: 11.5 }),
  d({ measure: 'dim_quality', value: 0.6, low: 0.5, high: 0.69, mean: 3.814, n: 80 }),
  d({ measure: 'dim_speed', value: 0.4, low: 0.25, high: 0.57, mean: 3.1, n: 20, too_few: true }),
  d({ channel: '微信', value: 0.9, n: 60 }),
  d({ channel: '微信', measure: 'nps', value: 35, n: 55 }),
  d({ channel: '电话', value: 0.5, n: 10, too_few: true }),
  d({ entity_type: 'team', entity_id: '华南组', value: 0.7, n: 40 }),
  d({ entity_type: 'team', entity_id: '华南组', measure: 'nps', value: -5, n: 12, too_few: true }),
  d({ period: '2026-Q2', value: 0.75 }),
];

const k = (entity_type: KpiRow['entity_type'], entity_id: string, period: string, kpi: string, value: number | null): KpiRow => ({
  entity_type, entity_id, grain: 'quarter', period, kpi, value, numerator: null, denominator: null, n: 1, reason: null,
});

const bundle = (): SiteBundle => ({
  manifest, ledger: [], catalogue: kpiCatalogue,
  kpis: [
    // teams: revenue changes +100, −300, +300 (ties on size → by id); 丁 has no previous value
    k('team', '甲', '2026-Q2', 'revenue', 1000), k('team', '甲', '2026-Q3', 'revenue', 1100),
    k('team', '乙', '2026-Q2', 'revenue', 800), k('team', '乙', '2026-Q3', 'revenue', 500),
    k('team', '丙', '2026-Q2', 'revenue', 200), k('team', '丙', '2026-Q3', 'revenue', 500),
    k('team', '丁', '2026-Q3', 'revenue', 9999),
    k('person', 'S1', '2026-Q2', 'retention_rate', 0.5), k('person', 'S1', '2026-Q3', 'retention_rate', 0.8),
    k('person', 'S2', '2026-Q2', 'retention_rate', 0.6), k('person', 'S2', '2026-Q3', 'retention_rate', null),
  ],
  cohorts: null, customers: null, statusCounts: null, rfm: null, valueTiers: null, migration: null,
  ticketFacts: null, complaintCategories: null, backlog: null,
  satisfaction: { detail, complaint: [], dimensions: ['quality', 'speed', 'price'] },
  channels: null,
  people: [
    { staff_id: 'S1', name: '甲一', role: 'account-manager', team: '甲', manager_id: null, region: null, active: true },
    // team pages exist for teams with people: the team links below point at them
    { staff_id: 'S3', name: '乙一', role: 'account-manager', team: '乙', manager_id: null, region: null, active: true },
    { staff_id: 'S4', name: '丙一', role: 'account-manager', team: '丙', manager_id: null, region: null, active: true },
    { staff_id: 'S5', name: '华一', role: 'customer-service-manager', team: '华南组', manager_id: null, region: null, active: true },
  ],
  roles: null, scores: null, teamScores: null, weights: null, scoringWarnings: null, customerHealth: null, customerPortfolio: null,
});

describe('satisfaction tables', () => {
  const b = bundle();
  test('company CSAT and NPS with interval, margin and n', () => {
    expect(companySat(b, '2026-Q2', 'csat')!.value).toBe(0.75);
    const t = satisfactionSummaryTable(b, 'en', '2026-Q3');
    expect(t.id).toBe('satisfaction-summary-2026-Q3');
    expect(t.rows).toMatchObject([
      { measure_id: 'csat', unit: 'ratio', value: 0.8, low: 0.7, high: 0.87, margin_of_error: 0.085, moe_unit: 'ratio', n: 100, note: null },
      { measure_id: 'nps', unit: 'nps', value: 20, low: 8, high: 31, margin_of_error: 11.5, moe_unit: 'count', n: 90 },
    ]);
  });
  test('dimensions in published order; unknown names kept; missing ones left out; too few flagged', () => {
    const t = satisfactionDimensionsTable(b, 'zh-CN', '2026-Q3');
    expect(t.rows.map((r) => [r.dimension, r.value, r.mean, r.n, r.note])).toEqual([
      ['产品质量', 0.6, '3.81', 80, null],
      ['speed', 0.4, '3.10', 20, '答卷不足'],
    ]);
  });
  test('channels: company rows per channel, CSAT and NPS side by side', () => {
    expect(satChannels(b, '2026-Q3')).toEqual(['微信', '电话']);
    const t = satisfactionChannelsTable(b, 'en', '2026-Q3');
    expect(t.rows).toMatchObject([
      { channel: '微信', csat: 0.9, csat_n: 60, nps: 35, nps_n: 55, note: null },
      { channel: '电话', csat: 0.5, csat_n: 10, nps: null, nps_n: null, note: 'too few responses' },
    ]);
  });
  test('teams link to their pages; too few on either measure is noted', () => {
    expect(satTeams(b, '2026-Q3')).toEqual(['华南组']);
    const t = satisfactionTeamsTable(b, 'zh-CN', '2026-Q3');
    expect(t.rows).toMatchObject([{ team: '华南组', href: '/teams/华南组/', csat: 0.7, nps: -5, nps_n: 12, note: '答卷不足' }]);
  });
  test('four tables per page period', () => {
    expect(satisfactionTables(b, 'zh-CN').map((t) => t.id)).toEqual([
      'satisfaction-summary-2026-Q3', 'satisfaction-dimensions-2026-Q3', 'satisfaction-channels-2026-Q3', 'satisfaction-teams-2026-Q3',
      'satisfaction-summary-2026-Q2', 'satisfaction-dimensions-2026-Q2', 'satisfaction-channels-2026-Q2', 'satisfaction-teams-2026-Q2',
    ]);
  });
});

describe('overview top movers', () => {
  const b = bundle();
  test('largest difference first (ties by id), only entities with both values', () => {
    const g = overviewMovers(b, 'zh-CN', '2026-Q3');
    const teamsRevenue = g.find((x) => x.kind === 'team' && x.kpi === 'revenue')!;
    expect(teamsRevenue.rows.map((r) => [r.entity, r.current, r.previous])).toEqual([['丙', 500, 200], ['乙', 500, 800], ['甲', 1100, 1000]]);
    // relative change for money, judged by direction
    expect(teamsRevenue.rows[0]).toMatchObject({ change: 1.5, change_unit: 'change', verdict: 'better', href: '/teams/丙/' });
    expect(teamsRevenue.rows[1]!.verdict).toBe('worse');
    const peopleRetention = g.find((x) => x.kind === 'person' && x.kpi === 'retention_rate')!;
    expect(peopleRetention.rows).toHaveLength(1);
    expect(peopleRetention.rows[0]).toMatchObject({ entity: '甲一', href: '/people/S1/', change_unit: 'points' });
    expect(peopleRetention.rows[0]!.change).toBeCloseTo(0.3);
    expect(g.find((x) => x.kind === 'team' && x.kpi === 'retention_rate')!.rows).toEqual([]);
  });
  test('the CSV table holds every group', () => {
    const t = overviewMoversTable(b, 'en', '2026-Q3');
    expect(t.id).toBe('overview-movers-2026-Q3');
    expect(t.rows).toHaveLength(4);
    expect(t.rows[0]!.href).toBe('/en/teams/丙/');
  });
});

describe('the satisfaction page view model', () => {
  const v = satisfactionView(bundle(), 'en', '2026-Q3');
  test('the company rows and what the page has to show', () => {
    expect(v.hasSurveys).toBe(true);
    expect(v.csat?.value).toBe(0.8);
    expect(v.nps?.value).toBe(20);
    expect(v.csatDef?.id).toBe('csat');
    expect(v.channels.sort()).toEqual(['微信', '电话'].sort());
    expect(v.teams).toEqual(['华南组']);
  });
  test('each chart estimate is the published row: value, interval, n, and too-few as muted', () => {
    // dimensions in config order; price has no row: an estimate of null with n = 0
    expect(v.estimates.dimensions).toEqual([
      { label: expect.any(String), estimate: 0.6, low: 0.5, high: 0.69, n: 80, muted: false },
      { label: expect.any(String), estimate: 0.4, low: 0.25, high: 0.57, n: 20, muted: true },
      { label: expect.any(String), estimate: null, low: null, high: null, n: 0, muted: false },
    ]);
    const phone = v.estimates.channelCsat.find((e) => e.label === '电话')!;
    expect(phone).toMatchObject({ estimate: 0.5, n: 10, muted: true });
    // 电话 has no NPS row
    expect(v.estimates.channelNps.find((e) => e.label === '电话')).toMatchObject({ estimate: null, n: 0 });
    expect(v.estimates.teamNps).toEqual([{ label: '华南组', estimate: -5, low: 0.7, high: 0.87, n: 12, muted: true }]);
  });
  test('the trend: every period of the window up to the page period, short labels', () => {
    expect(v.estimates.csatTrend.map((e) => e.estimate)).toEqual([0.75, 0.8]);
    expect(drawable(v.estimates.npsTrend)).toBe(true);
    expect(drawable([estimateOf('x', undefined)])).toBe(false);
    // no surveys file: the page says so instead of drawing
    expect(satisfactionView({ ...bundle(), satisfaction: null }, 'en', '2026-Q3').hasSurveys).toBe(false);
  });
});

