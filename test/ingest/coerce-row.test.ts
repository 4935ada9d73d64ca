import { describe, expect, it } from 'vitest';
import { normalizePeriod, parseBoolean } from '../../src/ingest/coerce-row.ts';

describe('coerce helpers', () => {
  it.each([
    ['2024', '2024'], ['2024-03', '2024-03'], ['2024-3', '2024-03'], ['2024/03', '2024-03'], ['2024年3月', '2024-03'],
    ['2024-Q1', '2024-Q1'], ['2024q2', '2024-Q2'], ['2024 Q3', '2024-Q3'], ['2024年第4季度', '2024-Q4'], ['2024年1季', '2024-Q1'], ['20241', null], ['2024-13', null], ['2024Q5', null], ['24-03', null],
  ])('period %s → %s', (raw, want) => expect(normalizePeriod(raw)).toBe(want));

  it('booleans in Chinese and English', () => {
    expect(['是', 'Yes', 'TRUE', '1', '在职'].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(['否', 'no', 'false', '0', '离职'].map(parseBoolean)).toEqual([false, false, false, false, false]);
    expect(parseBoolean('')).toBeNull();
    expect(parseBoolean('maybe')).toBeUndefined();
  });
});
