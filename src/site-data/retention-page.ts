import { pick, t, type Locale } from '../i18n/index.ts';
import type { KpiDefinition } from '../model/kpi.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { company, kpiDef, kpiRow } from './kpi-index.ts';
import { samePeriodLastYear } from './periods.ts';
import { lastComplete, retentionKpis, teamsOf, TREND_MONTHS, TREND_QUARTERS, trendWindow } from './tables/retention.ts';
import type { TrendPoint } from './trend-window.ts';

/**
 * The retention page's view model: the last complete quarter and month, the trend windows, the
 * headline KPIs with their quarterly series, each trend's points (with the same period a year
 * earlier), the teams' retention bars and the cohort cells the heat maps show. Published KPI and
 * cohort rows selected; the page draws the charts.
 */
export type Grain = 'quarter' | 'month';

export interface RetentionTrend {
  def: KpiDefinition;
  grain: Grain;
  /** "KPI · by quarter" */
  title: string;
  /** the window's last period, drawn as the current one */
  current: string;
  points: TrendPoint[];
}

export interface CohortCellView {
  cohort: string;
  offset: number;
  customer: number | null;
  revenue: number | null;
  /** the asOf month's cell, still filling up */
  partial: boolean;
}

/** Cohorts the heat maps show: the latest 24 first-purchase months (all of them in cohorts.csv). */
export const HEATMAP_COHORTS = 24;

export interface RetentionView {
  quarter: string | null;
  month: string | null;
  quarters: string[];
  months: string[];
  headline: { def: KpiDefinition; series: (number | null)[] }[];
  trend: (id: string, grain: Grain) => RetentionTrend | null;
  teamBars: { label: string; value: number }[];
  cohorts: { cells: CohortCellView[]; shown: number; partial: boolean };
}

export const retentionView = (b: SiteBundle, locale: Locale): RetentionView => {
  const quarter = lastComplete(b, 'quarter');
  const month = lastComplete(b, 'month');
  const quarters = trendWindow(b, 'quarter', TREND_QUARTERS);
  const months = trendWindow(b, 'month', TREND_MONTHS);
  const value = (p: string, id: string) => kpiRow(b, company, p, id)?.value ?? null;
  const hasRows = (id: string) => b.kpis.some((r) => r.entity_type === 'company' && r.kpi === id);
  const headline = retentionKpis.map((id) => kpiDef(b, id)).filter((d): d is KpiDefinition => !!d && hasRows(d.id))
    .map((def) => ({ def, series: quarters.map((p) => value(p, def.id)) }));

  const trend = (id: string, grain: Grain): RetentionTrend | null => {
    const def = kpiDef(b, id);
    const window = grain === 'quarter' ? quarters : months;
    const current = grain === 'quarter' ? quarter : month;
    if (!def || window.length === 0 || !current) return null;
    const points = window.map((p) => {
      const ly = samePeriodLastYear(p);
      return { period: p, value: value(p, id), lastYear: ly ? value(ly, id) : null };
    });
    // no value at all in the window (e.g. no monthly rows): no chart, the section says why
    if (points.every((x) => x.value == null)) return null;
    const title = `${pick(def.name, locale)} · ${t(locale, grain === 'quarter' ? 'retention.trendQuarter' : 'retention.trendMonth')}`;
    return { def, grain, title, current, points };
  };

  const teamBars = quarter
    ? teamsOf(b, quarter)
      .map((team) => ({ label: team, value: kpiRow(b, { type: 'team', id: team }, quarter, 'retention_rate')?.value ?? null }))
      .filter((x): x is { label: string; value: number } => x.value != null)
      .sort((x, y) => y.value - x.value)
    : [];

  const companyCells = (b.cohorts ?? []).filter((c) => c.dimension === 'company');
  const shown = new Set([...new Set(companyCells.map((c) => c.cohort))].sort().slice(-HEATMAP_COHORTS));
  const cells = companyCells.filter((c) => shown.has(c.cohort))
    .map((c) => ({ cohort: c.cohort, offset: c.k, customer: c.customer_retention, revenue: c.revenue_retention, partial: !!c.partial }));
  return { quarter, month, quarters, months, headline, trend, teamBars, cohorts: { cells, shown: shown.size, partial: cells.some((c) => c.partial) } };
};
