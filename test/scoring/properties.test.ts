import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultConfig } from '../../src/config/schema.ts';
import { ahp, reciprocalMatrix } from '../../src/scoring/ahp.ts';
import { attainment } from '../../src/scoring/attainment.ts';
import { entropyWeights } from '../../src/scoring/entropy.ts';
import { relativeGrade } from '../../src/scoring/grades.ts';

const { relative } = defaultConfig().scoring.grades;

describe('properties', () => {
  it('AHP recovers the weights behind a perfectly consistent matrix (a_ij = v_i/v_j), CR ≈ 0', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 9, noNaN: true }), { minLength: 1, maxLength: 9 }), (v) => {
        const triangle = v.map((vi, i) => v.slice(i).map((vj) => vi / vj));
        const r = ahp(reciprocalMatrix(triangle));
        const s = v.reduce((a, b) => a + b, 0);
        r.weights.forEach((w, i) => expect(w).toBeCloseTo(v[i] / s, 9));
        expect(Math.abs(r.cr)).toBeLessThan(1e-9);
      }),
    );
  });

  it('entropy weights are non-negative and sum to 1', () => {
    const matrix = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.tuple(fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }), { minLength: 0, maxLength: 8 }), fc.array(fc.constantFrom('higher' as const, 'lower' as const), { minLength: n, maxLength: n })),
    );
    fc.assert(
      fc.property(matrix, ([rows, dirs]) => {
        const r = entropyWeights(rows, dirs);
        expect(r.weights.every((w) => w >= 0)).toBe(true);
        expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('attainment stays within [0, cap]', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('higher' as const, 'lower' as const), (x, t, d) => {
        const a = attainment(x, t, d, 1.2);
        expect(a >= 0 && a <= 1.2).toBe(true);
      }),
    );
  });

  it('with N = 10k distinct scores the grades split exactly k, 2k, 4k, 2k, k', () => {
    for (const k of [1, 2, 3, 7]) {
      const n = 10 * k;
      const counts = { S: 0, A: 0, B: 0, C: 0, D: 0 };
      for (let rank = 1; rank <= n; rank++) counts[relativeGrade(rank, n, relative)!]++;
      expect(counts).toEqual({ S: k, A: 2 * k, B: 4 * k, C: 2 * k, D: k });
    }
  });
});
