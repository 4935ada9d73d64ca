import { describe, expect, it } from 'vitest';
import { entropyWeights } from '../../src/scoring/entropy.ts';

describe('entropyWeights', () => {
  it('reproduces the example of docs/metrics.md', () => {
    // Column 1 [82, 75, 90]: z = [7/15, 0, 1], p = [7/22, 0, 15/22],
    // e = −(7/22·ln(7/22) + 15/22·ln(15/22)) / ln 3 = (0.36433 + 0.26113) / 1.09861 = 0.5693.
    const X = [[82, 89, 70, 5], [75, 80, 85, 5], [90, 85, 75, 5]];
    const r = entropyWeights(X, ['higher', 'higher', 'lower', 'higher'], ['a', 'b', 'c', 'd']);
    const expected = { e: [0.5693, 0.5933, 0.6126, 1], w: [0.3516, 0.3321, 0.3163, 0] };
    r.e.forEach((v, j) => expect(v).toBeCloseTo(expected.e[j], 4));
    r.weights.forEach((v, j) => expect(v).toBeCloseTo(expected.w[j], 4));
    expect(r.d[3]).toBe(0);
    expect(r.notes).toEqual(['entropy_constant:d']);
  });

  it('two rows: each non-constant column has z = {0, 1}, so e = 0 and weights are equal among them', () => {
    // p = (0, 1): e = −(1·ln 1)/ln 2 = 0
    const r = entropyWeights([[1, 5, 3], [2, 4, 3]], ['higher', 'lower', 'higher']);
    expect(r.e).toEqual([0, 0, 1]);
    expect(r.weights).toEqual([0.5, 0.5, 0]);
  });

  it('m < 2 falls back to equal weights with a note', () => {
    const r = entropyWeights([[1, 2, 3]], ['higher', 'higher', 'higher']);
    expect(r.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(r.notes).toEqual(['entropy_too_few_rows']);
    expect(entropyWeights([], ['higher', 'lower']).weights).toEqual([0.5, 0.5]);
  });

  it('all columns constant falls back to equal weights with a note', () => {
    const r = entropyWeights([[1, 7], [1, 7], [1, 7]], ['higher', 'lower'], ['x', 'y']);
    expect(r.weights).toEqual([0.5, 0.5]);
    expect(r.notes).toEqual(['entropy_constant:x', 'entropy_constant:y', 'entropy_all_constant']);
  });
});
