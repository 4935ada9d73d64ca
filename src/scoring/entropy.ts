import type { KpiDirection } from '../model/kpi.ts';

export interface EntropyResult {
  weights: number[];
  /** entropy e_j per column */
  e: number[];
  /** divergence d_j = 1 − e_j */
  d: number[];
  /** codes: `entropy_too_few_rows`, `entropy_all_constant` (equal weights), `entropy_constant:<j>` */
  notes: string[];
}

/**
 * Entropy weights (熵权法) over m rows (people) × n columns (KPIs), docs/metrics.md:
 * min-max normalise each column (reversed for lower-is-better), p_ij = z_ij / Σ_i z_ij,
 * e_j = −(1/ln m) Σ_i p_ij ln p_ij with 0·ln 0 = 0, w_j = (1 − e_j) / Σ_k (1 − e_k).
 * A constant column has e = 1 and weight 0; all constant, or m < 2, gives equal weights.
 * Rows must be complete (the caller decides which rows take part).
 */
export function entropyWeights(
  rows: readonly (readonly number[])[],
  directions: readonly KpiDirection[],
  /** column names for the notes (default: the column index) */
  names: readonly string[] = [],
): EntropyResult {
  const m = rows.length;
  const n = directions.length;
  const equal = new Array<number>(n).fill(n > 0 ? 1 / n : 0);
  if (m < 2) return { weights: equal, e: new Array<number>(n).fill(1), d: new Array<number>(n).fill(0), notes: ['entropy_too_few_rows'] };
  const notes: string[] = [];
  const e = directions.map((direction, j) => {
    const col = rows.map((r) => r[j]);
    const min = Math.min(...col);
    const max = Math.max(...col);
    if (max === min) {
      notes.push(`entropy_constant:${names[j] ?? j}`);
      return 1;
    }
    const z = col.map((x) => (direction === 'lower' ? (max - x) / (max - min) : (x - min) / (max - min)));
    const total = z.reduce((s, v) => s + v, 0);
    let h = 0;
    for (const v of z) {
      const p = v / total;
      if (p > 0) h += p * Math.log(p);
    }
    return h === 0 ? 0 : -h / Math.log(m); // avoid −0
  });
  const d = e.map((v) => 1 - v);
  const dSum = d.reduce((s, v) => s + v, 0);
  if (!(dSum > 0)) return { weights: equal, e, d, notes: [...notes, 'entropy_all_constant'] };
  return { weights: d.map((v) => v / dSum), e, d, notes };
}
