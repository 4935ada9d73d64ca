import { formatPeriod, formatValue } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { KpiUnit } from '../model/kpi.ts';

/**
 * A trend chart's series as a table (the accessible alternative to the line: a screen reader or a
 * reader who wants the figures gets every period's value and, when the chart draws it, the same
 * period a year earlier). The rows are the chart's own points, formatted as the tiles format them.
 */
export interface SeriesPoint {
  period: string;
  value: number | null;
  lastYear?: number | null;
}

export interface SeriesTable {
  headers: string[];
  rows: string[][];
}

export const trendTable = (points: readonly SeriesPoint[], unit: KpiUnit, valueLabel: string, locale: Locale): SeriesTable => {
  const withLastYear = points.some((p) => p.lastYear != null);
  return {
    headers: [t(locale, 'chart.period'), valueLabel, ...(withLastYear ? [t(locale, 'chart.lastYear')] : [])],
    // newest first, as a reader scans a table for the current period
    rows: [...points].reverse().map((p) => [
      formatPeriod(p.period, locale),
      formatValue(p.value, unit, locale, { full: true }),
      ...(withLastYear ? [formatValue(p.lastYear ?? null, unit, locale, { full: true })] : []),
    ]),
  };
};

/**
 * A sparkline's text alternative, the same on every page: "KPI, first period – last period: v1, v2, …"
 * (the tiles' sparklines on the retention, tiers and channels pages).
 */
export const seriesAlt = (name: string, window: readonly string[], values: readonly (number | null)[], unit: KpiUnit, locale: Locale): string =>
  `${name}, ${window[0] ? formatPeriod(window[0], locale) : ''} – ${window.at(-1) ? formatPeriod(window.at(-1)!, locale) : ''}: ${values.map((v) => formatValue(v, unit, locale)).join(', ')}`;
