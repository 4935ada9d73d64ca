import { formatDate } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { KpiDefinition } from '../model/kpi.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { company, kpiDef, kpiRow } from './kpi-index.ts';
import { lastComplete, TREND_QUARTERS, trendWindow } from './tables/retention.ts';
import { migrationCells, rfCounts, segmentLabel, tiersSegmentsTable, valueTierOrder } from './tables/tiers.ts';

/**
 * The tiers page's view model: the RFM window in words, the segments' value bars, the R×F grid's
 * cells, the Pareto curve with the A|B and B|C cuts, the migration matrix of the last complete
 * quarter (short tier labels) and the upgrade/downgrade KPIs' series. Published rows (customers,
 * value tiers, migration, KPI rows) selected and labelled; the page draws the charts.
 */
export interface TiersView {
  quarter: string | null;
  quarters: string[];
  /** "RFM over all orders" / "from <date>" / "no RFM" */
  rfmWindow: string;
  segmentBars: { label: string; value: number }[];
  rfCells: { r: number; f: number; count: number; segment: string }[];
  pareto: { points: { share: number; cumulative: number }[]; cuts: { label: string; share: number }[] };
  migration: { cells: { from: string; to: string; count: number }[]; tiers: string[]; fromTiers: string[]; from: string; to: string };
  rates: { def: KpiDefinition; series: (number | null)[] }[];
}

/** Revenue shares at which the value tiers are cut (A | B at 80 %, B | C at 95 %). */
export const TIER_CUTS = [{ label: 'A | B', share: 0.8 }, { label: 'B | C', share: 0.95 }] as const;

/** short axis labels: English tier names would overlap in the matrix's 70 px columns */
export const tierShort = (locale: Locale, tier: string): string => t(locale, `tiers.short.${tier as 'A' | 'B' | 'C' | 'none' | 'new'}`);

export const tiersView = (b: SiteBundle, locale: Locale): TiersView => {
  const quarter = lastComplete(b, 'quarter');
  const quarters = trendWindow(b, 'quarter', TREND_QUARTERS);
  const rfm = b.rfm;
  const rfmWindow = !rfm ? t(locale, 'tiers.window.none')
    : rfm.edges.windowStart ? t(locale, 'tiers.window.from', { date: formatDate(rfm.edges.windowStart, locale) }) : t(locale, 'tiers.window.all');
  // segment value bars, in the segments table's order
  const segmentBars = tiersSegmentsTable(b, locale).rows.map((r) => ({ label: String(r.segment), value: Number(r.revenue) }));
  const rfCells = rfCounts(b.customers ?? []).map((c) => ({ r: c.r, f: c.f, count: c.count, segment: c.segment ? segmentLabel(locale, c.segment) : '' }));
  // the cuts at the first published point reaching each share
  const published = b.valueTiers?.pareto ?? [];
  const cuts = TIER_CUTS.map((c): { label: string; share: number | undefined } => ({ label: c.label, share: published.find((p) => p.revenue_share >= c.share)?.customers_share }))
    .filter((c): c is { label: string; share: number } => c.share != null);
  const mig = migrationCells(b, quarter);
  const axis = valueTierOrder.map((x) => tierShort(locale, x));
  const rates = ['tier_upgrade_rate', 'tier_downgrade_rate'].map((id) => kpiDef(b, id))
    .filter((d): d is KpiDefinition => !!d && b.kpis.some((r) => r.entity_type === 'company' && r.kpi === d.id))
    .map((def) => ({ def, series: quarters.map((p) => kpiRow(b, company, p, def.id)?.value ?? null) }));
  return {
    quarter, quarters, rfmWindow, segmentBars, rfCells,
    pareto: { points: published.map((p) => ({ share: p.customers_share, cumulative: p.revenue_share })), cuts },
    migration: {
      cells: mig.map((c) => ({ from: tierShort(locale, c.from), to: tierShort(locale, c.to), count: c.customers })),
      tiers: axis,
      fromTiers: [...axis, tierShort(locale, 'new')],
      from: mig[0] ? formatDate(mig[0].from_date, locale) : '',
      to: mig[0] ? formatDate(mig[0].to_date, locale) : '',
    },
    rates,
  };
};
