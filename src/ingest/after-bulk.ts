import { isoDay, type TimeZone } from '../lib/time-zone.ts';

/**
 * Lines dated after the bulk of a file's data (17.4, docs/data.md#after-bulk). The report's
 * `asOf` is the latest order date, so one stray line dated months after everything else (an
 * historical export with one mistyped year, say) would move the whole site to an empty future
 * period even though it is before the build's own date. The bulk's end is the 99th percentile
 * of the file's accepted event dates (nearest rank); a line more than `files.<name>.futureMargin`
 * days (default 180) after it is rejected as `after_bulk`. With fewer than 100 dated lines the
 * 99th percentile is the latest line itself, so no line is judged.
 */
export const BULK_QUANTILE = 0.99;
export const AFTER_BULK_MIN_LINES = 100;
const DAY_MS = 86_400_000;

export interface AfterBulk {
  /** the bulk's end: the 99th percentile of the dates (epoch ms) */
  bulkEnd: number;
  /** lines dated after this instant are rejected */
  cutoff: number;
  /** indexes (ascending) of the rows dated after `cutoff` */
  rows: number[];
}

/**
 * The rows of `dates[0..n)` dated more than `marginDays` after the bulk; null when none.
 * The dates are copied into a Float64Array and sorted there (a native numeric sort): sorting a
 * plain array with a comparator took 0.5–0.8 s of CPU for a million order lines, at the end of
 * ingest where nothing else runs beside it.
 */
export function afterBulk(dates: ArrayLike<unknown>, n: number, marginDays: number): AfterBulk | null {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const t = dates[i];
    if (typeof t === 'number' && Number.isFinite(t)) count++;
  }
  if (count < AFTER_BULK_MIN_LINES) return null;
  const sorted = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = dates[i];
    if (typeof t === 'number' && Number.isFinite(t)) sorted[k++] = t;
  }
  sorted.sort();
  const bulkEnd = sorted[Math.ceil(BULK_QUANTILE * count) - 1]!;
  const cutoff = bulkEnd + marginDays * DAY_MS;
  if (sorted[count - 1]! <= cutoff) return null;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = dates[i];
    if (typeof t === 'number' && t > cutoff) rows.push(i);
  }
  return { bulkEnd, cutoff, rows };
}

/** a date as its local day in the report's time zone, `2025-06-01` */
export const localDay = (t: number, tz: TimeZone): string => isoDay(tz.dayOf(t));

/** the reason's detail: the bulk's end (local day) + the whole days after it */
export function afterBulkDetail(t: number, bulkEnd: number, tz: TimeZone): string {
  return `${localDay(bulkEnd, tz)} + ${Math.floor((t - bulkEnd) / DAY_MS)}`;
}
