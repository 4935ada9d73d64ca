import { describe, expect, test } from 'vitest';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import type { CustomerBaseSummary, CustomerHealthRow } from '../../src/metrics/customer-base/index.ts';
import type { PublishedCustomer } from '../../src/bundle/contract.ts';
import type { Manifest, SiteBundle } from '../../src/bundle/contract.ts';
import { healthView, pAliveBands, scatterDots } from '../../src/site-data/customer-health.ts';
import {
  atRiskByValue, callListTable, customerHealthWholeTable, healthHoldoutTable, healthModelTable, healthPortfolioTable,
} from '../../src/site-data/tables/customer-health.ts';

const settings = { timeUnit: 'week', calibrationEnd: '2026-09-30', horizonMonths: 12, monthlyDiscountRate: 0.01, pAliveThreshold: 0.5, highValueQuantile: 0.5 } as const;
const summary: CustomerBaseSummary = {
  ok: true, settings, customers: 4, repeaters: 3, highValueCut: 100,
  bgnbd: { params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood: -9582.43 },
  spend: { ok: true, params: { p: 6.25, q: 3.74, gamma: 15.44 }, logLikelihood: -4000, repeaters: 3, correlation: 0.11 },
  holdout: {
    ok: true, period: '2026-Q3', start: '2026-07-01', end: '2026-09-30', params: { r: 1, alpha: 1, a: 1, b: 1 }, logLikelihood: -1,
    classes: [
      { repeats: '0', customers: 2, forecast: 1, actual: 2 },
      { repeats: '1', customers: 0, forecast: 0, actual: 0 },
      { repeats: '7+', customers: 4, forecast: 10, actual: 8 },
    ],
    forecast: 11, actual: 10,
  },
};
const row = (customer_id: string, o: Partial<CustomerHealthRow>): CustomerHealthRow => ({
  customer_id, owner_id: 'S1', team: '华东', region: '东', first_purchase: '2025-01-01', last_purchase: '2026-01-01',
  repeat_purchases: 2, t_x: 10, T: 60, p_alive: 0.9, expected_purchases_90d: 1, expected_purchases_12m: 3,
  expected_purchase_value: 50, expected_value: 150, value_if_active: 200, value_at_risk: 20, at_risk: false, ...o,
});
const health: CustomerHealthRow[] = [
  row('C1', { p_alive: 0.05, value_if_active: 900, value_at_risk: 855, at_risk: true }),
  row('C2', { p_alive: 0.3, value_if_active: 1000, value_at_risk: 700, at_risk: true }),
  row('C3', { p_alive: 1, repeat_purchases: 0, value_if_active: 80, value_at_risk: 0 }),
  row('C4', { owner_id: 'S2', team: '华北', p_alive: 0.45, value_if_active: 300, value_at_risk: 165, at_risk: true }),
];
const published = (customer_id: string, phone: string | null): PublishedCustomer => ({
  customer_id, name: `客户${customer_id}`, owner_id: null, team: null, region: null, member_level: null, status: 'active',
  first_purchase: null, last_purchase: null, recency_days: null, frequency: null, monetary: null,
  r: null, f: null, m: null, segment: null, value_tier: 'none', value_revenue: 0, phone, email: null,
});
const manifest: Manifest = {
  asOf: '2026-09-30', definitionsVersion: '1', fingerprints: [], rowCounts: {}, title: { 'zh-CN': '甲', en: 'A' },
  periods: { quarter: [], month: [], year: [] }, lastCompleteQuarter: null, lastCompleteMonth: null, filesPresent: ['orders'],
  customerBase: summary,
};
const bundle = (o: Partial<SiteBundle> = {}): SiteBundle => ({
  manifest, ledger: [], kpis: [], catalogue: kpiCatalogue, cohorts: null, statusCounts: null,
  customers: [published('C1', '139****0001'), published('C2', null), published('C4', null)],
  rfm: null, valueTiers: null, migration: null, ticketFacts: null, complaintCategories: null, backlog: null, satisfaction: null, channels: null,
  people: [
    { staff_id: 'S1', name: '王一', role: 'am', team: '华东', manager_id: null, region: null, active: true },
    { staff_id: 'S2', name: '李二', role: 'am', team: '华北', manager_id: null, region: null, active: true },
  ],
  roles: null, scores: null, teamScores: null, weights: null, scoringWarnings: null,
  customerHealth: health,
  customerPortfolio: [
    { level: 'company', key: null, customers: 4, expectedActive: 2.7, purchases90d: 4, purchases12m: 12, value: 600, atRisk: 3, valueAtRisk: 1720 },
    { level: 'team', key: '华北', customers: 1, expectedActive: 0.45, purchases90d: 1, purchases12m: 3, value: 150, atRisk: 1, valueAtRisk: 165 },
    { level: 'owner', key: 'S1', customers: 3, expectedActive: 2.25, purchases90d: 3, purchases12m: 9, value: 450, atRisk: 2, valueAtRisk: 1555 },
    { level: 'team', key: '华东', customers: 3, expectedActive: 2.25, purchases90d: 3, purchases12m: 9, value: 450, atRisk: 2, valueAtRisk: 1555 },
  ],
  ...o,
});

