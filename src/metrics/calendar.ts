import type { Grain } from '../model/kpi.ts';
import { monthIndexOfDay, periodsBetween, type Period } from './periods.ts';

/**
 * Day → month index and day → period index without a Date per row: a month table over the
 * data's day range, built once (days outside the range fall back to periods.ts).
 */
export interface MonthOf {
  (day: number): number;
}

export function monthTable(fromDay: number, toDay: number): MonthOf {
  const lo = Math.min(fromDay, toDay);
  const table = new Int32Array(toDay - lo + 1);
  let mi = monthIndexOfDay(lo);
  let next = monthStartAfter(mi);
  for (let d = lo; d <= toDay; d++) {
    if (d >= next) {
      mi++;
      next = monthStartAfter(mi);
    }
    table[d - lo] = mi;
  }
  return (day) => (day >= lo && day <= toDay ? table[day - lo]! : monthIndexOfDay(day));
}

function monthStartAfter(mi: number): number {
  const y = Math.floor((mi + 1) / 12);
  const m = ((mi + 1) % 12) + 1;
  return Math.floor(Date.UTC(y, m - 1, 1) / 86_400_000);
}

export interface PeriodIndex {
  grain: Grain;
  periods: Period[];
  /** first day of each period */
  starts: Int32Array;
  /** last day of each period, clamped to asOf (the partial period ends at asOf) */
  ends: Int32Array;
  /** index of the period holding a day, −1 before the first period or after asOf */
  of(day: number): number;
}

export function periodIndex(firstDay: number, asOfDay: number, grain: Grain, monthOf: MonthOf): PeriodIndex {
  const periods = periodsBetween(firstDay, asOfDay, grain);
  const step = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
  const firstMonth = monthOf(periods[0]!.start);
  const starts = Int32Array.from(periods, (p) => p.start);
  const ends = Int32Array.from(periods, (p) => Math.min(p.end, asOfDay));
  const first = periods[0]!.start;
  return {
    grain,
    periods,
    starts,
    ends,
    of: (day) => (day < first || day > asOfDay ? -1 : Math.floor((monthOf(day) - firstMonth) / step)),
  };
}
