import type { Grain } from '../model/kpi.ts';
import type { RoleCardData } from '../roles/role-card.ts';
import { attainment, relativeAttainment } from './attainment.ts';
import { relativeGrade, targetGrade, type RelativeBands, type TargetBands } from './grades.ts';
import { rankScores } from './rank.ts';
import { directionOf } from './role-weights.ts';
import { kpiById } from '../metrics/kpi-catalogue.ts';
import { resolveTarget, type TargetIndex } from './targets.ts';
import type { ExplanationRow, ScoreRow } from './types.ts';

/** Who is scored: a person (targets: person → team → card) or a team (team → card). */
export interface ScoredEntity {
  id: string;
  kind: 'person' | 'team';
  team: string | null;
  /** a person who has left (staff.csv active = false): scored, but not ranked nor graded relative to others */
  left?: boolean;
}

export interface ScoreRoleInput {
  card: RoleCardData;
  period: string;
  grain: Grain;
  entities: readonly ScoredEntity[];
  /** the KPI value of an entity in this period, null when there is none */
  actual: (entity: ScoredEntity, kpi: string) => number | null;
  targets: TargetIndex;
  /** the role's weights for the period, in card.kpis order, summing to 1 */
  weights: readonly number[];
  mode: 'target' | 'relative';
  /** a team's target for an additive KPI when targets.csv has no team row (see sumOfMemberTargets) */
  teamTarget?: (team: string, kpi: string) => number | null;
  cap: number;
  bands: { target: TargetBands; relative: RelativeBands };
}

export type EntityScore = Omit<ScoreRow, 'staff_id'> & { id: string };

/**
 * Scores, grades and ranks of one role's people (or teams) in one period, docs/metrics.md
 * "Scoring role cards".
 * - Target mode: a_ij from the resolved target; score = 100 × Σ w'_j a_ij.
 * - Relative mode: z_ij over the entities given (min-max, reversed for lower-is-better, all
 *   equal → 1); score = 100 × Σ w'_j z_ij.
 * In both, a KPI with no actual (or, in target mode, no target anywhere) is left out and the
 * remaining weights are renormalised: w'_j = w_j / Σ_{k counted} w_k. No KPI left → score null.
 */
export function scoreRole(input: ScoreRoleInput): EntityScore[] {
  const { card, period, grain, entities, mode, cap, bands } = input;
  const kpis = card.kpis;
  const actuals = entities.map((e) => kpis.map((k) => input.actual(e, k.id)));
  const ranges = kpis.map((_, j) => {
    const xs = actuals.map((r) => r[j]).filter((x): x is number => x != null);
    return { min: Math.min(...xs), max: Math.max(...xs) };
  });

  const raw = entities.map((e, i) => {
    const notes: string[] = [];
    const parts = kpis.map((k, j) => {
      const x = actuals[i][j];
      const dir = directionOf(k.id);
      if (mode === 'relative') {
        if (x == null) notes.push(`missing_actual:${k.id}`);
        return { kpi: k.id, actual: x, target: null, target_source: null, a: x == null ? null : relativeAttainment(x, ranges[j].min, ranges[j].max, dir) };
      }
      let t = resolveTarget(input.targets, { staff_id: e.kind === 'person' ? e.id : null, team: e.team, period, kpi: k.id, cardTarget: k.target });
      if (e.kind === 'team' && t.source !== 'team' && kpiById.get(k.id)?.additive && input.teamTarget) {
        const sum = input.teamTarget(e.id, k.id);
        t = sum == null ? t : { target: sum, source: 'members' };
      }
      if (x == null) notes.push(`missing_actual:${k.id}`);
      else if (t.target == null) notes.push(`missing_target:${k.id}`);
      const a = x == null || t.target == null ? null : attainment(x, t.target, dir, k.cap ?? cap);
      return { kpi: k.id, actual: x, target: t.target, target_source: t.source, a };
    });
    const counted = parts.reduce((s, p, j) => s + (p.a == null ? 0 : input.weights[j]), 0);
    const explanation: ExplanationRow[] = parts.map((p, j) => {
      const w = p.a == null || !(counted > 0) ? 0 : input.weights[j] / counted;
      return {
        kpi: p.kpi,
        actual: p.actual,
        target: p.target,
        target_source: p.target_source,
        attainment: p.a,
        weight: w,
        base_weight: input.weights[j],
        contribution: p.a == null ? null : 100 * w * p.a,
      };
    });
    const anyLeftOut = parts.some((p) => p.a == null);
    const score = counted > 0 ? explanation.reduce((s, r) => s + (r.contribution ?? 0), 0) : null;
    if (score == null) notes.push(parts.some((p) => p.a != null) ? 'no_weighted_kpi' : 'no_data');
    else if (anyLeftOut) notes.push('weights_renormalised');
    return { id: e.id, score, explanation, notes };
  });

  // People who have left are scored but not ranked: a ranking compares the people there now.
  const leftIds = new Set(entities.filter((e) => e.left).map((e) => e.id));
  const ranked = [
    ...rankScores(raw.filter((r) => !leftIds.has(r.id))),
    ...raw.filter((r) => leftIds.has(r.id)).map((r) => ({ ...r, rank: null, notes: [...r.notes, 'left'] })),
  ];
  const n = ranked.filter((r) => r.score != null && !leftIds.has(r.id)).length;
  return ranked.map((r) => ({
    id: r.id,
    role: card.id,
    period,
    grain,
    score: r.score,
    grade: mode === 'target' ? targetGrade(r.score, bands.target) : r.rank == null ? null : relativeGrade(r.rank, n, bands.relative),
    rank: r.rank,
    mode,
    explanation: r.explanation,
    notes: r.notes,
  }));
}
