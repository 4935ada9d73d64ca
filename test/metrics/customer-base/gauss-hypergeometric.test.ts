import { describe, expect, it } from 'vitest';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { gaussHyp2f1, STDLIB_MAX_Z } from '../../../src/metrics/customer-base/gauss-hypergeometric.ts';

/** Independent: each term from log-gammas, Σ_k exp(lnΓ(a+k)−lnΓ(a) + lnΓ(b+k)−lnΓ(b) − lnΓ(c+k)+lnΓ(c) − lnΓ(k+1) + k ln z). */
function reference(a: number, b: number, c: number, z: number): number {
  let sum = 0;
  const base = -gammaln(a) - gammaln(b) + gammaln(c);
  for (let k = 0; k < 400_000; k++) {
    const term = Math.exp(base + gammaln(a + k) + gammaln(b + k) - gammaln(c + k) - gammaln(k + 1) + k * Math.log(z));
    sum += term;
    if (k > 50 && term < 1e-17 * sum) break;
  }
  return sum;
}

// The BG/NBD calls 2F1(r+x, b+x; a+b+x−1; z) with z = t/(α+T+t). The grid covers small and large
// r, a, b, x, c − a − b integer (a_BG = r + 1, r + 2) and z from 0.01 to 0.995 (z = 0.999 by the exact forms below:
// the reference needs ~50,000 terms there).
const grid: [number, number, number, number][] = [];
for (const r of [0.05, 0.243, 2]) {
  for (const aBG of [0.3, 0.793, 3, r + 1, r + 2]) {
    for (const bBG of [0.2, 2.426, 12]) {
      for (const x of [0, 1, 3, 25]) {
        for (const z of [0.01, 0.6, 0.9, 0.95, 0.99, 0.995]) {
          const c = aBG + bBG + x - 1;
          if (c > 0) grid.push([r + x, bBG + x, c, z]);
        }
      }
    }
  }
}

describe('gaussHyp2f1 for the BG/NBD arguments', () => {
  it(`agrees with an independent log-gamma series to 1e-10 over ${grid.length} arguments`, () => {
    let worst = 0;
    for (const [a, b, c, z] of grid) {
      const rel = Math.abs(gaussHyp2f1(a, b, c, z) / reference(a, b, c, z) - 1);
      worst = Math.max(worst, rel);
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it('is stdlib up to z = 0.9, where stdlib is accurate on the same grid', () => {
    for (const [a, b, c, z] of grid.filter((g) => g[3] <= STDLIB_MAX_Z)) {
      expect(gaussHyp2f1(a, b, c, z)).toBe(hyp2f1(a, b, c, z));
      expect(Math.abs(hyp2f1(a, b, c, z) / reference(a, b, c, z) - 1)).toBeLessThan(1e-10);
    }
  });

  it('why the series above 0.9: stdlib is 12 % off when c − a − b is within rounding of an integer', () => {
    // r = 0.243, a_BG = r + 1, b_BG = 2.426, x = 1: c − a − b = a_BG − 1 − r − x = −1 − 4e-16 as the model computes it
    const [r, aBG, bBG, x, z] = [0.243, 0.243 + 1, 2.426, 1, 0.95];
    const [a, b, c] = [r + x, bBG + x, aBG + bBG + x - 1];
    const ref = reference(a, b, c, z);
    expect(Math.abs(hyp2f1(a, b, c, z) / ref - 1)).toBeGreaterThan(0.1);
    expect(Math.abs(gaussHyp2f1(a, b, c, z) / ref - 1)).toBeLessThan(1e-12);
  });

  it('exact values: 2F1(1,1;2;z) = −ln(1−z)/z, 2F1(a,b;b;z) = (1−z)^−a', () => {
    for (const z of [0.2, 0.9, 0.95, 0.999]) {
      expect(gaussHyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 12);
      expect(gaussHyp2f1(0.7, 3.1, 3.1, z) / Math.pow(1 - z, -0.7)).toBeCloseTo(1, 12);
    }
    expect(gaussHyp2f1(2, 3, 4, 0)).toBe(1);
  });
});
