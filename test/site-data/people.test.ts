import { describe, expect, test } from 'vitest';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import type { KpiRow } from '../../src/model/kpi.ts';
import type { ScoreRow, TeamScoreRow } from '../../src/scoring/index.ts';
import type { CustomerTierRow } from '../../src/metrics/index.ts';
import type { PersonRow, SiteBundle } from '../../src/bundle/contract.ts';
import {
  atRiskTable, followupTable, pageView, peopleIndex, peopleIndexTable, peopleListPages, peopleTables, personCurrentScores,
  personHistoryTable, personPaths, personScorecardTable, portfolioTable, serviceTable, slugify, teamHistoryTable, teamPaths,
  teamPath, teamScorecardTable, teamsIndexTable,
} from '../../src/site-data/tables/people.ts';

// A hand-made bundle: 3 quarters complete (2026-Q1..Q3), 2026-Q4 partial.
const q = (id: string, start: string, end: string, complete = true) => ({ id, start, end, complete });
const manifest = {
  asOf: '2026-11-18', definitionsVersion: 't', fingerprints: [], rowCounts: {}, title: { 'zh-CN': '测试', en: 'Test' },
  periods: {
    quarter: [q('2026-Q1', '2026-01-01', '2026-03-31'), q('2026-Q2', '2026-04-01', '2026-06-30'), q('2026-Q3', '2026-07-01', '2026-09-30'), q('2026-Q4', '2026-10-01', '2026-12-31', false)],
    month: [], year: [],
  },
  lastCompleteQuarter: '2026-Q3', lastCompleteMonth: null,
  filesPresent: ['orders', 'customers', 'staff', 'tickets', 'interactions'],
};
const person = (staff_id: string, name: string, role: string, team: string | null, manager_id: string | null = null, active = true): PersonRow =>
  ({ staff_id, name, role, team, manager_id, region: '华南', active });
const people = [
  person('P2', '李四', 'am', '华南组', 'P1'),
  person('P1', '张三', 'am', '华南组'),
  person('P3', '王五', 'cs', 'A/B 组', null, false),
];
const expl = (kpi: string, actual: number | null, target: number | null, attainment: number | null, weight: number, contribution: number | null) =>
  ({ kpi, actual, target, target_source: target == null ? null : 'card' as const, attainment, weight, base_weight: 0.5, contribution });
const score = (staff_id: string, role: string, period: string, s: number | null, grade: ScoreRow['grade'], rank: number | null, explanation: ScoreRow['explanation'] = [], notes: string[] = []): ScoreRow =>
  ({ role, period, grain: 'quarter', staff_id, score: s, grade, rank, mode: 'target', explanation, notes });
const scores: ScoreRow[] = [
  score('P1', 'am', '2026-Q3', 104.26, 'A', 1, [expl('revenue', 1200, 1000, 1.2, 0.5, 60.04), expl('new_customers', 8, 10, 0.8, 0.5, 40), expl('retention_rate', null, 0.6, null, 0, null)], ['missing_actual:retention_rate', 'weights_renormalised']),
  score('P1', 'am', '2026-Q2', 95, 'B', 2),
  score('P2', 'am', '2026-Q3', 80, 'C', 2),
  score('P2', 'am', '2026-Q2', 99, 'B', 1),
  score('P3', 'cs', '2026-Q2', 70, 'D', 1),
];
const teamScores: TeamScoreRow[] = [
  { role: 'am', period: '2026-Q3', grain: 'quarter', team: '华南组', score: 101, grade: 'A', rank: 1, mode: 'target', explanation: [expl('revenue', 2000, 1000, 1.2, 1, 120)], notes: [] },
];
const customer = (customer_id: string, owner_id: string | null, value_tier: CustomerTierRow['value_tier'], segment: string | null, monetary: number | null): CustomerTierRow => ({
  customer_id, name: `客户${customer_id}`, owner_id, team: owner_id === 'P3' ? 'A/B 组' : '华南组', region: '华南', member_level: null, status: 'active',
  first_purchase: '2025-01-01', last_purchase: '2026-05-01', recency_days: 100, frequency: 3, monetary, r: 2, f: 3, m: 3, segment, value_tier, value_revenue: monetary ?? 0,
});
const customers = [
  customer('C1', 'P1', 'A', 'at_risk', 500),
  customer('C2', 'P1', 'A', 'cant_lose', 900),
  customer('C3', 'P1', 'C', 'loyal', 100),
  customer('C4', 'P1', 'none', null, null),
  customer('C5', 'P2', 'B', 'at_risk', 50),
];
const kr = (entity_type: KpiRow['entity_type'], entity_id: string, period: string, kpi: string, value: number | null, n: number, reason: string | null = null): KpiRow =>
  ({ entity_type, entity_id, grain: 'quarter', period, kpi, value, numerator: null, denominator: null, n, reason });