describe('customer health view', () => {
  test('tiles from the company row; the correlation is stated', () => {
    const v = healthView(bundle(), 'en')!;
    expect(v.reason).toBeNull();
    expect(v.tiles.map((t) => t.value)).toHaveLength(7);
    expect(v.tiles[0]!.value).toBe('4');
    expect(v.spendNote).toContain('0.11');
    expect(v.lede).toContain('2026-09-30');
    expect(v.how.formulas).toContain('0.0100');
  });

  test('P(alive) bands: 10 bands, each customer once, 1.0 in the last', () => {
    const bands = pAliveBands(health);
    expect(bands).toHaveLength(10);
    expect(bands.map((b) => b.value)).toEqual([1, 0, 0, 1, 1, 0, 0, 0, 0, 1]);
    expect(bands[0]!.label).toBe('0.0–0.1');
  });

  test('scatter dots: highest value if active first', () => {
    expect(scatterDots(health).map((d) => d.value)).toEqual([1000, 900, 300, 80]);
  });

  test('holdout bars are per-customer means; empty classes are left out', () => {
    const v = healthView(bundle(), 'zh-CN')!;
    expect(v.holdout.bars).toEqual([
      { repeats: '0', series: '预测', value: 0.5 },
      { repeats: '0', series: '实际', value: 1 },
      { repeats: '7+', series: '预测', value: 2.5 },
      { repeats: '7+', series: '实际', value: 2 },
    ]);
    expect(healthHoldoutTable(bundle(), 'en').rows[2]).toMatchObject({ repeats: '7+', forecast_mean: 2.5, actual_mean: 2 });
  });

  test('no figures: the reason, no tiles, no dots', () => {
    const b = bundle({ manifest: { ...manifest, customerBase: { ok: false, reason: 'no_repeat_purchases', customers: 5, repeaters: 0, settings, holdout: { ok: false, period: null, reason: 'no_complete_period' } } } });
    const v = healthView(b, 'en')!;
    expect(v.reason).toContain('No customer bought again');
    expect(v.tiles).toEqual([]);
    expect(v.holdout.reason).toContain('No complete period');
    expect(healthModelTable(b, 'en').rows).toEqual([]);
  });

  test('without the spend model: purchases only, and why', () => {
    const b = bundle({ manifest: { ...manifest, customerBase: { ...summary, spend: { ok: false, reason: 'too_few_repeaters', repeaters: 3, correlation: null } } as CustomerBaseSummary } });
    const v = healthView(b, 'en')!;
    expect(v.spendNote).toContain('Fewer than 10');
  });
});

describe('customer health tables', () => {
  test('model parameters to the paper’s precision and beyond', () => {
    const rows = healthModelTable(bundle(), 'en').rows;
    expect(rows.map((r) => r.parameter)).toEqual(['r', 'α', 'a', 'b', 'LL', 'p', 'q', 'γ', 'ρ(x, m̄)']);
    expect(rows[1]!.value).toBe(4.414);
  });

  test('portfolio: company first, then teams by name; owners left to their pages', () => {
    const rows = healthPortfolioTable(bundle(), 'zh-CN').rows;
    expect(rows.map((r) => r.name)).toEqual(['公司', '华东', '华北']);
  });

  test('call list: at-risk customers by value at risk, per owner, contacts as published', () => {
    expect(atRiskByValue(health).map((c) => c.customer_id)).toEqual(['C1', 'C2', 'C4']);
    const list = callListTable(bundle(), 'en', 'person', 'S1');
    expect(list.rows.map((r) => r.customer_id)).toEqual(['C1', 'C2']);
    expect(list.rows[0]).toMatchObject({ pos: 1, customer: '客户C1', phone: '139****0001', p_alive: 0.05, last_purchase: '2026-01-01' });
    expect(list.totals.get('S1')).toBe(2);
    const teams = callListTable(bundle(), 'en', 'team');
    expect(teams.rows.map((r) => `${r.team}:${r.customer_id}`)).toEqual(['华东:C1', '华东:C2', '华北:C4']);
  });

  test('the download: one row per customer by id, machine names', () => {
    const w = customerHealthWholeTable(bundle());
    expect(w.rows.map((r) => r.customer_id)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(w.columns.map((c) => c.key)).toContain('p_alive');
    expect(w.rows[0]!.at_risk).toBe('true');
  });
});
