import type { KpiDirection } from '../model/kpi.ts';

/**
 * Attainment a = x/t (higher-is-better) or t/x (lower-is-better), clamped to [0, cap]
 * (docs/metrics.md, "Scoring role cards").
 *
 * Edge cases the spec leaves open, decided here:
 * - lower-is-better with x ≤ 0 (e.g. 0 hours, 0 complaints): nothing left to improve → cap.
 * - higher-is-better with t ≤ 0 (a target of 0 new customers): x/t is meaningless, so
 *   x > t → cap, x = t → 1 (met exactly), x < t → 0.
 */
export function attainment(actual: number, target: number, direction: KpiDirection, cap: number): number {
  let a: number;
  if (direction === 'lower') {
    a = actual <= 0 ? cap : target / actual;
  } else if (target <= 0) {
    a = actual > target ? cap : actual === target ? 1 : 0;
  } else {
    a = actual / target;
  }
  return Math.min(cap, Math.max(0, a));
}

/**
 * Relative-mode score of one value within its column: z = (x − min)/(max − min), reversed for
 * lower-is-better; when every value is equal (max = min) z = 1.
 */
export function relativeAttainment(actual: number, min: number, max: number, direction: KpiDirection): number {
  if (max === min) return 1;
  const z = (actual - min) / (max - min);
  return direction === 'lower' ? 1 - z : z;
}
