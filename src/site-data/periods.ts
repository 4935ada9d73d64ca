import { previousPeriod as previousOf, samePeriodLastYear as lastYearOf } from '../metrics/periods.ts';
import type { Grain } from '../model/kpi.ts';
import type { Manifest, PeriodInfo } from '../bundle/contract.ts';

/**
 * Period routing shared by every period page (overview, scorecards, service, satisfaction).
 * A page exists for every complete quarter and month with data (`/2026-Q3/`, `/2026-09/`,
 * `/kpis/2026-Q3/` …), so a link shared once keeps working in later builds as long as its data
 * is there; `site.periods` and `site.months` only limit how many the period picker lists (and
 * the charts' window is trend-window.ts's). The bare URL shows the latest complete quarter.
 */

export const DEFAULT_QUARTERS = 8;
export const DEFAULT_MONTHS = 12;

export const grainOf = (id: string): Grain | null =>
  /^\d{4}-Q[1-4]$/.test(id) ? 'quarter' : /^\d{4}-\d{2}$/.test(id) ? 'month' : /^\d{4}$/.test(id) ? 'year' : null;

/** The period just before: 2026-Q1 → 2025-Q4, 2026-01 → 2025-12, 2026 → 2025 (null for a non-period). */
export const previousPeriod = (id: string): string | null => (grainOf(id) ? previousOf(id) : null);

/** The same period a year earlier: 2026-Q3 → 2025-Q3 (null for a non-period). */
export const samePeriodLastYear = (id: string): string | null => (grainOf(id) ? lastYearOf(id) : null);

const lastComplete = (list: PeriodInfo[] | undefined, n: number): PeriodInfo[] =>
  n <= 0 ? [] : (list ?? []).filter((p) => p.complete).slice(Number.isFinite(n) ? -n : 0).reverse();

/** Periods with their own pages, newest first: every complete one (or the last N when asked). */
export const pagePeriods = (
  manifest: Manifest,
  opts: { quarters?: number; months?: number } = {},
): { quarter: PeriodInfo[]; month: PeriodInfo[] } => ({
  quarter: lastComplete(manifest.periods.quarter, opts.quarters ?? Infinity),
  month: lastComplete(manifest.periods.month, opts.months ?? Infinity),
});

/** Periods the picker lists, newest first: the last `site.periods` quarters and `site.months` months. */
export const pickerPeriods = (manifest: Manifest): { quarter: PeriodInfo[]; month: PeriodInfo[] } =>
  pagePeriods(manifest, { quarters: manifest.sitePeriods ?? DEFAULT_QUARTERS, months: manifest.siteMonths ?? DEFAULT_MONTHS });

/**
 * The period the bare URL shows: the last complete quarter the data covers (manifest's, else
 * computed); for a short export without one, the last complete month; for one shorter than a month, its latest
 * month so far (marked incomplete). Never nothing while there are
 * orders: a one-month export shows its month, not an empty home page.
 */
export const defaultPeriod = (manifest: Manifest): PeriodInfo | null => {
  // a quarter that began before the data did (a March export's Q1) is not the data's quarter
  const dataFrom = manifest.periods.month?.[0]?.start ?? '';
  const quarters = (manifest.periods.quarter ?? []).filter((q) => q.start >= dataFrom);
  const id = (manifest.lastCompleteQuarter && quarters.some((q) => q.id === manifest.lastCompleteQuarter) ? manifest.lastCompleteQuarter : null)
    ?? lastComplete(quarters, 1)[0]?.id
    ?? lastComplete(manifest.periods.month, 1)[0]?.id
    ?? manifest.periods.month?.at(-1)?.id
    ?? null;
  return id ? (findPeriod(manifest, id) ?? null) : null;
};

export const findPeriod = (manifest: Manifest, id: string): PeriodInfo | undefined => {
  const g = grainOf(id);
  return g ? manifest.periods[g]?.find((p) => p.id === id) : undefined;
};

/** `getStaticPaths` for a `[period]` route: one page per quarter and month in `pagePeriods`. */
export const periodStaticPaths = (manifest: Manifest, opts?: { quarters?: number; months?: number }) => {
  const { quarter, month } = pagePeriods(manifest, opts);
  return [...quarter, ...month].map((p) => ({ params: { period: p.id }, props: { period: p } }));
};
