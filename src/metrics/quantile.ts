/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation between order
 * statistics: h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). This is numpy's default,
 * R's type 7 and DuckDB's quantile_cont. Empty input → null. Shared by rfm.ts and service.ts.
 */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (p <= 0) return sorted[0]!;
  if (p >= 1) return sorted[n - 1]!;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1]!;
  // a + f·(b − a) returns a exactly when a = b (equal values stay equal edges).
  return a + (h - lo) * (b - a);
}