const kpis: KpiRow[] = [
  kr('person', 'P3', '2026-Q2', 'complaints', 3, 3),
  kr('person', 'P3', '2026-Q2', 'response_sla_rate', 0.5, 2),
  kr('person', 'P3', '2026-Q3', 'response_sla_rate', null, 0, 'empty_denominator'),
  kr('person', 'P1', '2026-Q3', 'coverage_rate', 0.75, 4),
  kr('team', '华南组', '2026-Q3', 'coverage_rate', 0.6, 5),
];
const roles = [
  { id: 'am', title: { 'zh-CN': '客户经理', en: 'Account manager' } },
  { id: 'cs', title: { 'zh-CN': '客服', en: 'Service' } },
] as unknown as SiteBundle['roles'];

const make = (over: Partial<SiteBundle> = {}): SiteBundle => ({
  manifest, ledger: [], kpis, catalogue: kpiCatalogue,
  cohorts: null, customers, statusCounts: null, rfm: null, valueTiers: null, migration: null, ticketFacts: null,
  complaintCategories: null, backlog: null, satisfaction: null, channels: null,
  people, roles, scores, teamScores, weights: null, scoringWarnings: null, customerHealth: null, customerPortfolio: null,
  ...over,
} as SiteBundle);
const b = make();

describe('people index and routes', () => {
  test('slugs keep Chinese, replace path-breaking characters', () => {
    expect(slugify('华南组')).toBe('华南组');
    expect(slugify('A/B 组')).toBe('A-B-组');
    expect(slugify('x?y#z')).toBe('x-y-z');
    const idx = peopleIndex(b);
    expect(teamPath(idx, '华南组')).toBe('/teams/华南组/');
    expect(teamPath(idx, 'A/B 组')).toBe('/teams/A-B-组/');
    expect(teamPaths(b).map((p) => p.params.team)).toEqual(['A-B-组', '华南组']);
    expect(personPaths(b).map((p) => p.params.id)).toEqual(['P1', 'P2', 'P3']);
  });

  test('the trend window is the complete quarters, oldest first; latest = last complete', () => {
    const idx = peopleIndex(b);
    expect(idx.window).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(idx.latest).toBe('2026-Q3');
  });

  test('people list: latest score per person, an inactive person keeps their last scored period', () => {
    const t = peopleIndexTable(b, 'en');
    expect(t.rows.map((r) => [r.staff_id, r.grade, r.score, r.rank, r.period, r.status])).toEqual([
      ['P1', 'A', 104.3, 1, '2026-Q3', 'Active'],
      ['P2', 'C', 80, 2, '2026-Q3', 'Active'],
      ['P3', 'D', 70, 1, '2026-Q2', 'Left'],
    ]);
    expect(t.rows[0]!.href).toBe('/en/people/P1/');
    expect(t.rows[0]!.team_href).toBe('/en/teams/华南组/');
    expect(t.rows[0]!.role).toBe('Account manager');
    expect(personCurrentScores(peopleIndex(b), 'P3')[0]!.current).toBe(false);
    // the team's member list is the same table filtered, the team column is the page's subject
    const m = peopleIndexTable(b, 'zh-CN', '华南组');
    expect(m.rows.map((r) => r.staff_id)).toEqual(['P1', 'P2']);
    expect(pageView(m).columns.map((c) => c.key)).not.toContain('team');
  });

  test('teams list: members, active members and the team grade per role', () => {
    const t = teamsIndexTable(b, 'en');
    expect(t.rows.map((r) => [r.team, r.members, r.active, r.grades])).toEqual([
      ['A/B 组', 1, 0, null],
      ['华南组', 2, 2, 'Account manager A (101.0)'],
    ]);
  });

  test('list pages: 400 a page, a clashing slug is avoided', () => {
    const many = Array.from({ length: 801 }, (_, i) => person(i === 5 ? 'list-2' : `S${String(i).padStart(4, '0')}`, `n${i}`, 'am', 'T'));
    const pages = peopleListPages(peopleIndex(make({ people: many })));
    expect(pages.map((p) => p.path)).toEqual(['/people/', '/people/_list-2/', '/people/list-3/']);
  });
});

