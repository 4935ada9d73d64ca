import { beforeAll, describe, expect, it } from 'vitest';
import { computeAllMetrics, type AllMetrics } from '../../src/metrics/compute-all-metrics.ts';
import { scoreAll } from '../../src/build/score-all.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';
import { loadRoleCards } from '../../src/roles/load-role-cards.ts';
import type { ScoreRolesResult } from '../../src/scoring/index.ts';

// The shipped sample company (data/) through ingest, metrics and scoring, as the build runs them.
let m: AllMetrics;
let scored: Extract<ScoreRolesResult, { ok: true }>;
let quarter: string;

beforeAll(async () => {
  const fs = nodeEffects().fs;
  const cfg = await loadConfig('data', fs);
  if (!cfg.ok) throw new Error(cfg.error.message.en);
  const read = await ingest({ dataDir: 'data', config: cfg.config, fs });
  if (!read.ok) throw new Error(read.error.message.en);
  m = computeAllMetrics(read.dataset, cfg.config);
  const cards = await loadRoleCards('data/roles', fs);
  if (!cards.ok) throw new Error(cards.error.message.en);
  const r = scoreAll(cards.cards, m, cfg.config);
  if (!r.ok) throw new Error(r.error.message.en);
  scored = r;
  quarter = m.periods.quarter.filter((p) => p.complete).at(-1)!.id;
}, 120_000);

describe('scores of the sample company', () => {
  it('grades differ between people in the last complete quarter (not everyone A)', () => {
    const grades = scored.scores.filter((s) => s.period === quarter && s.grade != null).map((s) => s.grade!);
    expect(grades.length).toBeGreaterThan(40);
    const distinct = new Set(grades);
    expect(distinct.size).toBeGreaterThanOrEqual(3);
    expect(grades.filter((g) => g === 'A').length).toBeLessThan(grades.length / 2);
  });

  it('every role is scored, the CRM specialists relative to each other', () => {
    const roles = new Set(scored.scores.filter((s) => s.period === quarter && s.score != null).map((s) => s.role));
    expect([...roles].sort()).toEqual(['account-manager', 'crm-specialist', 'customer-relationship-manager', 'customer-service-manager']);
    expect(scored.scores.filter((s) => s.role === 'crm-specialist' && s.period === quarter).every((s) => s.mode === 'relative')).toBe(true);
  });

  it('a team’s actual is its own KPI row, recomputed from rows, not the mean of its members’ ratios', () => {
    const team = scored.teamScores.find((t) => t.period === quarter && t.role === 'account-manager')!;
    const actual = team.explanation.find((e) => e.kpi === 'retention_rate')!.actual!;
    const row = (type: string, id: string) =>
      m.kpis.find((r) => r.entity_type === type && r.entity_id === id && r.grain === 'quarter' && r.period === quarter && r.kpi === 'retention_rate')!;
    const teamRow = row('team', team.team);
    expect(actual).toBe(teamRow.value);
    // independently: Σ members' numerators / Σ members' denominators (customers belong to one owner)
    const members = m.staff!.columns.staff_id.filter((_, i) => m.staff!.columns.team[i] === team.team);
    const rows = members.map((id) => row('person', id)).filter((r) => r && r.denominator! > 0);
    const pooled = rows.reduce((s, r) => s + r.numerator!, 0) / rows.reduce((s, r) => s + r.denominator!, 0);
    expect(actual).toBeCloseTo(pooled, 12);
    const mean = rows.reduce((s, r) => s + r.value!, 0) / rows.length;
    expect(Math.abs(actual - mean)).toBeGreaterThan(1e-6);
  });
});
