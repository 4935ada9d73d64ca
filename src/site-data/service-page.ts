import { formatCount, formatHours, formatPeriodShort } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { KpiDefinition } from '../model/kpi.ts';
import type { SatisfactionDetailRow } from '../metrics/satisfaction-detail.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { company, compareKpi, kpiDef, kpiRow, type Comparison } from './kpi-index.ts';
import { grainOf } from './periods.ts';
import { backlogByAge, histogramBins, serviceCategoriesTable, ticketHours } from './tables/service.ts';
import { trendPoints, trendWindow, type TrendPoint } from './trend-window.ts';

/**
 * The service page's view model for one period: KPI tiles with their comparisons, the trend
 * series, the response and resolution time histograms (bins, median and P90 markers, what lies
 * beyond the axis), the complaint categories as bars and a Pareto curve, complaint-handling
 * satisfaction over the window and the backlog by age. Published rows selected and arranged;
 * the page draws the charts (src/charts) from it.
 */
export interface ServiceTile { def: KpiDefinition; c: Comparison }
export interface ServiceTrend { def: KpiDefinition; points: TrendPoint[] }
export interface ServiceHistogram {
  title: string;
  bins: ReturnType<typeof histogramBins>['bins'];
  markers: { label: string; hours: number }[];
  defs: KpiDefinition[];
  /** tickets beyond the axis, in words (null: none) */
  overflow: string | null;
}

/** The KPIs whose definitions the people table explains, in column order. */
export const SERVICE_PEOPLE_KPIS = ['complaints', 'first_response_hours', 'response_sla_rate', 'resolution_hours', 'resolution_rate', 'complaint_satisfaction'] as const;

const defined = <T>(x: T | null | undefined): x is T => x != null;

/** A tile per KPI that has a definition; the comparison is the company's own. */
export const serviceTiles = (b: SiteBundle, period: string, ids: readonly string[]): ServiceTile[] =>
  ids.map((id) => kpiDef(b, id)).filter(defined).map((def) => ({ def, c: compareKpi(b, company, period, def) }));

/** The company's trend of a KPI over the window; null when it has no value at all there. */
export const serviceTrend = (b: SiteBundle, period: string, id: string): ServiceTrend | null => {
  const def = kpiDef(b, id);
  if (!def) return null;
  const points = trendPoints(b, company, id, trendWindow(b.manifest, grainOf(period) ?? 'quarter', period));
  return points.some((p) => p.value != null) ? { def, points } : null;
};

export const serviceHistogram = (b: SiteBundle, locale: Locale, period: string, kind: 'response' | 'resolution'): ServiceHistogram | null => {
  const medianId = kind === 'response' ? 'first_response_hours' : 'resolution_hours';
  const median = kpiRow(b, company, period, medianId)?.value ?? null;
  const p90 = kpiRow(b, company, period, `${medianId}_p90`)?.value ?? null;
  const values = ticketHours(b, period, kind);
  if (values.length === 0) return null;
  const h = histogramBins(values, p90);
  return {
    title: t(locale, kind === 'response' ? 'service.responseHist' : 'service.resolutionHist'),
    bins: h.bins,
    markers: [
      ...(median != null ? [{ label: `${t(locale, 'service.median')} ${formatHours(median, locale)}`, hours: median }] : []),
      // a P90 beyond the axis is said in the overflow sentence, not drawn at the edge
      ...(p90 != null && p90 < h.cap ? [{ label: `${t(locale, 'service.p90')} ${formatHours(p90, locale)}`, hours: p90 }] : []),
    ],
    defs: [kpiDef(b, medianId), kpiDef(b, `${medianId}_p90`)].filter(defined),
    overflow: h.overflow > 0 ? t(locale, 'service.overflow', { n: formatCount(h.overflow, locale), cap: formatHours(h.cap, locale), max: formatHours(h.max, locale) }) : null,
  };
};

/** Complaint categories, most frequent first: bars, and the Pareto curve's points (share of categories → cumulative share). */
export const serviceCategories = (b: SiteBundle, locale: Locale, period: string) => {
  const table = serviceCategoriesTable(b, locale, period);
  const rows = table.rows;
  return {
    table,
    bars: rows.map((r) => ({ label: String(r.category), value: Number(r.count) })),
    pareto: rows.map((r, i) => ({ share: (i + 1) / rows.length, cumulative: Number(r.cumulative_share) })),
  };
};

/** The company's complaint-handling satisfaction of a period (published with its Wilson interval). */
export const complaintSatisfaction = (b: SiteBundle, period: string): SatisfactionDetailRow | undefined =>
  (b.satisfaction?.complaint ?? []).find((r) => r.entity_type === 'company' && r.period === period && r.channel === null);

/** Complaint-handling satisfaction over the window, one interval per period (too few responses: muted). */
export const complaintSatisfactionTrend = (b: SiteBundle, locale: Locale, period: string) =>
  trendWindow(b.manifest, grainOf(period) ?? 'quarter', period).map((p) => {
    const r = complaintSatisfaction(b, p);
    return { label: formatPeriodShort(p, locale), estimate: r?.value ?? null, low: r?.low ?? null, high: r?.high ?? null, n: r?.n ?? 0, muted: r?.too_few ?? false };
  });

/** Open tickets at asOf by age, in the buckets' order, labelled. */
export const backlogBars = (b: SiteBundle, locale: Locale) =>
  backlogByAge(b).map((a) => ({ label: t(locale, `service.age.${a.bucket}`), value: a.tickets }));
