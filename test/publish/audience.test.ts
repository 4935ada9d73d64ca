import { describe, expect, it } from 'vitest';
import { audienceSettings } from '../../src/config/schema.ts';
import { configSchema } from '../../src/config/schema.ts';
import type { BundleData, PersonRow, PublishedCustomer } from '../../src/bundle/contract.ts';
import type { KpiRow } from '../../src/model/kpi.ts';
import type { ScoreRow } from '../../src/scoring/index.ts';
import { audienceScope } from '../../src/publish/audience-scope.ts';
import { audienceBundle } from '../../src/publish/audience-bundle.ts';

// A hand-made company: North (N1, N2), South (S1, S2 a leaver), Mixed (X1 in 华北, X2 in 华南).
const person = (staff_id: string, team: string, region: string, manager_id: string | null = null, active = true): PersonRow =>
  ({ staff_id, name: `name-${staff_id}`, role: 'am', team, manager_id, region, active });
const customer = (customer_id: string, owner_id: string | null): PublishedCustomer =>
  ({ customer_id, name: `cust-${customer_id}`, owner_id, team: null, region: null, member_level: null, status: 'active', first_purchase: null, last_purchase: null, recency_days: null, frequency: null, monetary: null, r: null, f: null, m: null, segment: null, value_tier: 'C', value_revenue: 0, phone: null, email: null } as PublishedCustomer);
const kpi = (entity_type: KpiRow['entity_type'], entity_id: string): KpiRow =>
  ({ entity_type, entity_id, grain: 'quarter', period: '2026-Q3', kpi: 'revenue', value: 1, numerator: null, denominator: null, n: 1, reason: null });
const score = (staff_id: string, s: number | null, rank: number | null): ScoreRow =>
  ({ role: 'am', period: '2026-Q3', grain: 'quarter', staff_id, score: s, grade: null, rank, mode: 'relative', explanation: [], notes: [] });

