import type { Localized, Grain } from '../model/kpi.ts';
import type { WeightingMethod } from '../roles/role-card.ts';
import type { Grade } from './grades.ts';
import type { TargetSource } from './targets.ts';

/** One KPI's part in a score (the card's "how was this scored"). */
export interface ExplanationRow {
  kpi: string;
  /** the KPI value of the person (team) in the period; null = no data */
  actual: number | null;
  /** target mode: the resolved target; relative mode: null */
  target: number | null;
  target_source: TargetSource | null;
  /** target mode: clamped x/t or t/x; relative mode: z = min-max position among the role's people */
  attainment: number | null;
  /** the weight used, after renormalising over the KPIs that count (0 when left out) */
  weight: number;
  /** the role's weight for this KPI before renormalisation (added field) */
  base_weight: number;
  /** 100 × weight × attainment; null when the KPI was left out */
  contribution: number | null;
}

/**
 * A person's score for one role and period. `notes` are codes, some with a KPI id after a colon:
 * `missing_actual:<kpi>` (no value: left out), `missing_target:<kpi>` (target mode, no target
 * anywhere: left out), `weights_renormalised` (some KPI was left out), `no_data` (score null).
 */
export interface ScoreRow {
  role: string;
  period: string;
  grain: Grain;
  staff_id: string;
  score: number | null;
  grade: Grade | null;
  rank: number | null;
  mode: 'target' | 'relative';
  explanation: ExplanationRow[];
  notes: string[];
}

/** A team's score for one role and period, from the team's own KPI rows (see score-role.ts). */
export type TeamScoreRow = Omit<ScoreRow, 'staff_id'> & { team: string };

export interface WeightDerivation {
  role: string;
  period: string;
  method: WeightingMethod;
  weights: { kpi: string; weight: number }[];
  ahp?: { matrix: number[][]; lambdaMax: number; ci: number; ri: number; cr: number };
  entropy?: { e: number[]; d: number[]; /** people in the entropy sample */ m: number };
  /** combined: the α used and the two parts (added fields) */
  combined?: { alpha: number; subjective: number[]; entropy: number[] };
  /** codes: `expert_weights_normalised`, `entropy_too_few_rows`, `entropy_all_constant`, `entropy_constant:<kpi>` */
  notes: string[];
}

export interface ScoringWarning {
  code: 'staff_role_without_card' | 'expert_weights_not_summing_to_1' | 'duplicate_target';
  role: string | null;
  staff_id: string | null;
  message: Localized;
}
