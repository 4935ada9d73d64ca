/**
 * Combined weights (组合赋权): w = α·w_subjective + (1 − α)·w_entropy. Both inputs sum to 1, so
 * the result does too (renormalised anyway against rounding).
 */
export function combinedWeights(subjective: readonly number[], entropy: readonly number[], alpha: number): number[] {
  const w = subjective.map((s, j) => alpha * s + (1 - alpha) * entropy[j]);
  const sum = w.reduce((a, b) => a + b, 0);
  return sum > 0 ? w.map((v) => v / sum) : w;
}
