import { describe, expect, it } from 'vitest';
import gammaln from '@stdlib/math-base-special-gammaln';
import { bgnbdLogLikelihood, bgnbdSample, sampleLogLikelihood, type BgnbdParams } from '../../../src/metrics/customer-base/bgnbd-likelihood.ts';
import { expectedPurchases, pAlive } from '../../../src/metrics/customer-base/bgnbd-expectations.ts';
import { expSinh, tanhSinh01 } from './quadrature.ts';

/**
 * Independent check of the closed forms: the BG/NBD as its definition, integrated numerically.
 * Given λ and p, a customer with x repeat purchases (last at t_x) observed for T has likelihood
 *   (1−p)^x λ^x e^{−λT}  (still active)  +  [x > 0] p (1−p)^{x−1} λ^x e^{−λ t_x}  (dropped after the last),
 * an active customer buys (1 − e^{−λpt})/p times in the next t on average, and λ ~ Gamma(r, α),
 * p ~ Beta(a, b). Integrating over λ (exp-sinh) and p (tanh-sinh) gives the likelihood, P(alive)
 * as the active part's share, and E[Y(t)] as the active part's expected purchases.
 */
function integrate(prm: BgnbdParams, x: number, tx: number, T: number, t: number) {
  const { r, alpha, a, b } = prm;
  const lam = expSinh((r + x) / (alpha + tx) || 1);
  const pn = tanhSinh01();
  const lnPrior = r * Math.log(alpha) - gammaln(r) - (gammaln(a) + gammaln(b) - gammaln(a + b));
  let like = 0;
  let alive = 0;
  let future = 0;
  for (let i = 0; i < lam.x.length; i++) {
    const l = lam.x[i]!;
    const lnG = (r - 1) * Math.log(l) - alpha * l;
    for (let j = 0; j < pn.x.length; j++) {
      const p = pn.x[j]!;
      const q = pn.xc[j]!;
      const w = lam.w[i]! * pn.w[j]!;
      const lnF = (a - 1) * Math.log(p) + (b - 1) * Math.log(q);
      const base = lnPrior + lnG + lnF + x * Math.log(l);
      const act = Math.exp(base + x * Math.log(q) - l * T) * w;
      const gone = x > 0 ? Math.exp(base + Math.log(p) + (x - 1) * Math.log(q) - l * tx) * w : 0;
      like += act + gone;
      alive += act;
      future += (act * -Math.expm1(-l * p * t)) / p;
    }
  }
  return { logLikelihood: Math.log(like), pAlive: alive / like, expected: future / like };
}

const cases: { name: string; prm: BgnbdParams; x: number; tx: number; T: number; t: number }[] = [
  { name: 'the CDNOW fit, the paper’s customer', prm: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, x: 2, tx: 30.43, T: 38.86, t: 39 },
  { name: 'the CDNOW fit, x = 0', prm: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, x: 0, tx: 0, T: 38.86, t: 39 },
  { name: 'the CDNOW fit, a lapsed heavy buyer', prm: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, x: 9, tx: 5, T: 38, t: 52 },
  { name: 'x = 0 observed for no time', prm: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, x: 0, tx: 0, T: 0, t: 13 },
  { name: 'a > 1, b < 1', prm: { r: 1.7, alpha: 12, a: 2.5, b: 0.6 }, x: 1, tx: 20, T: 30, t: 26 },
  { name: 'extreme: tiny r and α (rare, bursty buyers)', prm: { r: 0.02, alpha: 0.05, a: 0.3, b: 0.4 }, x: 3, tx: 10, T: 60, t: 100 },
  { name: 'extreme: large r and α (regular buyers), high a', prm: { r: 40, alpha: 90, a: 30, b: 200 }, x: 12, tx: 50, T: 52, t: 52 },
  { name: 'extreme: daily units, long horizon', prm: { r: 0.5, alpha: 40, a: 0.9, b: 5 }, x: 4, tx: 300, T: 700, t: 365.25 },
];

describe('BG/NBD closed forms against numerical integration of the model', () => {
  for (const c of cases) {
    it(c.name, () => {
      const ref = integrate(c.prm, c.x, c.tx, c.T, c.t);
      expect(bgnbdLogLikelihood(c.prm, c.x, c.tx, c.T)).toBeCloseTo(ref.logLikelihood, 7);
      expect(pAlive(c.prm, c.x, c.tx, c.T)).toBeCloseTo(ref.pAlive, 7);
      const e = expectedPurchases(c.prm, c.x, c.tx, c.T, c.t);
      expect(Math.abs(e / ref.expected - 1)).toBeLessThan(1e-6);
    });
  }

  it('x = 0 is alive for sure; P(alive) falls as the silence since the last purchase grows', () => {
    const prm = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(pAlive(prm, 0, 0, 50)).toBe(1);
    expect(pAlive(prm, 3, 30, 31)).toBeGreaterThan(pAlive(prm, 3, 10, 31));
  });

  it('the aggregated sample’s log-likelihood is the sum over customers, in any time unit', () => {
    const prm = { r: 0.5, alpha: 3, a: 0.9, b: 2 };
    const x = Int32Array.from([0, 0, 1, 2, 2, 5]);
    const tx = Int32Array.from([0, 0, 14, 70, 70, 200]);
    const T = Int32Array.from([100, 100, 90, 210, 210, 201]);
    const s = bgnbdSample(x, tx, T, 7);
    expect(s.groups).toBe(4);
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += bgnbdLogLikelihood(prm, x[i]!, tx[i]! / 7, T[i]! / 7);
    expect(sampleLogLikelihood(prm, s)).toBeCloseTo(sum, 10);
  });
});

describe('the BG/NBD gradient (used by the fit)', () => {
  it('matches central differences of the log-likelihood in log-parameters', () => {
    const x = Int32Array.from([0, 0, 1, 2, 5, 9, 3]);
    const tx = Int32Array.from([0, 0, 14, 70, 200, 30, 300]);
    const T = Int32Array.from([100, 7, 90, 210, 201, 260, 301]);
    const s = bgnbdSample(x, tx, T, 7);
    const v = [Math.log(0.4), Math.log(3.5), Math.log(0.8), Math.log(2.2)];
    const at = (w: number[]) => ({ r: Math.exp(w[0]!), alpha: Math.exp(w[1]!), a: Math.exp(w[2]!), b: Math.exp(w[3]!) });
    const grad = [0, 0, 0, 0];
    sampleLogLikelihood(at(v), s, grad);
    for (let i = 0; i < 4; i++) {
      const h = 1e-5;
      const up = v.slice();
      const down = v.slice();
      up[i]! += h;
      down[i]! -= h;
      const numeric = (sampleLogLikelihood(at(up), s) - sampleLogLikelihood(at(down), s)) / (2 * h);
      expect(grad[i]).toBeCloseTo(numeric, 5);
    }
  });
});