function company(): BundleData {
  return {
    manifest: { asOf: '2026-09-30', definitionsVersion: '1', fingerprints: [], rowCounts: {}, title: { 'zh-CN': 't', en: 't' }, periods: { month: [], quarter: [], year: [] }, lastCompleteQuarter: null, lastCompleteMonth: null, filesPresent: [] },
    ledger: [{ name: 'orders', file: 'orders.csv', present: true, encoding: 'utf-8', delimiter: ',', mapping: {}, read: 3, accepted: 2, excluded: 0, rejected: 1, duplicates: 0, orphans: [], reasons: [{ code: 'bad', column: 'customer_id', count: 1, message: { 'zh-CN': 'x', en: 'x' }, examples: [{ line: 3, column: 'customer_id', raw: 'C2' }] }], coverage: null, fingerprint: null, statuses: { header: 'status', values: [{ value: 'done', rows: 2, amount: 10, outcome: 'kept' }] } }],
    kpis: [kpi('company', 'company'), kpi('team', 'North'), kpi('team', 'South'), kpi('region', '华北'), kpi('region', '华南'), kpi('person', 'N1'), kpi('person', 'S1'), kpi('person', 'X1')],
    cohorts: [
      { dimension: 'company', key: 'company', cohort: '2026-01', k: 0, size: 1, customers: 1, revenue: 1, customer_retention: 1, revenue_retention: 1, partial: false },
      { dimension: 'owner', key: 'S1', cohort: '2026-01', k: 0, size: 1, customers: 1, revenue: 1, customer_retention: 1, revenue_retention: 1, partial: false },
      { dimension: 'channel', key: '微信', cohort: '2026-01', k: 0, size: 1, customers: 1, revenue: 1, customer_retention: 1, revenue_retention: 1, partial: false },
    ],
    customers: [customer('C1', 'N1'), customer('C2', 'S1'), customer('C3', null), customer('C4', 'X1')],
    statusCounts: [],
    rfm: { edges: {} as never, segments: { rows: [], atRiskValue: 0, atRiskCustomers: 0 } },
    valueTiers: { summary: [], pareto: [] },
    migration: { valueTiers: [], memberLevels: null, memberLevelsReason: 'needs_member_level_history' },
    ticketFacts: [{ ticket_id: 'T1', owner_id: 'N2', team: 'North', period_month: '2026-09', period_quarter: '2026-Q3', type: null, category: null, channel: null, response_hours: 1, resolution_hours: 2, responded_within_sla: true, sla_due: true }, { ticket_id: 'T2', owner_id: 'S1', team: 'South', period_month: '2026-09', period_quarter: '2026-Q3', type: null, category: null, channel: null, response_hours: 1, resolution_hours: 2, responded_within_sla: true, sla_due: true }],
    complaintCategories: [],
    backlog: [{ owner_id: null, team: null, age_bucket: '<1d' as never, tickets: 1, complaints: 0 }, { owner_id: 'N1', team: 'North', age_bucket: '<1d' as never, tickets: 1, complaints: 0 }],
    satisfaction: { detail: [], complaint: [], dimensions: [] },
    channels: [],
    people: [person('N1', 'North', '华北'), person('N2', 'North', '华北', 'N1'), person('S1', 'South', '华南', 'N1'), person('S2', 'South', '华南', 'S1', false), person('X1', 'Mixed', '华北'), person('X2', 'Mixed', '华南')],
    roles: [],
    scores: [score('S1', 90, 1), score('N1', 80, 2), score('N2', 70, 3), score('X1', 75, 4), score('S2', 60, null)],
    teamScores: [{ role: 'am', period: '2026-Q3', grain: 'quarter', team: 'South', score: 90, grade: null, rank: 1, mode: 'relative', explanation: [], notes: [] }, { role: 'am', period: '2026-Q3', grain: 'quarter', team: 'North', score: 80, grade: null, rank: 2, mode: 'relative', explanation: [], notes: [] }],
    weights: [],
    scoringWarnings: [
      { code: 'duplicate_target', role: 'am', staff_id: 'S1', message: { 'zh-CN': 'S1', en: 'S1' } },
      { code: 'expert_weights_not_summing_to_1', role: 'am', staff_id: null, message: { 'zh-CN': 'x', en: 'x' } },
      { code: 'duplicate_target', role: null, staff_id: null, message: { 'zh-CN': 'South', en: 'South' } },
    ],
    customerHealth: [],
    customerPortfolio: [
      { level: 'company', key: null, customers: 4, expectedActive: 1, purchases90d: 1, purchases12m: 1, value: 1, atRisk: 0, valueAtRisk: 0 },
      { level: 'owner', key: 'S1', customers: 1, expectedActive: 1, purchases90d: 1, purchases12m: 1, value: 1, atRisk: 0, valueAtRisk: 0 },
      { level: 'team', key: 'North', customers: 1, expectedActive: 1, purchases90d: 1, purchases12m: 1, value: 1, atRisk: 0, valueAtRisk: 0 },
    ],
    companyTargets: [],
  };
}

const settings = (a: Record<string, unknown>) => audienceSettings.parse(a);
const scopeOf = (b: BundleData, a: Record<string, unknown>) => {
  const r = audienceScope(b, 'north', settings(a), 'key');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message.en).join('; '));
  return r.scope;
};

describe('audience scope', () => {
  it('a team: its people and the customers they own', () => {
    const s = scopeOf(company(), { teams: ['North'] });
    expect([...s.people].sort()).toEqual(['N1', 'N2']);
    expect([...s.teams]).toEqual(['North']);
    expect([...s.customers]).toEqual(['C1']);
    expect(s.base).toBe('/north/');
  });

  it("a region: its people, and the teams wholly inside it (Mixed spans two regions, so it is not one)", () => {
    const s = scopeOf(company(), { regions: ['华北'] });
    expect([...s.people].sort()).toEqual(['N1', 'N2', 'X1']);
    expect([...s.teams]).toEqual(['North']);
    expect([...s.customers].sort()).toEqual(['C1', 'C4']);
  });

  it('a name staff.csv lacks stops the build with the closest name; so does an empty audience', () => {
    const r = audienceScope(company(), 'north', settings({ teams: ['Nort'], people: ['N9'] }), 'key');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['audiences.north.teams', 'audiences.north.people']);
    expect(r.errors[0]!.hint!.en).toContain('did you mean "North"');
    const empty = audienceScope(company(), 'x', settings({}), 'key');
    expect(empty.ok || empty.errors[0]!.code).toBe('empty_audience');
  });

  it('names: lower-case folder names, and `company` is dist/ itself', () => {
    expect(configSchema.safeParse({ audiences: { North: { teams: ['a'] } } }).success).toBe(false);
    expect(configSchema.safeParse({ audiences: { company: { teams: ['a'] } } }).success).toBe(false);
    expect(configSchema.safeParse({ audiences: { 'north-1': { teams: ['a'], base: '/kpi/north/' } } }).success).toBe(true);
    expect(configSchema.safeParse({ audiences: { n: { teams: ['a'], base: 'north' } } }).success).toBe(false);
  });
});

