import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/lib/time-zone.ts';
import { periodGrid } from '../../src/metrics/period-grid.ts';

const day = (s: string) => parseIsoDay(s)!;

describe('periodGrid', () => {
  // firstDay 2023-05-10, asOf 2024-02-20: months 2023-05 … 2024-02, quarters 2023-Q2 … 2024-Q1, years 2023, 2024
  const grid = periodGrid({ firstDay: day('2023-05-10'), asOfDay: day('2024-02-20') });
  const slotId = (s: number) => (s < 0 ? null : `${grid.slotGrain[s]}:${grid.slotPeriod[s]!.id}`);
  const slotsOfDay = (d: string) => {
    const c = grid.cellOfDay(day(d));
    return c < 0 ? null : [0, 1, 2].map((k) => slotId(grid.slotsOfCell[3 * c + k]!));
  };

  it('slots: months, then quarters, then years, each ascending', () => {
    expect(grid.slots).toBe(10 + 4 + 2);
    expect(slotId(0)).toBe('month:2023-05');
    expect(slotId(9)).toBe('month:2024-02');
    expect(slotId(10)).toBe('quarter:2023-Q2');
    expect(slotId(15)).toBe('year:2024');
  });
  it('cells: January of the first year to asOf month; months before the first period count in their quarter and year only', () => {
    expect(grid.cells).toBe(14);
    expect(slotsOfDay('2023-01-01')).toEqual([null, null, 'year:2023']);
    expect(slotsOfDay('2023-04-30')).toEqual([null, 'quarter:2023-Q2', 'year:2023']);
    expect(slotsOfDay('2023-05-01')).toEqual(['month:2023-05', 'quarter:2023-Q2', 'year:2023']);
    expect(slotsOfDay('2024-02-29')).toEqual(['month:2024-02', 'quarter:2024-Q1', 'year:2024']);
  });
  it('days outside the cells', () => {
    expect(grid.cellOfDay(day('2022-12-31'))).toBe(-1);
    expect(grid.cellOfDay(day('2024-03-01'))).toBe(-1);
  });
});
