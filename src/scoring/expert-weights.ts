import type { Localized } from '../model/kpi.ts';

export type ExpertWeights =
  | { ok: true; weights: number[]; sum: number; normalised: boolean }
  | { ok: false; code: 'expert_weights_all_zero'; message: Localized };

/**
 * Expert weights (专家打分): the card's weights normalised to sum 1. `normalised` is true when
 * the given sum was outside 1 ± 0.01 (the caller warns); all zero is an error.
 */
export function expertWeights(raw: readonly number[]): ExpertWeights {
  const sum = raw.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) {
    return {
      ok: false,
      code: 'expert_weights_all_zero',
      message: { 'zh-CN': '专家打分的权重全部为 0，无法归一化', en: 'All expert weights are 0: they cannot be normalised' },
    };
  }
  return { ok: true, weights: raw.map((w) => w / sum), sum, normalised: Math.abs(sum - 1) > 0.01 };
}
