import { describe, expect, it } from 'vitest';
import gammaln from '@stdlib/math-base-special-gammaln';
import { expectedSpend, fitGammaGamma, gammaGammaLogLikelihood } from '../../../src/metrics/customer-base/gamma-gamma.ts';
import { pearson } from '../../../src/metrics/customer-base/correlation.ts';
import { expSinh } from './quadrature.ts';

/**
 * Independent check: the mean m̄ of x values drawn Gamma(p, ν) is Gamma(px, νx); ν ~ Gamma(q, γ).
 * Integrating over ν numerically gives the marginal density of m̄ and E[p/ν | m̄] (a customer's
 * expected purchase value).
 */
function integrate(p: number, q: number, gamma: number, x: number, m: number) {
  const nodes = expSinh((q + p * x) / (gamma + m * x), 1 / 512);
  let dens = 0;
  let mean = 0;
  for (let i = 0; i < nodes.x.length; i++) {
    const nu = nodes.x[i]!;
    const lnF = p * x * Math.log(nu * x) + (p * x - 1) * Math.log(m) - nu * x * m - gammaln(p * x);
    const lnG = q * Math.log(gamma) + (q - 1) * Math.log(nu) - gamma * nu - gammaln(q);
    const v = Math.exp(lnF + lnG) * nodes.w[i]!;
    dens += v;
    mean += (v * p) / nu;
  }
  return { logDensity: Math.log(dens), expected: mean / dens };
}

describe('Gamma-Gamma', () => {
  const cases = [
    { p: 6.25, q: 3.74, gamma: 15.44, x: 1, m: 20 },
    { p: 6.25, q: 3.74, gamma: 15.44, x: 7, m: 95.5 },
    { p: 0.4, q: 1.2, gamma: 3, x: 2, m: 0.5 },
    { p: 60, q: 40, gamma: 2000, x: 30, m: 2900 },
  ];
  for (const c of cases) {
    it(`log-likelihood and expected value agree with integration over ν (p=${c.p}, x=${c.x})`, () => {
      const ref = integrate(c.p, c.q, c.gamma, c.x, c.m);
      expect(gammaGammaLogLikelihood(c, c.x, c.m)).toBeCloseTo(ref.logDensity, 8);
      expect(expectedSpend(c, c.x, c.m) / ref.expected).toBeCloseTo(1, 8);
    });
  }

  it('a customer without repeat purchases gets the population mean pγ/(q−1)', () => {
    expect(expectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 0, NaN)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });

  it('too few repeaters: no fit, with the reason', () => {
    const r = fitGammaGamma([1, 2, 0, 3], [10, 12, NaN, 9]);
    expect(r).toEqual({ ok: false, reason: 'too_few_repeaters', repeaters: 3 });
  });

  it('pearson: perfect, none, and undefined', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [1, -1, -1, 1])).toBeCloseTo(0, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});
