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

/**
 * Σ ln L over the sample's customers and, when `grad` is given, its gradient with respect to
 * (ln r, ln α, ln a, ln b). With w the dropped-out term's share of L (0 when x = 0):
 *   ∂/∂r = Σ_{k<x} 1/(r+k) + ln α − (1−w) ln(α+T) − w ln(α+t_x)
 *   ∂/∂α = r/α − (r+x) ((1−w)/(α+T) + w/(α+t_x))
 *   ∂/∂a = −Σ_{k<x} 1/(a+b+k) + w/a
 *   ∂/∂b = Σ_{k<x} (1/(b+k) − 1/(a+b+k)) − w/(b+x−1)
 * (the digamma differences ψ(r+x) − ψ(r) … are those finite sums).
 */
export function sampleLogLikelihood(p: BgnbdParams, s: BgnbdSample, grad?: number[]): number {
  const { r, alpha, a, b } = p;
  const X = s.maxX;
  const head = new Float64Array(X + 1);
  const rx = new Float64Array(X + 1);
  const drop = new Float64Array(X + 1);
  const dHr = new Float64Array(X + 1);
  const dHa = new Float64Array(X + 1);
  const dHb = new Float64Array(X + 1);
  const lnAlpha = Math.log(alpha);
  for (let x = 0; x <= X; x++) {
    head[x] = headTerm(p, x);
    rx[x] = r + x;
    drop[x] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
    dHr[x] = x > 0 ? dHr[x - 1]! + 1 / (r + x - 1) : lnAlpha;
    dHa[x] = x > 0 ? dHa[x - 1]! - 1 / (a + b + x - 1) : 0;
    dHb[x] = x > 0 ? dHb[x - 1]! + 1 / (b + x - 1) - 1 / (a + b + x - 1) : 0;
  }
  const lnDay = new Float64Array(s.maxDay + 1);
  const invDay = new Float64Array(s.maxDay + 1);
  for (let d = 0; d <= s.maxDay; d++) {
    const v = alpha + d / s.unitDays;
    lnDay[d] = Math.log(v);
    invDay[d] = 1 / v;
  }
  let sum = 0;
  let gr = 0;
  let ga = 0;
  let gA = 0;
  let gB = 0;
  for (let g = 0; g < s.groups; g++) {
    const x = s.x[g]!;
    const wt = s.weight[g]!;
    const T = s.TDays[g]!;
    const u = -rx[x]! * lnDay[T]!;
    if (x === 0) {
      sum += wt * (head[0]! + u);
      if (grad) {
        gr += wt * (dHr[0]! - lnDay[T]!);
        ga += wt * (r / alpha - r * invDay[T]!);
      }
      continue;
    }
    const tx = s.txDays[g]!;
    const v = drop[x]! - rx[x]! * lnDay[tx]!;
    // log-sum-exp of the active (u) and dropped-out (v) terms; w = the dropped-out share
    let lse: number;
    let w: number;
    if (u > v) {
      const e = Math.exp(v - u);
      lse = u + Math.log1p(e);
      w = e / (1 + e);
    } else {
      const e = Math.exp(u - v);
      lse = v + Math.log1p(e);
      w = 1 / (1 + e);
    }
    sum += wt * (head[x]! + lse);
    if (grad) {
      gr += wt * (dHr[x]! - (1 - w) * lnDay[T]! - w * lnDay[tx]!);
      ga += wt * (r / alpha - rx[x]! * ((1 - w) * invDay[T]! + w * invDay[tx]!));
      gA += wt * (dHa[x]! + w / a);
      gB += wt * (dHb[x]! - w / (b + x - 1));
    }
  }
  if (grad) {
    grad[0] = gr * r;
    grad[1] = ga * alpha;
    grad[2] = gA * a;
    grad[3] = gB * b;
  }
  return sum;
}
