/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation between order
 * statistics: h = (n − 1)·p, q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). This is numpy's default,
 * R's type 7 and DuckDB's quantile_cont. Empty input → null. Shared by rfm.ts and service.ts.
 */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  return quantileOf(sorted.length, p, (k) => sorted[k]!);
}

/**
 * The same quantile of n sorted values of which only x[k] = at(k) for k = quantileRank(n, p) and
 * k + 1 is read (see order-statistics.ts, which keeps just those two).
 */
export function quantileOf(n: number, p: number, at: (k: number) => number): number | null {
  if (n === 0) return null;
  if (p <= 0) return at(0);
  if (p >= 1) return at(n - 1);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = at(lo);
  if (lo + 1 >= n) return a;
  const b = at(lo + 1);
  // a + f·(b − a) returns a exactly when a = b (equal values stay equal edges).
  return a + (h - lo) * (b - a);
}

/** The lower of the (≤ 2) ranks quantileOf(n, p, …) reads: ⌊(n − 1)·p⌋ clamped to [0, n − 1]. */
export function quantileRank(n: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return n - 1;
  return Math.floor((n - 1) * p);
}
