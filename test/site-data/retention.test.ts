import { describe, expect, test } from 'vitest';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import type { KpiRow } from '../../src/model/kpi.ts';
import type { Manifest, PeriodInfo, SiteBundle } from '../../src/bundle/contract.ts';
import {
  cohortsWholeTable, lastComplete, retentionCohortsTable, retentionKpisTable, retentionStatusTable, retentionTables,
  retentionTeamsTable, retentionTrendTable, trendWindow,
} from '../../src/site-data/tables/retention.ts';
import { retentionView } from '../../src/site-data/retention-page.ts';
import type { CohortCell } from '../../src/metrics/cohort-retention.ts';

const p = (id: string, complete = true): PeriodInfo => ({ id, start: '', end: '', complete });
const manifest: Manifest = {
  asOf: '2026-08-15', definitionsVersion: '1', fingerprints: [], rowCounts: {}, title: { 'zh-CN': '甲', en: 'A' },
  periods: { quarter: [p('2026-Q1'), p('2026-Q2'), p('2026-Q3', false)], month: [p('2026-06'), p('2026-07'), p('2026-08', false)], year: [p('2026', false)] },
  lastCompleteQuarter: '2026-Q2', lastCompleteMonth: '2026-07', filesPresent: ['orders'],
};
const k = (entity_type: KpiRow['entity_type'], entity_id: string, period: string, kpi: string, value: number | null, numerator: number | null = null, denominator: number | null = null, reason: string | null = null): KpiRow => ({
  entity_type, entity_id, grain: period.includes('Q') ? 'quarter' : 'month', period, kpi, value, numerator, denominator, n: denominator ?? 0, reason,
});
const cell = (dimension: CohortCell['dimension'], key: string, cohort: string, kk: number, size: number, customers: number, revenue: number, rr: number | null, partial = false): CohortCell => ({
  dimension, key, cohort, k: kk, size, customers, revenue, customer_retention: customers / size, revenue_retention: rr, partial,
});

const bundle = (): SiteBundle => ({
  manifest, ledger: [], catalogue: kpiCatalogue,
  kpis: [
    k('company', 'company', '2026-Q1', 'retention_rate', null, 0, 0, 'empty_denominator'),
    k('company', 'company', '2026-Q2', 'retention_rate', 0.6, 3, 5),
    k('company', 'company', '2026-Q2', 'churn_rate', 0.4, 2, 5),
    k('company', 'company', '2025-Q2', 'retention_rate', 0.5, 1, 2),
    k('company', 'company', '2026-07', 'retention_rate', 0.25, 1, 4),
    k('team', '华东', '2026-Q2', 'retention_rate', 0.5, 1, 2),
    k('team', '客服', '2026-Q2', 'retention_rate', null, 0, 0, 'empty_denominator'),
    k('team', '客服', '2026-Q2', 'churn_rate', null, 0, 0, 'empty_denominator'),
  ],
  cohorts: [
    cell('company', 'company', '2026-01', 0, 4, 4, 100, 1),
    cell('company', 'company', '2026-01', 1, 4, 2, 50, 0.5),
    cell('company', 'company', '2026-02', 0, 2, 2, 80, 1, true),
    cell('team', '华东', '2026-01', 0, 1, 1, 10, 1),
  ],
  customers: null,
  statusCounts: [
    { entity_type: 'company', entity_id: 'company', status: 'active', customers: 3 },
    { entity_type: 'company', entity_id: 'company', status: 'dormant', customers: 2 },
    { entity_type: 'company', entity_id: 'company', status: 'lost', customers: 1 },
    { entity_type: 'company', entity_id: 'company', status: 'prospect', customers: 4 },
    { entity_type: 'team', entity_id: '华东', status: 'active', customers: 9 },
  ],
  rfm: null, valueTiers: null, migration: null, ticketFacts: null, complaintCategories: null, backlog: null, satisfaction: null,
  channels: null,
  // team pages exist for teams with people: the links below point at them
  people: [
    { staff_id: 'S1', name: '甲', role: 'account-manager', team: '华东', manager_id: null, region: null, active: true },
    { staff_id: 'S2', name: '乙', role: 'customer-service-manager', team: '客服', manager_id: null, region: null, active: true },
  ],
  roles: null, scores: null, teamScores: null, weights: null, scoringWarnings: null, customerHealth: null, customerPortfolio: null,
});

