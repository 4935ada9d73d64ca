import type { Grain } from '../model/kpi.ts';
import type { Manifest, SiteBundle } from '../bundle/contract.ts';
import { kpiRow, type Entity } from './kpi-index.ts';
import { samePeriodLastYear } from './periods.ts';

/**
 * The one trend window of period pages: up to 8 quarters, 13 months or 5 years ending at the
 * page's period (oldest first). It limits what charts show, never which period pages exist.
 */
export const TREND_LENGTH: Record<Grain, number> = { quarter: 8, month: 13, year: 5 };

export const trendWindow = (manifest: Pick<Manifest, 'periods'>, grain: Grain, period: string | null): string[] => {
  const all = manifest.periods[grain] ?? [];
  const end = all.findIndex((p) => p.id === period);
  return end < 0 ? [] : all.slice(Math.max(0, end + 1 - TREND_LENGTH[grain]), end + 1).map((p) => p.id);
};

export interface TrendPoint {
  period: string;
  value: number | null;
  /** the same period a year earlier (null: no row, so the line has a gap, never a drop to 0) */
  lastYear: number | null;
}

/** An entity's KPI over the window with last year's value beside each point (published rows only). */
export const trendPoints = (b: SiteBundle, e: Entity, kpi: string, window: readonly string[]): TrendPoint[] =>
  window.map((p) => {
    const ly = samePeriodLastYear(p);
    return { period: p, value: kpiRow(b, e, p, kpi)?.value ?? null, lastYear: ly ? (kpiRow(b, e, ly, kpi)?.value ?? null) : null };
  });
