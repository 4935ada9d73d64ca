import { kpiById } from '../metrics/kpi-catalogue.ts';
import type { KpiDirection } from '../model/kpi.ts';
import type { RoleCardData } from '../roles/role-card.ts';
import type { CardWeights } from './card-weights.ts';
import { combinedWeights } from './combined-weights.ts';
import { entropyWeights } from './entropy.ts';
import type { WeightDerivation } from './types.ts';

export const directionOf = (kpi: string): KpiDirection => kpiById.get(kpi)?.direction ?? 'higher';

/**
 * The weights of a role in one period. `sample` holds, for the entropy part, one row per person
 * of the role in the period who has a value for every KPI on the card (complete cases: entropy
 * compares people on the same KPIs, and a person missing a KPI would otherwise count as its
 * minimum). `subjective` is the card's period-independent weights (cardWeights, already checked).
 */
export function roleWeights(
  card: RoleCardData,
  period: string,
  subjective: Exclude<CardWeights, { ok: false }>,
  sample: readonly (readonly number[])[],
  defaultAlpha: number,
): WeightDerivation {
  const ids = card.kpis.map((k) => k.id);
  const method = card.weighting.method;
  const out = (weights: number[], extra: Partial<WeightDerivation>, notes: string[]): WeightDerivation => ({
    role: card.id,
    period,
    method,
    weights: ids.map((kpi, j) => ({ kpi, weight: weights[j] })),
    ...extra,
    notes,
  });
  const subjectivePart = (): { weights: number[]; extra: Partial<WeightDerivation>; notes: string[] } => {
    if (subjective.kind === 'ahp') {
      const { matrix, lambdaMax, ci, ri, cr } = subjective.ahp;
      return { weights: subjective.weights, extra: { ahp: { matrix, lambdaMax, ci, ri, cr } }, notes: [] };
    }
    if (subjective.kind === 'expert') {
      return { weights: subjective.weights, extra: {}, notes: subjective.normalised ? ['expert_weights_normalised'] : [] };
    }
    return { weights: ids.map(() => 1 / ids.length), extra: {}, notes: [] };
  };
  if (method === 'expert' || method === 'ahp') {
    const s = subjectivePart();
    return out(s.weights, s.extra, s.notes);
  }
  const en = entropyWeights(sample, ids.map(directionOf), ids);
  const entropy = { e: en.e, d: en.d, m: sample.length };
  if (method === 'entropy') return out(en.weights, { entropy }, en.notes);
  const s = subjectivePart();
  const alpha = card.weighting.alpha ?? defaultAlpha;
  return out(
    combinedWeights(s.weights, en.weights, alpha),
    { ...s.extra, entropy, combined: { alpha, subjective: s.weights, entropy: en.weights } },
    [...s.notes, ...en.notes],
  );
}
