import { civil, dayNumber } from '../lib/time-zone.ts';
import type { Grain } from '../model/kpi.ts';

/**
 * Calendar periods over local day numbers (see src/lib/time-zone.ts). A period is complete when it
 * ends on or before asOf; the period containing asOf is partial (docs/metrics.md, "Time").
 */
export interface Period {
  id: string;
  grain: Grain;
  /** first local day (day number) */
  start: number;
  /** last local day, inclusive */
  end: number;
  complete: boolean;
  /** for the partial period: the asOf day */
  partialTo: number | null;
}

/** Month index: months since year 0 (year × 12 + month − 1). */
export const monthIndexOfDay = (day: number): number => {
  const [y, m] = civil(day);
  return y * 12 + m - 1;
};
export const monthId = (mi: number): string => `${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;
export const quarterId = (mi: number): string => `${Math.floor(mi / 12)}-Q${Math.floor((mi % 12) / 3) + 1}`;
export const yearId = (mi: number): string => String(Math.floor(mi / 12));

export function periodIdOfMonth(mi: number, grain: Grain): string {
  return grain === 'month' ? monthId(mi) : grain === 'quarter' ? quarterId(mi) : yearId(mi);
}

/** First and last month index of a period id. */
export function periodMonths(id: string): { grain: Grain; first: number; last: number } {
  let m = /^(\d{4})-(\d{2})$/.exec(id);
  if (m) {
    const mi = Number(m[1]) * 12 + Number(m[2]) - 1;
    return { grain: 'month', first: mi, last: mi };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) {
    const first = Number(m[1]) * 12 + (Number(m[2]) - 1) * 3;
    return { grain: 'quarter', first, last: first + 2 };
  }
  m = /^(\d{4})$/.exec(id);
  if (m) return { grain: 'year', first: Number(m[1]) * 12, last: Number(m[1]) * 12 + 11 };
  throw new Error(`not a period id: ${id}`);
}

export const firstDayOfMonth = (mi: number): number => dayNumber(Math.floor(mi / 12), (mi % 12) + 1, 1);
export const lastDayOfMonth = (mi: number): number => firstDayOfMonth(mi + 1) - 1;

export function period(id: string, asOfDay: number): Period {
  const { grain, first, last } = periodMonths(id);
  const start = firstDayOfMonth(first);
  const end = lastDayOfMonth(last);
  const complete = end <= asOfDay;
  return { id, grain, start, end, complete, partialTo: !complete && start <= asOfDay ? asOfDay : null };
}

/** The period before (P−1 at the same grain). */
export function previousPeriod(id: string): string {
  const { grain, first } = periodMonths(id);
  const step = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
  return periodIdOfMonth(first - step, grain);
}

/** The same period one year earlier. */
export function samePeriodLastYear(id: string): string {
  const { grain, first } = periodMonths(id);
  return periodIdOfMonth(first - 12, grain);
}

/** Every period of a grain from the month of `fromDay` to the one containing `asOfDay`. */
export function periodsBetween(fromDay: number, asOfDay: number, grain: Grain): Period[] {
  const out: Period[] = [];
  let mi = monthIndexOfDay(fromDay);
  const lastMi = monthIndexOfDay(asOfDay);
  const step = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
  mi = periodMonths(periodIdOfMonth(mi, grain)).first;
  for (; mi <= lastMi; mi += step) out.push(period(periodIdOfMonth(mi, grain), asOfDay));
  return out;
}

/**
 * The same calendar day k months before `day`, clamped to the month's end (31 May − 3 months =
 * 28/29 Feb). A trailing window of k months at t holds days d with monthsBefore(t, k) < d ≤ t.
 */
export function monthsBefore(day: number, k: number): number {
  const [y, m, d] = civil(day);
  const mi = y * 12 + m - 1 - k;
  const last = civil(lastDayOfMonth(mi))[2];
  return dayNumber(Math.floor(mi / 12), (mi % 12) + 1, Math.min(d, last));
}
