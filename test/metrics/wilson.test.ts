import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/metrics/wilson.ts';

describe('wilson', () => {
  it('8/10 matches the hand calculation', () => {
    // p̂ = 0.8, z² = 3.8416; centre = 0.8 + 3.8416/20 = 0.99208
    // spread = 1.96·√(0.8·0.2/10 + 3.8416/400) = 1.96·√(0.016 + 0.009604) = 1.96·0.160012 = 0.313624
    // denom = 1 + 3.8416/10 = 1.38416
    // low = (0.99208 − 0.313624)/1.38416 = 0.49016; high = (0.99208 + 0.313624)/1.38416 = 0.94332
    const w = wilson(8, 10);
    expect(w.p).toBe(0.8);
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
    expect(w.margin).toBeCloseTo(0.313624 / 1.38416, 5);
  });

  it('2/3 matches the hand calculation', () => {
    // p̂ = 2/3; centre = 0.666667 + 3.8416/6 = 1.306933
    // spread = 1.96·√(0.222222/3 + 3.8416/36) = 1.96·√(0.074074 + 0.106711) = 1.96·0.425188 = 0.833368
    // denom = 1 + 3.8416/3 = 2.280533 → low 0.20765, high 0.93851
    const w = wilson(2, 3);
    expect(w.low).toBeCloseTo(0.20765, 4);
    expect(w.high).toBeCloseTo(0.93851, 4);
  });

  it('0/n and n/n stay inside [0, 1] with a bound exactly at the edge', () => {
    // 0/10: centre = spread = 3.8416/20 ... → low = 0 exactly; high = 2·0.19208/1.38416 = 0.27754
    const zero = wilson(0, 10);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.27754, 4);
    const all = wilson(10, 10);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(1 - 0.27754, 4);
  });

  it('rejects n = 0 and impossible counts', () => {
    expect(() => wilson(0, 0)).toThrow(RangeError);
    expect(() => wilson(3, 2)).toThrow(RangeError);
  });

  it('property: 0 ≤ low ≤ p ≤ high ≤ 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const s = Math.round(f * n);
        const w = wilson(s, n);
        return 0 <= w.low && w.low <= w.p + 1e-12 && w.p <= w.high + 1e-12 && w.high <= 1;
      }),
    );
  });
});
