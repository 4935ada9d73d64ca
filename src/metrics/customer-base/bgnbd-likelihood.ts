import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * The BG/NBD model's likelihood (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way", eq. 6). While active a customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase
 * they drop out with probability p ~ Beta(a, b). For x repeat purchases, the last at t_x, observed
 * for T:
 *
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + [x > 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
 *
 * computed in logs: ln L = A(x) + ln(e^{−(r+x) ln(α+T)} + [x > 0] e^{ln a − ln(b+x−1) − (r+x) ln(α+t_x)}),
 * A(x) = lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x).
 */
export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One customer's log-likelihood (x, t_x, T in the model's time unit). */
export function bgnbdLogLikelihood(p: BgnbdParams, x: number, tx: number, T: number): number {
  return headTerm(p, x) + tailTerm(p, x, Math.log(p.alpha + tx), Math.log(p.alpha + T));
}

function headTerm({ r, alpha, a, b }: BgnbdParams, x: number): number {
  return gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x);
}

/** ln of the bracket, given ln(α+t_x) and ln(α+T): a log-sum-exp of its two terms. */
function tailTerm({ r, a, b }: BgnbdParams, x: number, lnAtx: number, lnAT: number): number {
  const u = -(r + x) * lnAT;
  if (x === 0) return u;
  const v = Math.log(a) - Math.log(b + x - 1) - (r + x) * lnAtx;
  const hi = Math.max(u, v);
  return hi + Math.log1p(Math.exp(-Math.abs(u - v)));
}

/**
 * Customers with the same (x, t_x, T) in days, counted once with a weight: the fit evaluates the
 * likelihood hundreds of times, and at 500k customers most share a few thousand (x, T) pairs, so
 * the Γ terms are taken once per distinct x and the logs once per distinct day.
 */
export interface BgnbdSample {
  groups: number;
  x: Int32Array;
  txDays: Int32Array;
  TDays: Int32Array;
  weight: Float64Array;
  maxX: number;
  maxDay: number;
  /** the time unit in days */
  unitDays: number;
}

export function bgnbdSample(x: Int32Array, txDays: Int32Array, TDays: Int32Array, unitDays: number): BgnbdSample {
  const index = new Map<number, number>();
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const gw: number[] = [];
  let maxX = 0;
  let maxDay = 0;
  for (let i = 0; i < x.length; i++) {
    // x < 2^20 and days < 2^16 ⇒ the key is an exact integer below 2^53
    const key = (x[i]! * 65536 + txDays[i]!) * 65536 + TDays[i]!;
    const g = index.get(key);
    if (g !== undefined) gw[g]!++;
    else {
      index.set(key, gx.length);
      gx.push(x[i]!);
      gtx.push(txDays[i]!);
      gT.push(TDays[i]!);
      gw.push(1);
      if (x[i]! > maxX) maxX = x[i]!;
      if (TDays[i]! > maxDay) maxDay = TDays[i]!;
    }
  }
  return {
    groups: gx.length,
    x: Int32Array.from(gx),
    txDays: Int32Array.from(gtx),
    TDays: Int32Array.from(gT),
    weight: Float64Array.from(gw),
    maxX,
    maxDay,
    unitDays,
  };
}

/** Σ ln L over the sample's customers. */
export function sampleLogLikelihood(p: BgnbdParams, s: BgnbdSample): number {
  const head = new Float64Array(s.maxX + 1);
  for (let x = 0; x <= s.maxX; x++) head[x] = headTerm(p, x);
  const lnDay = new Float64Array(s.maxDay + 1);
  for (let d = 0; d <= s.maxDay; d++) lnDay[d] = Math.log(p.alpha + d / s.unitDays);
  let sum = 0;
  for (let g = 0; g < s.groups; g++) {
    const x = s.x[g]!;
    sum += s.weight[g]! * (head[x]! + tailTerm(p, x, lnDay[s.txDays[g]!]!, lnDay[s.TDays[g]!]!));
  }
  return sum;
}
