/**
 * Analytic hierarchy process (层次分析法), docs/metrics.md: the pairwise matrix from its upper
 * triangle, the principal eigenvector by power iteration, λmax, CI, RI (Saaty 2005) and CR.
 */

/** Saaty's (2005) random index by matrix size; n ≤ 2 is always consistent. */
export const randomIndex: Readonly<Record<number, number>> = {
  3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.4, 9: 1.45, 10: 1.49, 11: 1.52, 12: 1.54, 13: 1.56,
  14: 1.58, 15: 1.59,
};

export interface AhpResult {
  matrix: number[][];
  weights: number[];
  lambdaMax: number;
  ci: number;
  ri: number;
  cr: number;
  iterations: number;
}

/**
 * The full reciprocal matrix from the upper triangle: row i holds a_ii (= 1), a_i,i+1 … a_in,
 * and a_ji = 1/a_ij. The shape is checked by the role-card schema; this assumes it.
 */
export function reciprocalMatrix(upper: readonly (readonly number[])[]): number[][] {
  const n = upper.length;
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++) {
    for (let k = 1; k < upper[i].length; k++) {
      const j = i + k;
      a[i][j] = upper[i][k];
      a[j][i] = 1 / upper[i][k];
    }
  }
  return a;
}

const multiply = (a: number[][], w: number[]): number[] => a.map((row) => row.reduce((s, v, j) => s + v * w[j], 0));

/** Principal eigenvector by power iteration (sum-normalised), until no entry moves by 1e-12. */
export function ahp(matrix: number[][], tolerance = 1e-12, maxIterations = 100_000): AhpResult {
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const aw = multiply(matrix, w);
    const s = aw.reduce((x, y) => x + y, 0);
    const next = aw.map((v) => v / s);
    const delta = Math.max(...next.map((v, i) => Math.abs(v - w[i])));
    w = next;
    if (delta < tolerance) break;
  }
  const aw = multiply(matrix, w);
  const lambdaMax = n === 0 ? 0 : aw.reduce((s, v, i) => s + v / w[i], 0) / n;
  const ci = n <= 1 ? 0 : (lambdaMax - n) / (n - 1);
  const ri = randomIndex[n] ?? 0;
  // CR = 0 for n ≤ 2 (every 2×2 reciprocal matrix is consistent); n > 15 uses RI(15).
  const cr = n <= 2 ? 0 : ci / (ri || randomIndex[15]);
  return { matrix, weights: w, lambdaMax, ci, ri, cr, iterations };
}

/**
 * The judgement that disagrees most with the derived weights: the (i < j) maximising
 * |ln(a_ij · w_j / w_i)|, i.e. a_ij farthest (in ratio) from w_i/w_j.
 */
export function worstJudgement(matrix: number[][], weights: number[]): { i: number; j: number; value: number; implied: number } {
  let best = { i: 0, j: 1, value: matrix[0]?.[1] ?? 1, implied: 1, dev: -1 };
  for (let i = 0; i < matrix.length; i++) {
    for (let j = i + 1; j < matrix.length; j++) {
      const dev = Math.abs(Math.log((matrix[i][j] * weights[j]) / weights[i]));
      if (dev > best.dev) best = { i, j, value: matrix[i][j], implied: weights[i] / weights[j], dev };
    }
  }
  return { i: best.i, j: best.j, value: best.value, implied: best.implied };
}
