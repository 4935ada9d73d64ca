import gammaln from '@stdlib/math-base-special-gammaln';
import digamma from '@stdlib/math-base-special-digamma';
import { bfgs } from './bfgs.ts';

/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV", after Colombo & Jiang
 * 1999). A customer's purchase values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers; the
 * mean m̄ of x repeat-purchase values then has
 *
 *   ln f(m̄ | x) = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + m̄ x)
 *
 * fitted by maximum likelihood over the repeaters (x ≥ 1, m̄ > 0): BFGS on log-parameters with the
 * analytic gradient (∂/∂p = x (ψ(px+q) − ψ(px) + ln m̄ + ln x − ln(γ+m̄x)), ∂/∂q = ψ(px+q) − ψ(q) +
 * ln γ − ln(γ+m̄x), ∂/∂γ = q/γ − (px+q)/(γ+m̄x)).
 * A customer's expected mean purchase value is the credibility-weighted
 *
 *   E[M | p, q, γ, m̄, x] = p (γ + m̄ x) / (px + q − 1),
 *
 * and p γ / (q − 1) for a customer with no repeat purchase (the population mean). It needs q > 1;
 * a fit with q ≤ 1 has no finite mean and is reported as such. The model assumes value and
 * frequency independent: the caller reports their correlation across repeaters.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export type GammaGammaFit =
  | { ok: true; params: GammaGammaParams; logLikelihood: number; repeaters: number }
  | { ok: false; reason: 'did_not_converge' | 'no_finite_mean' | 'too_few_repeaters'; repeaters: number };

export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, x: number, m: number): number {
  const px = p * x;
  return gammaln(px + q) - gammaln(px) - gammaln(q) + q * Math.log(gamma) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + m * x);
}

/** Fewer repeaters than this and three parameters are not identified: no fit. */
export const MIN_REPEATERS = 10;
const LOG_BOUND = 20;

export function fitGammaGamma(x: ArrayLike<number>, m: ArrayLike<number>): GammaGammaFit {
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (x[i]! > 0 && m[i]! > 0) {
      xs.push(x[i]!);
      ms.push(m[i]!);
    }
  }
  const repeaters = xs.length;
  if (repeaters < MIN_REPEATERS) return { ok: false, reason: 'too_few_repeaters', repeaters };
  let mean = 0;
  for (const v of ms) mean += v / repeaters;
  // start: p = 1, q = 2, γ so that the population mean pγ/(q−1) is the observed mean
  const start = [0, Math.log(2), Math.log(mean)];
  // the Γ and ψ terms depend on x only: once per distinct x per evaluation; ln m̄ and ln x once
  let maxX = 0;
  for (const x of xs) if (x > maxX) maxX = x;
  const lnM = Float64Array.from(ms, Math.log);
  const lnX = Float64Array.from({ length: maxX + 1 }, (_, x) => Math.log(x));
  const head = new Float64Array(maxX + 1);
  const dP = new Float64Array(maxX + 1);
  const dQ = new Float64Array(maxX + 1);
  const objective = (v: readonly number[], grad: number[]): number => {
    if (v.some((t) => Math.abs(t) > LOG_BOUND + 5)) return Infinity;
    const p = Math.exp(v[0]!);
    const q = Math.exp(v[1]!);
    const gamma = Math.exp(v[2]!);
    const lnG = Math.log(gamma);
    const psiQ = digamma(q);
    for (let x = 1; x <= maxX; x++) {
      const px = p * x;
      head[x] = gammaln(px + q) - gammaln(px) - gammaln(q) + q * lnG + px * lnX[x]!;
      const psiPQ = digamma(px + q);
      dP[x] = x * (psiPQ - digamma(px) + lnX[x]!);
      dQ[x] = psiPQ - psiQ + lnG;
    }
    let s = 0;
    let gp = 0;
    let gq = 0;
    let gg = 0;
    for (let i = 0; i < repeaters; i++) {
      const x = xs[i]!;
      const px = p * x;
      const d = gamma + ms[i]! * x;
      const L = Math.log(d);
      s += head[x]! + (px - 1) * lnM[i]! - (px + q) * L;
      gp += dP[x]! + x * (lnM[i]! - L);
      gq += dQ[x]! - L;
      gg += q / gamma - (px + q) / d;
    }
    grad[0] = (-gp * p) / repeaters;
    grad[1] = (-gq * q) / repeaters;
    grad[2] = (-gg * gamma) / repeaters;
    return -s / repeaters;
  };
  const res = bfgs(objective, start, { gTolerance: 1e-8 });
  const v = res.x;
  if (!res.converged || !Number.isFinite(res.fx) || v.some((t) => Math.abs(t) > LOG_BOUND)) {
    return { ok: false, reason: 'did_not_converge', repeaters };
  }
  const params = { p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) };
  if (params.q <= 1) return { ok: false, reason: 'no_finite_mean', repeaters };
  return { ok: true, params, logLikelihood: -res.fx * repeaters, repeaters };
}

/** Expected mean purchase value of a customer with x repeat purchases of mean value m (any m when x = 0). */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, x: number, m: number): number {
  if (x === 0 || !(m > 0)) return (p * gamma) / (q - 1);
  return (p * (gamma + m * x)) / (p * x + q - 1);
}
