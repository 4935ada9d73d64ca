/**
 * NPS and its 95 % interval by the adjusted Wald method (docs/metrics.md, "Satisfaction"):
 * n′ = n + 3, p′ = (P + 0.75)/n′, d′ = (D + 0.75)/n′, se = √((p′ + d′ − (p′ − d′)²)/n′),
 * interval = 100 × ((p′ − d′) ± 1.96·se), clamped to [−100, 100].
 * The point value stays the plain 100 × (P − D)/n; only the interval uses the adjusted counts.
 */
export interface NpsInterval {
  /** 100 × (promoters − detractors) / n */
  nps: number;
  low: number;
  high: number;
  /** 100 × 1.96·se: half the unclamped interval's width */
  margin: number;
}

/** Promoter (9–10) / detractor (0–6) of a 0–10 score; passives (7–8) count only in n. */
export const isPromoter = (score: number): boolean => score >= 9;
export const isDetractor = (score: number): boolean => score <= 6;

export function npsInterval(promoters: number, detractors: number, n: number, z = 1.96): NpsInterval {
  if (!(n > 0)) throw new RangeError(`npsInterval: n must be > 0 (got ${n})`);
  if (promoters < 0 || detractors < 0 || promoters + detractors > n) {
    throw new RangeError(`npsInterval: promoters ${promoters} + detractors ${detractors} outside [0, ${n}]`);
  }
  const n1 = n + 3;
  const p1 = (promoters + 0.75) / n1;
  const d1 = (detractors + 0.75) / n1;
  const diff = p1 - d1;
  const se = Math.sqrt((p1 + d1 - diff * diff) / n1);
  const clamp = (x: number): number => Math.min(100, Math.max(-100, x));
  return {
    nps: (100 * (promoters - detractors)) / n,
    low: clamp(100 * (diff - z * se)),
    high: clamp(100 * (diff + z * se)),
    margin: 100 * z * se,
  };
}
