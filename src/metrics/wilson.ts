/**
 * Wilson score interval for a proportion (docs/metrics.md, "Satisfaction"):
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.96 for 95 %.
 * Unlike the Wald interval it stays inside [0, 1] and is sensible for p̂ = 0 or 1 and small n.
 */
export interface WilsonInterval {
  /** p̂ = successes / n */
  p: number;
  low: number;
  high: number;
  /** half the interval's width, shown as "± margin" */
  margin: number;
}

export function wilson(successes: number, n: number, z = 1.96): WilsonInterval {
  if (!(n > 0)) throw new RangeError(`wilson: n must be > 0 (got ${n})`);
  if (successes < 0 || successes > n) throw new RangeError(`wilson: successes ${successes} outside [0, ${n}]`);
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  // Clamp away rounding noise (p̂ = 0 or 1 gives exactly 0 / 1 mathematically).
  const low = Math.max(0, (centre - spread) / denom);
  const high = Math.min(1, (centre + spread) / denom);
  return { p, low, high, margin: spread / denom };
}
