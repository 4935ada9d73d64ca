import { describe, expect, it } from 'vitest';
import { attainment, relativeAttainment } from '../../src/scoring/attainment.ts';

describe('attainment', () => {
  it('higher-is-better: x/t clamped to [0, cap]', () => {
    expect(attainment(90, 100, 'higher', 1.2)).toBeCloseTo(0.9, 12);
    expect(attainment(150, 100, 'higher', 1.2)).toBe(1.2);
    expect(attainment(150, 100, 'higher', 1.5)).toBe(1.5);
    expect(attainment(-20, 100, 'higher', 1.2)).toBe(0); // net refunds
  });
  it('lower-is-better: t/x, and x = 0 gives the cap', () => {
    expect(attainment(8, 4, 'lower', 1.2)).toBe(0.5); // 4 h target, 8 h actual
    expect(attainment(3.2, 4, 'lower', 1.2)).toBe(1.2); // 4/3.2 = 1.25 → cap
    expect(attainment(0, 4, 'lower', 1.2)).toBe(1.2);
    expect(attainment(0, 4, 'lower', 1.1)).toBe(1.1);
  });
  it('higher-is-better with a zero target', () => {
    expect(attainment(0, 0, 'higher', 1.2)).toBe(1);
    expect(attainment(3, 0, 'higher', 1.2)).toBe(1.2);
  });
});

describe('relativeAttainment', () => {
  it('min-max, reversed for lower-is-better, all equal → 1', () => {
    expect(relativeAttainment(75, 50, 100, 'higher')).toBe(0.5);
    expect(relativeAttainment(60, 50, 100, 'lower')).toBeCloseTo(0.8, 12);
    expect(relativeAttainment(7, 7, 7, 'higher')).toBe(1);
    expect(relativeAttainment(7, 7, 7, 'lower')).toBe(1);
  });
});
