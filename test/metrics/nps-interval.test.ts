import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDetractor, isPromoter, npsInterval } from '../../src/metrics/nps-interval.ts';

describe('npsInterval (adjusted Wald)', () => {
  it('6 promoters, 2 detractors of 10: hand calculation', () => {
    // NPS = 100·(6 − 2)/10 = 40
    // n′ = 13, p′ = 6.75/13 = 0.519231, d′ = 2.75/13 = 0.211538, p′ − d′ = 0.307692
    // se = √((0.730769 − 0.094675)/13) = √0.048930 = 0.221201; 1.96·se = 0.433554
    // interval = 100·(0.307692 ± 0.433554) = [−12.586, 74.125]
    const v = npsInterval(6, 2, 10);
    expect(v.nps).toBe(40);
    expect(v.low).toBeCloseTo(-12.586, 2);
    expect(v.high).toBeCloseTo(74.125, 2);
    expect(v.margin).toBeCloseTo(43.3554, 2);
  });

  it('clamps to [−100, 100]', () => {
    // 1000 promoters of 1000: p′ = 1000.75/1003 = 0.997757, d′ = 0.000748, se = 0.0021127
    // high = 100·(0.997009 + 0.004141) = 100.115 → 100; low = 99.287
    const v = npsInterval(1000, 0, 1000);
    expect(v.high).toBe(100);
    expect(v.low).toBeCloseTo(99.287, 2);
    expect(npsInterval(0, 1000, 1000).low).toBe(-100);
  });

  it('promoters 9–10, detractors 0–6, passives 7–8', () => {
    expect([0, 6, 7, 8, 9, 10].map(isPromoter)).toEqual([false, false, false, false, true, true]);
    expect([0, 6, 7, 8, 9, 10].map(isDetractor)).toEqual([true, true, false, false, false, false]);
  });

  it('property: −100 ≤ low ≤ high ≤ 100 and the point value is in [−100, 100]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (p, d, passives) => {
        const n = p + d + passives;
        if (n === 0) return true;
        const v = npsInterval(p, d, n);
        return -100 <= v.low && v.low <= v.high && v.high <= 100 && v.nps >= -100 && v.nps <= 100;
      }),
    );
  });
});
