import { describe, expect, it } from 'vitest';
import { bgnbdSample } from '../../../src/metrics/customer-base/bgnbd-likelihood.ts';
import { fitBgnbd } from '../../../src/metrics/customer-base/bgnbd-fit.ts';
import { expectedPurchases } from '../../../src/metrics/customer-base/bgnbd-expectations.ts';
import { fitGammaGamma } from '../../../src/metrics/customer-base/gamma-gamma.ts';
import { pearson } from '../../../src/metrics/customer-base/correlation.ts';
import { repeatSummary } from '../../../src/metrics/customer-base/repeat-summary.ts';
import { cdnowRuns, dayOf } from './cdnow-runs.ts';

/**
 * The published results on the CDNOW sample (test/fixtures/cdnow): Fader, Hardie & Lee (2005),
 * "Counting your customers the easy way" (BG/NBD, weeks, calibration to 1997-09-30) and "RFM and
 * CLV" (Gamma-Gamma). Figures are the papers', to the precision they were published with.
 */
describe('CDNOW sample: the published BG/NBD and Gamma-Gamma fits', () => {
  const s = repeatSummary(cdnowRuns(), dayOf('1997-09-30'));

  it('the calibration data: 2,357 customers, 2,457 repeat purchases (same-day purchases once)', () => {
    expect(s.n).toBe(2357);
    expect(s.x.reduce((a, b) => a + b, 0)).toBe(2457);
    // a first purchase on 1997-01-01 is observed for 38.86 weeks
    expect(Math.max(...s.TDays) / 7).toBeCloseTo(38.86, 2);
  });

  it('BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9,582.4; 1.226 purchases for the example customer', () => {
    const fit = fitBgnbd(bgnbdSample(s.x, s.txDays, s.TDays, 7));
    if (!fit.ok) throw new Error('no fit');
    const { r, alpha, a, b } = fit.params;
    expect(r.toFixed(3)).toBe('0.243');
    expect(alpha.toFixed(3)).toBe('4.414');
    expect(a.toFixed(3)).toBe('0.793');
    expect(b.toFixed(3)).toBe('2.426');
    expect(fit.logLikelihood.toFixed(1)).toBe('-9582.4');
    expect(expectedPurchases(fit.params, 2, 30.43, 38.86, 39).toFixed(3)).toBe('1.226');
  });

  it('Gamma-Gamma on the 946 repeaters: p = 6.25, q = 3.74, γ = 15.44; value and frequency barely correlated', () => {
    const fit = fitGammaGamma(s.x, s.m);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.repeaters).toBe(946);
    expect(fit.params.p.toFixed(2)).toBe('6.25');
    expect(fit.params.q.toFixed(2)).toBe('3.74');
    expect(fit.params.gamma.toFixed(2)).toBe('15.44');
    const xs: number[] = [];
    const ms: number[] = [];
    for (let i = 0; i < s.n; i++) if (s.x[i]! > 0) (xs.push(s.x[i]!), ms.push(s.m[i]!));
    // the paper reports 0.11
    expect(pearson(xs, ms).toFixed(2)).toBe('0.11');
  });
});