describe('audience bundle', () => {
  it('default (aggregates): own rows and company totals, nobody else; ranks within the audience', () => {
    const b = company();
    const before = JSON.stringify(b);
    const out = audienceBundle(b, scopeOf(b, { teams: ['North'] }));
    expect(JSON.stringify(b)).toBe(before); // the company bundle is untouched
    expect(out.kpis.map((k) => `${k.entity_type}:${k.entity_id}`)).toEqual(['company:company', 'team:North', 'person:N1']);
    expect(out.people.map((p) => [p.staff_id, p.team, p.manager_id])).toEqual([['N1', 'North', null], ['N2', 'North', 'N1']]);
    expect(out.customers.map((c) => c.customer_id)).toEqual(['C1']);
    // company ranks 2 and 3 become 1 and 2 among North's two people
    expect(out.scores.map((s) => [s.staff_id, s.rank])).toEqual([['N1', 1], ['N2', 2]]);
    expect(out.teamScores.map((s) => [s.team, s.rank])).toEqual([['North', 1]]);
    expect(out.ticketFacts.map((t) => t.ticket_id)).toEqual(['T1']);
    expect(out.backlog.map((r) => r.owner_id)).toEqual(['N1']);
    expect(out.cohorts.map((c) => c.dimension)).toEqual(['company', 'channel']);
    expect(out.customerPortfolio.map((r) => `${r.level}:${r.key}`)).toEqual(['company:null', 'team:North']);
    expect(out.scoringWarnings.map((w) => w.code)).toEqual(['expert_weights_not_summing_to_1']);
    expect(out.ledger[0]!.reasons[0]!.examples).toEqual([]);
    expect(out.ledger[0]!.reasons[0]!.count).toBe(1);
    expect(out.rfm).not.toBeNull();
    expect(out.manifest.title).toEqual({ 'zh-CN': 't · north', en: 't · north' });
    expect(out.manifest.audience).toMatchObject({ name: 'north', base: '/north/', companyFigures: 'aggregates', ranks: 'within', teams: ['North'], people: 2, customers: 1 });
  });

  it('ranks company: the company ranks, unchanged', () => {
    const b = company();
    const out = audienceBundle(b, scopeOf(b, { teams: ['North'], ranks: 'company' }));
    expect(out.scores.map((s) => [s.staff_id, s.rank])).toEqual([['N1', 2], ['N2', 3]]);
    expect(out.teamScores.map((s) => [s.team, s.rank])).toEqual([['North', 2]]);
    expect(out.manifest.audience?.ranks).toBe('company');
  });

  it("companyFigures teams: every team's and region's totals, still no other team's people", () => {
    const b = company();
    const out = audienceBundle(b, scopeOf(b, { teams: ['North'], companyFigures: 'teams' }));
    expect(out.kpis.map((k) => `${k.entity_type}:${k.entity_id}`)).toEqual(['company:company', 'team:North', 'team:South', 'region:华北', 'region:华南', 'person:N1']);
    expect(out.teamScores.map((s) => [s.team, s.rank])).toEqual([['South', 1], ['North', 2]]);
    expect(out.people.map((p) => p.staff_id)).toEqual(['N1', 'N2']);
  });

  it('a leaver stays unranked; a person of a team outside the audience keeps no team name', () => {
    const b = company();
    const south = audienceBundle(b, scopeOf(b, { teams: ['South'] }));
    expect(south.scores.map((s) => [s.staff_id, s.rank])).toEqual([['S1', 1], ['S2', null]]);
    expect(south.people.map((p) => [p.staff_id, p.manager_id])).toEqual([['S1', null], ['S2', 'S1']]);
    const region = audienceBundle(b, scopeOf(b, { regions: ['华北'] }));
    expect(region.people.map((p) => [p.staff_id, p.team])).toEqual([['N1', 'North'], ['N2', 'North'], ['X1', null]]);
    expect(region.kpis.map((k) => `${k.entity_type}:${k.entity_id}`)).toEqual(['company:company', 'team:North', 'region:华北', 'person:N1', 'person:X1']);
  });
});
