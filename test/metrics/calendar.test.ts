import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay } from '../../src/lib/time-zone.ts';
import { monthTable, periodIndex } from '../../src/metrics/calendar.ts';
import { monthsBefore } from '../../src/metrics/periods.ts';

describe('monthTable / periodIndex', () => {
  const from = dayNumber(2023, 11, 15);
  const asOf = dayNumber(2024, 5, 18);
  const monthOf = monthTable(from, asOf);
  it('maps days to month indices, inside and outside the table', () => {
    expect(monthOf(dayNumber(2024, 2, 29))).toBe(2024 * 12 + 1);
    expect(monthOf(dayNumber(2024, 3, 1))).toBe(2024 * 12 + 2);
    expect(monthOf(dayNumber(2020, 1, 1))).toBe(2020 * 12);
  });
  it('quarters from the quarter of the first day to the one holding asOf; the last ends at asOf', () => {
    const pi = periodIndex(from, asOf, 'quarter', monthOf);
    expect(pi.periods.map((p) => p.id)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
    expect(isoDay(pi.ends[2]!)).toBe('2024-05-18');
    expect(pi.of(dayNumber(2023, 10, 1))).toBe(0);
    expect(pi.of(dayNumber(2024, 3, 31))).toBe(1);
    expect(pi.of(dayNumber(2024, 5, 19))).toBe(-1); // after asOf
    expect(pi.of(dayNumber(2023, 9, 30))).toBe(-1);
  });
  it('trailing windows clamp to the month end: 31 May − 3 months = 29 Feb (leap), 28 Feb otherwise', () => {
    expect(isoDay(monthsBefore(dayNumber(2024, 5, 31), 3))).toBe('2024-02-29');
    expect(isoDay(monthsBefore(dayNumber(2023, 5, 31), 3))).toBe('2023-02-28');
    expect(isoDay(monthsBefore(dayNumber(2024, 3, 31), 12))).toBe('2023-03-31');
  });
});
