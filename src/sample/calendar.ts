import type { Random } from './random.ts';

/**
 * Time in the sample. Every instant is a *wall-clock* time in Asia/Shanghai, held as the
 * milliseconds of `Date.UTC(y, m, d, h, mi, s)` of that wall time and formatted with the UTC
 * getters: no time-zone arithmetic can creep in, and the output never depends on the machine.
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const START_YEAR = 2023;
/** 0-based month of the first month (October 2023) */
export const START_MONTH = 9;
/** three years: 2023-10 … 2026-09 */
export const MONTHS = 36;
export const START = Date.UTC(START_YEAR, START_MONTH, 1);
/** the export's end: 2026-09-30 23:59:59, a quarter end, so 2026-Q3 is complete */
export const END = Date.UTC(2026, 8, 30, 23, 59, 59);
export const QUARTERS = 12;

export const wall = (y: number, m1: number, d: number, h = 0, mi = 0, s = 0): number =>
  Date.UTC(y, m1 - 1, d, h, mi, s);

/** first instant of month index m (0 = 2023-10) */
export const monthStart = (m: number): number => Date.UTC(START_YEAR, START_MONTH + m, 1);
export const monthEnd = (m: number): number => monthStart(m + 1) - 1000;
export const monthOfYear = (m: number): number => ((START_MONTH + m) % 12) + 1;

/** month index of an instant (may be < 0 or ≥ MONTHS) */
export function monthIndex(t: number): number {
  const d = new Date(t);
  return (d.getUTCFullYear() - START_YEAR) * 12 + d.getUTCMonth() - START_MONTH;
}

/** quarter index: 0 = 2023-Q4 … 11 = 2026-Q3 */
export const quarterIndex = (t: number): number => Math.floor(monthIndex(t) / 3);
export const quarterStart = (q: number): number => monthStart(q * 3);
export const quarterEnd = (q: number): number => monthEnd(q * 3 + 2);
export function quarterLabel(q: number): string {
  const d = new Date(quarterStart(q));
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDate(t: number): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatDateTime(t: number): string {
  const d = new Date(t);
  return `${formatDate(t)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** 春节 (Spring Festival) days in the data's range */
const springFestivals = [wall(2024, 2, 10), wall(2025, 1, 29), wall(2026, 2, 17)];

/**
 * Relative order volume per month of year: 618 in June, 双十一 in November, the year-end
 * push in December, and the January–February lull around Spring Festival.
 */
const monthFactor = [0.85, 0.8, 0.95, 0.95, 1.0, 1.15, 0.9, 0.9, 1.0, 1.0, 1.55, 1.2];
export const seasonality = (m: number): number => monthFactor[monthOfYear(m) - 1];

/** Relative volume of one day: a trough around 春节, peaks on 双十一 and 618. */
export function dayFactor(t: number): number {
  for (const sf of springFestivals) {
    const offset = (t - sf) / DAY;
    if (offset >= -6 && offset < 9) return 0.25;
  }
  const d = new Date(t);
  const mm = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  if (mm === 11 && dd >= 9 && dd <= 12) return dd === 11 ? 6 : 3;
  if (mm === 6 && dd >= 16 && dd <= 18) return 2.5;
  const weekday = d.getUTCDay();
  return weekday === 0 || weekday === 6 ? 0.8 : 1;
}

/** A day in month m drawn by dayFactor (rejection sampling), at midnight. */
export function drawDay(rnd: Random, m: number): number {
  const start = monthStart(m);
  const days = Math.round((monthStart(m + 1) - start) / DAY);
  for (;;) {
    const t = start + rnd.int(0, days - 1) * DAY;
    if (rnd.next() * 6 < dayFactor(t)) return t;
  }
}

/** A time of day for business activity: mostly 9:00–18:00, some evenings. */
export function drawOfficeTime(rnd: Random, evening = 0.1): number {
  const hour = rnd.chance(evening) ? rnd.int(18, 22) : rnd.int(9, 17);
  return hour * HOUR + rnd.int(0, 59) * 60_000 + rnd.int(0, 59) * 1000;
}
