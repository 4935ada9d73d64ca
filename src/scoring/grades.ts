export type Grade = 'S' | 'A' | 'B' | 'C' | 'D';

export interface TargetBands { S: number; A: number; B: number; C: number }
export interface RelativeBands { S: number; A: number; B: number; C: number; D: number }

/**
 * Target mode: S ≥ bands.S, A ≥ bands.A, B ≥ bands.B, C ≥ bands.C, else D (edges belong to the
 * higher grade). The score is compared rounded to 1e-9, so a weighted sum that lands a hair under
 * an edge by floating-point noise (109.99999999999999) still counts as the edge.
 */
export function targetGrade(raw: number | null, bands: TargetBands): Grade | null {
  if (raw == null) return null;
  const score = Math.round(raw * 1e9) / 1e9;
  if (score >= bands.S) return 'S';
  if (score >= bands.A) return 'A';
  if (score >= bands.B) return 'B';
  if (score >= bands.C) return 'C';
  return 'D';
}

const EPS = 1e-9;

/**
 * Relative mode, grade by rank share. The rule at the edges:
 * - a person's share is the mid-point of their rank position, s = (rank − 0.5) / N, with N the
 *   people scored in the role and period and rank the shared (1224) rank, so tied people share
 *   a grade;
 * - bands are cumulative from the top: S covers s ≤ S, A covers s ≤ S + A, B ≤ S + A + B,
 *   C ≤ S + A + B + C, D the rest; a share exactly on a bound takes the better grade.
 * With the default 10/20/40/20/10 % and N = 10: ranks 1 → S, 2–3 → A, 4–7 → B, 8–9 → C, 10 → D.
 * With N = 1 the single person gets B (s = 0.5).
 */
export function relativeGrade(rank: number | null, n: number, bands: RelativeBands): Grade | null {
  if (rank == null || n <= 0) return null;
  const s = (rank - 0.5) / n;
  let upper = 0;
  for (const g of ['S', 'A', 'B', 'C'] as const) {
    upper += bands[g];
    if (s <= upper + EPS) return g;
  }
  return 'D';
}