describe('retention tables', () => {
  const b = bundle();
  test('periods shown: the last complete quarter and month, trend windows of complete periods', () => {
    expect(lastComplete(b, 'quarter')).toBe('2026-Q2');
    expect(lastComplete(b, 'month')).toBe('2026-07');
    expect(lastComplete({ ...b, manifest: { ...manifest, lastCompleteQuarter: null } }, 'quarter')).toBe('2026-Q2');
    expect(trendWindow(b, 'quarter', 8)).toEqual(['2026-Q1', '2026-Q2']);
    expect(trendWindow(b, 'month', 1)).toEqual(['2026-07']);
  });
  test('status counts: company rows only, with definitions', () => {
    const t = retentionStatusTable(b, 'zh-CN');
    expect(t.rows.map((r) => [r.status, r.customers])).toEqual([['活跃', 3], ['休眠', 2], ['流失', 1], ['潜在客户', 4]]);
    expect(t.rows[3]!.definition).toBe('从未购买');
    expect(retentionStatusTable(b, 'en').rows[0]!.status).toBe('Active');
  });
  test('KPI table: value, numerator, denominator, previous and last year as published; missing rows say why', () => {
    const rows = retentionKpisTable(b, 'en', '2026-Q2').rows;
    const ret = rows.find((r) => r.kpi_id === 'retention_rate')!;
    expect(ret).toMatchObject({ value: 0.6, numerator: 3, denominator: 5, previous: null, last_year: 0.5, reason: null });
    const react = rows.find((r) => r.kpi_id === 'reactivated')!;
    expect(react.value).toBeNull();
    expect(react.reason).toBe('No data in this period');
  });
  test('trend table: one row per complete period, nulls explained', () => {
    const t = retentionTrendTable(b, 'zh-CN', 'quarter');
    expect(t.id).toBe('retention-trend-quarter');
    expect(t.rows.map((r) => r.period_id)).toEqual(['2026-Q1', '2026-Q2']);
    expect(t.rows[0]!.retention_rate).toBeNull();
    // only KPIs with rows at the grain get a column (retention and churn here)
    expect(t.columns.map((c) => c.key)).toEqual(['period', 'retention_rate', 'churn_rate', 'notes']);
    expect(t.rows[0]!.notes).toBe('分母为零：本期没有可计算的对象: 客户保留率; 本期没有数据: 客户流失率');
    expect(t.rows[1]!.retention_rate).toBe(0.6);
    expect(t.rows[1]!.notes).toBeNull();
    const m = retentionTrendTable(b, 'zh-CN', 'month');
    expect(m.columns.map((c) => c.key)).toEqual(['period', 'retention_rate', 'notes']);
    expect(m.rows.map((r) => r.retention_rate)).toEqual([null, 0.25]);
  });
  test('team table: teams sorted, linked, one note per distinct reason', () => {
    const t = retentionTeamsTable(b, 'zh-CN', '2026-Q2');
    expect(t.rows.map((r) => r.team)).toEqual(['华东', '客服'].sort());
    const east = t.rows.find((r) => r.team === '华东')!;
    expect(east).toMatchObject({ href: '/teams/华东/', previous_buyers: 2, retention_rate: 0.5, notes: '本期没有数据' });
    const service = t.rows.find((r) => r.team === '客服')!;
    expect(service.retention_rate).toBeNull();
    // retention and churn: empty denominator; KPIs no team has a row for get no column
    expect(service.notes).toBe('分母为零：本期没有可计算的对象');
    expect(t.columns.map((c) => c.key)).toEqual(['team', 'previous_buyers', 'retention_rate', 'churn_rate', 'notes']);
    expect(retentionTeamsTable(b, 'en', '2026-Q2').rows[0]!.href).toMatch(/^\/en\/teams\//);
  });
  test('cohort table: company cohorts newest first, cells selected by k, absent cells null, partial flagged', () => {
    const t = retentionCohortsTable(b, 'zh-CN');
    expect(t.rows.map((r) => r.cohort)).toEqual(['2026-02', '2026-01']);
    expect(t.rows[1]).toMatchObject({ size: 4, revenue0: 100, cr1: 0.5, rr1: 0.5, cr3: null, partial: null });
    expect(t.rows[0]).toMatchObject({ size: 2, cr1: null, partial: '是' });
  });
  test('cohorts.csv: every dimension, machine columns', () => {
    const w = cohortsWholeTable(b);
    expect(w.name).toBe('cohorts');
    expect(w.columns.map((c) => c.header)).toEqual(['dimension', 'key', 'cohort', 'k', 'size', 'customers', 'revenue', 'customer_retention', 'revenue_retention', 'partial']);
    expect(w.rows).toHaveLength(4);
    expect(w.rows[2]!.partial).toBe('true');
    expect(w.rows[3]).toMatchObject({ dimension: 'team', key: '华东', partial: 'false' });
  });
  test('ids are stable and prefixed; empty optional tables give empty rows', () => {
    const ids = retentionTables(b, 'zh-CN').map((t) => t.id);
    expect(ids).toEqual(['retention-status', 'retention-kpis', 'retention-trend-quarter', 'retention-trend-month', 'retention-teams', 'retention-cohorts']);
    const empty = retentionTables({ ...b, cohorts: null, statusCounts: null, kpis: [] }, 'en');
    expect(empty.map((t) => t.id)).toEqual(ids);
    expect(empty.find((t) => t.id === 'retention-cohorts')!.rows).toEqual([]);
    expect(empty.find((t) => t.id === 'retention-status')!.rows).toEqual([]);
  });
});

describe('the retention page view model', () => {
  const v = retentionView(bundle(), 'en');
  test('the last complete quarter and month, the windows of complete periods', () => {
    expect([v.quarter, v.month]).toEqual(['2026-Q2', '2026-07']);
    expect(v.quarters).toEqual(['2026-Q1', '2026-Q2']);
    expect(v.months).toEqual(['2026-06', '2026-07']);
  });
  test('headline KPIs with company rows only, each with its quarterly series (null: no value, never 0)', () => {
    const ret = v.headline.find((h) => h.def.id === 'retention_rate')!;
    expect(ret.series).toEqual([null, 0.6]);
    expect(v.headline.some((h) => h.def.id === 'reactivation_rate')).toBe(false);
  });
  test('a trend: the window with last year beside each period; none when the window has no value', () => {
    const q = v.trend('retention_rate', 'quarter')!;
    expect(q.current).toBe('2026-Q2');
    expect(q.points).toEqual([{ period: '2026-Q1', value: null, lastYear: null }, { period: '2026-Q2', value: 0.6, lastYear: 0.5 }]);
    expect(q.title).toMatch(/quarter/i);
    expect(v.trend('retention_rate', 'month')!.points.map((p) => p.value)).toEqual([null, 0.25]);
    expect(v.trend('won_back', 'quarter')).toBeNull();
  });
  test('team bars: teams with a value, best first; company cohort cells with the partial month flagged', () => {
    expect(v.teamBars).toEqual([{ label: '华东', value: 0.5 }]);
    expect(v.cohorts.shown).toBe(2);
    expect(v.cohorts.partial).toBe(true);
    expect(v.cohorts.cells).toEqual([
      { cohort: '2026-01', offset: 0, customer: 1, revenue: 1, partial: false },
      { cohort: '2026-01', offset: 1, customer: 0.5, revenue: 0.5, partial: false },
      { cohort: '2026-02', offset: 0, customer: 1, revenue: 1, partial: true },
    ]);
  });
});

