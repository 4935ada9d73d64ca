import { describe, expect, it } from 'vitest';
import { quantile } from '../../src/metrics/quantile.ts';

describe('quantile (type 7)', () => {
  it('interpolates between order statistics: [1,2,3,4,10] at 0.2 → h = 0.8 → 1.8', () => {
    expect(quantile([1, 2, 3, 4, 10], 0.2)).toBeCloseTo(1.8, 12);
    // 0.8 → h = 3.2 → 4 + 0.2·6 = 5.2
    expect(quantile([1, 2, 3, 4, 10], 0.8)).toBeCloseTo(5.2, 12);
    expect(quantile([1, 2, 3, 4, 10], 0.5)).toBe(3);
  });
  it('ends, single value, empty', () => {
    expect(quantile([3, 9], 0)).toBe(3);
    expect(quantile([3, 9], 1)).toBe(9);
    expect(quantile([7], 0.4)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
  it('equal neighbours give exactly that value', () => {
    expect(quantile([0.1, 0.1, 0.1, 0.7], 0.6)).toBe(0.1); // h = 1.8 between two 0.1s
  });
});
