import { describe, expect, it } from 'vitest';
import { combinedWeights } from '../../src/scoring/combined-weights.ts';
import { expertWeights } from '../../src/scoring/expert-weights.ts';

describe('expertWeights', () => {
  it('normalises and flags a sum outside 1 ± 0.01', () => {
    // 2 + 1 + 1 = 4 → (0.5, 0.25, 0.25)
    expect(expertWeights([2, 1, 1])).toEqual({ ok: true, weights: [0.5, 0.25, 0.25], sum: 4, normalised: true });
    const r = expertWeights([0.5, 0.3, 0.205]);
    expect(r.ok && r.normalised).toBe(false);
    const r2 = expertWeights([0.5, 0.3, 0.211]);
    expect(r2.ok && r2.normalised).toBe(true);
  });
  it('all zero is an error', () => {
    expect(expertWeights([0, 0])).toMatchObject({ ok: false, code: 'expert_weights_all_zero' });
  });
});

describe('combinedWeights', () => {
  it('α·subjective + (1 − α)·entropy', () => {
    // 0.5·(0.5, 0.3, 0.2) + 0.5·(0.2, 0.2, 0.6) = (0.35, 0.25, 0.40)
    combinedWeights([0.5, 0.3, 0.2], [0.2, 0.2, 0.6], 0.5).forEach((v, j) => expect(v).toBeCloseTo([0.35, 0.25, 0.4][j], 12));
    // 0.25·(0.5, 0.3, 0.2) + 0.75·(0.2, 0.2, 0.6) = (0.275, 0.225, 0.5)
    combinedWeights([0.5, 0.3, 0.2], [0.2, 0.2, 0.6], 0.25).forEach((v, j) => expect(v).toBeCloseTo([0.275, 0.225, 0.5][j], 12));
    expect(combinedWeights([0.7, 0.3], [0.1, 0.9], 1)).toEqual([0.7, 0.3]);
  });
});
