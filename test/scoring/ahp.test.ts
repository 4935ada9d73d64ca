import { describe, expect, it } from 'vitest';
import { ahp, randomIndex, reciprocalMatrix, worstJudgement } from '../../src/scoring/ahp.ts';

// Saaty's drinks matrix (docs/metrics.md), rows water, coffee, tea, wine, beer, soda, milk.
const drinks = [
  [1, 2, 9, 9, 3, 2, 3],
  [1 / 2, 1, 5, 9, 2, 1, 1],
  [1 / 9, 1 / 5, 1, 3, 1 / 3, 1 / 4, 1 / 3],
  [1 / 9, 1 / 9, 1 / 3, 1, 1 / 9, 1 / 9, 1 / 9],
  [1 / 3, 1 / 2, 3, 9, 1, 1 / 2, 1],
  [1 / 2, 1, 4, 9, 2, 1, 2],
  [1 / 3, 1, 3, 9, 1, 1 / 2, 1],
];
const upper = drinks.map((row, i) => row.slice(i));

describe('ahp', () => {
  it("reproduces Saaty's drinks example to 4 decimals (published values)", () => {
    for (const r of [ahp(drinks), ahp(reciprocalMatrix(upper))]) {
      const [water, coffee, tea, wine, beer, soda, milk] = r.weights;
      expect(water).toBeCloseTo(0.3268, 4);
      expect(soda).toBeCloseTo(0.1896, 4);
      expect(coffee).toBeCloseTo(0.1775, 4);
      expect(milk).toBeCloseTo(0.1288, 4);
      expect(beer).toBeCloseTo(0.1164, 4);
      expect(tea).toBeCloseTo(0.0418, 4);
      expect(wine).toBeCloseTo(0.0191, 4);
      expect(r.lambdaMax).toBeCloseTo(7.1766, 4);
      expect(r.ci).toBeCloseTo(0.0294, 4);
      expect(r.ri).toBe(1.35);
      expect(r.cr).toBeCloseTo(0.0218, 4);
      expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('the drinks triangle is the upper triangle of a reciprocal matrix', () => {
    // the published matrix is itself reciprocal, so rebuilding it from its triangle is lossless
    expect(reciprocalMatrix(upper).flat().map((v) => v.toFixed(12))).toEqual(drinks.flat().map((v) => v.toFixed(12)));
  });

  it('a perfectly consistent matrix gives w_i ∝ its ratios, λmax = n and CR = 0', () => {
    // w = (4, 2, 1)/7: a12 = 4/2 = 2, a13 = 4, a23 = 2
    const r = ahp(reciprocalMatrix([[1, 2, 4], [1, 2], [1]]));
    expect(r.weights[0]).toBeCloseTo(4 / 7, 12);
    expect(r.weights[1]).toBeCloseTo(2 / 7, 12);
    expect(r.weights[2]).toBeCloseTo(1 / 7, 12);
    expect(r.lambdaMax).toBeCloseTo(3, 10);
    expect(r.cr).toBeCloseTo(0, 10);
  });

  it('n ≤ 2 is always consistent; RI is Saaty 2005', () => {
    // 2×2 with a12 = 3: w = (3/4, 1/4)
    const r = ahp(reciprocalMatrix([[1, 3], [1]]));
    expect(r.weights[0]).toBeCloseTo(0.75, 12);
    expect(r.cr).toBe(0);
    expect(ahp([[1]]).weights).toEqual([1]);
    expect([randomIndex[3], randomIndex[10], randomIndex[15]]).toEqual([0.52, 1.49, 1.59]);
  });

  it('worstJudgement finds the one reversed judgement in an otherwise consistent matrix', () => {
    // consistent for w ∝ (8, 4, 2, 1) except a14, reversed from 8 to 1/8
    const m = reciprocalMatrix([[1, 2, 4, 1 / 8], [1, 2, 4], [1, 2], [1]]);
    const r = ahp(m);
    expect(r.cr).toBeGreaterThanOrEqual(0.1);
    expect(worstJudgement(m, r.weights)).toMatchObject({ i: 0, j: 3, value: 1 / 8 });
  });
});
