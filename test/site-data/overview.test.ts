import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/model/kpi.ts';
import type { SiteBundle } from '../../src/bundle/contract.ts';
import { overviewModel } from '../../src/site-data/overview.ts';
import { targetStatus } from '../../src/site-data/target-status.ts';
import { emptyBundle } from './scoring-bundle.ts';

const row = (period: string, kpi: string, value: number | null, numerator: number | null = null, denominator: number | null = null): KpiRow => ({
  entity_type: 'company', entity_id: 'company', grain: 'quarter', period, kpi, value, numerator, denominator, n: 10, reason: value == null ? 'no_data' : null,
});

// 2026-Q2 → 2026-Q3: revenue 1,000,000 → 900,000 (−10 %), buyers 400 → 420 (+5 %), new 50 in Q3,
// SLA rate 180/200 = 90 % (20 breaches). No 2025 rows: every "vs last year" has no data.
const b: SiteBundle = {
  ...emptyBundle,
  kpis: [
    row('2026-Q2', 'revenue', 1_000_000), row('2026-Q3', 'revenue', 900_000),
    row('2026-Q2', 'buyers', 400), row('2026-Q3', 'buyers', 420),
    row('2026-Q3', 'new_customers', 50),
    row('2026-Q2', 'response_sla_rate', 0.95, 190, 200), row('2026-Q3', 'response_sla_rate', 0.9, 180, 200),
  ],
  // revenue target 1,000,000 (two team targets summed) → 90 %: at risk at the default 0.9;
  // buyers target 500 → 84 %: off track
  companyTargets: [
    { period: '2026-Q3', kpi: 'revenue', target: 1_000_000, source: 'teams', teams: 2, teamsTotal: 3 },
    { period: '2026-Q3', kpi: 'buyers', target: 500, source: 'company', teams: 0, teamsTotal: 3 },
  ],
  rfm: { edges: {} as never, segments: { rows: [], atRiskValue: 123_456, atRiskCustomers: 7 } },
};

describe('target status', () => {
  it('follows the direction and the thresholds', () => {
    expect(targetStatus(90, 100, 'higher')).toEqual({ attainment: 0.9, status: 'at_risk' });
    expect(targetStatus(89, 100, 'higher')!.status).toBe('off_track');
    expect(targetStatus(100, 100, 'higher')!.status).toBe('on_track');
    // lower is better: 20 h against a 16 h target → 16/20 = 80 %
    expect(targetStatus(20, 16, 'lower')).toEqual({ attainment: 0.8, status: 'off_track' });
    expect(targetStatus(20, 16, 'lower', { onTrack: 1, atRisk: 0.75 })!.status).toBe('at_risk');
    expect(targetStatus(null, 16, 'lower')).toBeNull();
    expect(targetStatus(5, 0, 'higher')).toBeNull();
  });
});

describe('overview model', () => {
  const en = overviewModel(b, 'en', '2026-Q3');
  it('gives each headline tile its company target and status', () => {
    const rev = en.tiles.find((x) => x.def.id === 'revenue')!;
    expect(rev.status).toEqual({ attainment: 0.9, status: 'at_risk' });
    expect(rev.target?.source).toBe('teams');
    expect(en.tiles.find((x) => x.def.id === 'buyers')!.status!.status).toBe('off_track');
    expect(en.tiles.find((x) => x.def.id === 'new_customers')!.status).toBeNull();
  });
  it('says why a comparison is missing instead of inventing one', () => {
    const rev = en.tiles.find((x) => x.def.id === 'revenue')!;
    expect(rev.c.vsLastYear).toMatchObject({ value: null, reason: 'no_data' });
    expect(rev.c.vsPrevious.value).toBeCloseTo(-0.1, 12);
  });
  it('writes a summary of 3–5 sentences from the published figures', () => {
    expect(en.summary.length).toBeGreaterThanOrEqual(3);
    expect(en.summary.length).toBeLessThanOrEqual(5);
    expect(en.summary[0]).toBe('In Q3 2026, revenue was ¥900k (−10.0% vs Q2 2026) from 420 buyers, 50 of them new.');
    expect(en.summary[1]).toBe('Of the 2 KPIs with a company target, 0 are on track, 1 at risk and 1 off track (furthest behind: Buyers at 84%).');
    // largest move: revenue −10 % beats buyers +5 % and the SLA rate −5 points
    expect(en.summary[2]).toMatch(/^The largest move was Net revenue: −10\.0% vs Q2 2026, worse \(higher is better\)\.$/);
    expect(en.summary.join(' ')).toContain('7 customers are in the At risk and Can’t lose segments, worth ¥123.5k');
    expect(en.summary.join(' ')).toContain('Of 200 tickets due this period, 20 had no first response within 24 h (SLA rate 90.0%).');
    const zh = overviewModel(b, 'zh-CN', '2026-Q3').summary;
    expect(zh[0]).toBe('2026年第3季度销售额 ¥90万（较2026年第2季度 −10.0%），购买客户 420 人，其中新客户 50 人。');
    expect(zh.join('')).not.toMatch(/at_risk|cant_lose|[a-z]+_[a-z]+/);
  });
  it('lists what needs attention, off track first, with a symbol and words', () => {
    const [first, second] = en.attention;
    expect(first).toMatchObject({ severity: 'off_track', symbol: '✕', href: '#kpi-buyers' });
    expect(first!.text).toBe('Off track · Buyers: 420, target 500 (84% reached)');
    expect(second).toMatchObject({ severity: 'at_risk', symbol: '!', href: '#kpi-revenue' });
    expect(en.attention.map((a) => a.text)).toContain('7 at-risk customers worth ¥123.5k');
    expect(en.attention.map((a) => a.text)).toContain('20 tickets without a first response within 24 h');
  });
});