describe('scorecards and history', () => {
  test('a person scorecard shows the explanation rows of the latest score', () => {
    const t = personScorecardTable(b, 'en', 'P1');
    expect(t.rows.map((r) => [r.kpi_id, r.actual, r.target, r.attainment, r.contribution, r.note])).toEqual([
      ['revenue', 1200, 1000, 1.2, 60, null],
      ['new_customers', 8, 10, 0.8, 40, null],
      ['retention_rate', null, 0.6, null, null, 'No data, left out'],
    ]);
    expect(t.rows[0]!.period).toBe('2026-Q3');
    // the download holds everyone's current rows
    expect(personScorecardTable(b, 'en').rows).toHaveLength(3);
  });

  test('a team scorecard comes from teamScores', () => {
    const t = teamScorecardTable(b, 'zh-CN', '华南组');
    expect(t.rows.map((r) => [r.team, r.kpi_id, r.actual, r.contribution])).toEqual([['华南组', 'revenue', 2000, 120]]);
  });

  test('history: newest first, rank of N scored in the role and quarter', () => {
    const t = personHistoryTable(b, 'en', 'P1');
    expect(t.rows.map((r) => [r.period, r.period_label, r.score, r.grade, r.rank, r.of])).toEqual([
      ['2026-Q3', 'Q3 2026', 104.3, 'A', 1, 2],
      ['2026-Q2', 'Q2 2026', 95, 'B', 2, 2],
    ]);
    expect(teamHistoryTable(b, 'en', '华南组').rows.map((r) => [r.period, r.rank, r.of])).toEqual([['2026-Q3', 1, 1]]);
  });
});

describe('portfolio', () => {
  test('customers of the owner by value tier and segment', () => {
    const t = portfolioTable(b, 'en', 'person', 'P1');
    const tiers = t.rows.filter((r) => r.dim === 'tier').map((r) => [r.category_id, r.customers]);
    expect(tiers).toEqual([['A', 2], ['B', 0], ['C', 1], ['none', 1]]);
    const segs = Object.fromEntries(t.rows.filter((r) => r.dim === 'segment').map((r) => [r.category_id, r.customers]));
    expect(segs).toEqual({ at_risk: 1, cant_lose: 1, loyal: 1, none: 1 });
    expect(t.rows.every((r) => r.total === 4)).toBe(true);
  });

  test('team portfolio counts the customers of its members', () => {
    const t = portfolioTable(b, 'en', 'team', '华南组');
    expect(t.rows.find((r) => r.category_id === 'B')!.customers).toBe(1);
    expect(t.rows[0]!.total).toBe(5);
  });

  test('at-risk customers: at_risk and cant_lose, by monetary descending, names only', () => {
    const t = atRiskTable(b, 'en', 'person', 'P1');
    expect(t.rows.map((r) => [r.customer_id, r.monetary])).toEqual([['C2', 900], ['C1', 500]]);
    expect(t.totals.get('P1')).toBe(2);
    expect(t.columns.map((c) => c.key)).not.toContain('phone');
    const team = atRiskTable(b, 'en', 'team', '华南组');
    expect(team.rows.map((r) => [r.customer_id, r.owner])).toEqual([['C2', '张三'], ['C1', '张三'], ['C5', '李四']]);
  });
});

describe('service record and follow-up', () => {
  test('KPI × quarter matrix of published rows, "—" cells keep their reason', () => {
    const t = serviceTable(b, 'en', 'person', 'P3');
    const sla = t.rows.find((r) => r.kpi_id === 'response_sla_rate')!;
    expect([sla['2026-Q1'], sla['2026-Q2'], sla['2026-Q3']]).toEqual([null, 0.5, null]);
    expect(sla['2026-Q3__reason']).toMatch(/denominator/i);
    expect(sla['2026-Q1__reason']).toMatch(/no data/i);
    expect(sla.n_latest).toBe(0);
    expect(pageView(t).columns.map((c) => c.key)).toEqual(['kpi', '2026-Q1', '2026-Q2', '2026-Q3', 'n_latest']);
  });

  test('the download holds only people with observations', () => {
    expect(new Set(serviceTable(b, 'en', 'person').rows.map((r) => r.staff_id))).toEqual(new Set(['P3']));
    expect(new Set(followupTable(b, 'en', 'person').rows.map((r) => r.staff_id))).toEqual(new Set(['P1']));
    expect(followupTable(b, 'en', 'team').rows.find((r) => r.kpi_id === 'coverage_rate')!['2026-Q3']).toBe(0.6);
  });
});

describe('downloads', () => {
  test('one table per kind, ids prefixed and the same in both locales', () => {
    const zh = peopleTables(b, 'zh-CN').map((x) => x.id);
    expect(new Set(zh).size).toBe(zh.length);
    for (const id of zh) expect(id).toMatch(/^(people|team|teams)-[a-z-]+$/);
    expect(peopleTables(b, 'en').map((x) => x.id)).toEqual(zh);
    expect(zh).toHaveLength(14);
  });

  test('no people, no tables', () => {
    expect(peopleTables(make({ people: null }), 'en')).toEqual([]);
  });
});
