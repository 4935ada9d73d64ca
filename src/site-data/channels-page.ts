import { formatPeriod } from '../i18n/format.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { KpiDefinition } from '../model/kpi.ts';
import type { ChannelRow } from '../metrics/channels.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { company, kpiDef, kpiRow } from './kpi-index.ts';
import { lastComplete, trendWindow } from './tables/retention.ts';
import { CHANNEL_TREND_QUARTERS, channelLabel, channelRows } from './tables/channels.ts';

/**
 * The channels page's view model (沟通渠道效果评估): the last complete quarter, the trend window, the
 * comparison charts' data (bars and intervals, busiest or best first), the conversion trend's series
 * and the headline KPIs. Published channel rows and KPI rows selected and ordered; no new figure.
 * The page draws the charts (src/charts) from it.
 */
/** the input file that would fill an empty chart (EmptyState) */
type InputName = 'interactions' | 'surveys' | 'tickets' | 'orders';

export interface ChannelBar { label: string; value: number }
export interface ChannelEstimate { label: string; estimate: number | null; low: number | null; high: number | null; n: number }

export type ChannelChart =
  | { id: 'interactions' | 'conversion' | 'complaints' | 'sales'; kind: 'bars'; unit: 'count' | 'ratio' | 'currency'; bars: ChannelBar[]; caption: MessageKey; def: MessageKey; input: InputName }
  | { id: 'csat'; kind: 'intervals'; estimates: ChannelEstimate[]; caption: MessageKey; def: MessageKey; input: InputName };

export interface ChannelsView {
  quarter: string | null;
  /** the quarter in words, or "—" */
  qLabel: string;
  quarters: string[];
  charts: ChannelChart[];
  /** conversion rate per channel over the window: channels with interactions in it */
  trend: { series: string; period: string; value: number | null }[];
  headline: { def: KpiDefinition; series: (number | null)[] }[];
}

/** The definitions listed under the effectiveness table, in reading order. */
export const CHANNEL_DEFINITIONS = ['channels.def.interactions', 'channels.def.reached', 'channels.def.conversion', 'channels.def.csat', 'channels.def.complaints', 'channels.def.sales'] as const;

type Pick = (r: ChannelRow) => number | null;
const barsOf = (bundle: SiteBundle, rows: ChannelRow[], locale: Locale, value: Pick, keep: (r: ChannelRow) => boolean): ChannelBar[] =>
  rows.filter(keep).map((r) => ({ label: channelLabel(bundle, locale, r.channel), value: value(r) }))
    .filter((b): b is ChannelBar => b.value != null)
    .sort((a, b) => b.value - a.value);

export const channelsView = (b: SiteBundle, locale: Locale): ChannelsView => {
  const quarter = lastComplete(b, 'quarter');
  const quarters = trendWindow(b, 'quarter', CHANNEL_TREND_QUARTERS);
  const rows = channelRows(b, quarter);
  const talked = (r: ChannelRow) => r.interactions > 0;
  const charts: ChannelChart[] = [
    { id: 'interactions', kind: 'bars', unit: 'count', bars: barsOf(b, rows, locale, (r) => r.interactions, talked), caption: 'channels.chart.interactions', def: 'channels.def.interactions', input: 'interactions' },
    { id: 'conversion', kind: 'bars', unit: 'ratio', bars: barsOf(b, rows, locale, (r) => r.conversion_rate, talked), caption: 'channels.chart.conversion', def: 'channels.def.conversion', input: 'interactions' },
    {
      id: 'csat', kind: 'intervals', caption: 'channels.chart.csat', def: 'channels.def.csat', input: 'surveys',
      estimates: rows.filter((r) => r.csat_n > 0).sort((x, y) => (y.csat ?? -1) - (x.csat ?? -1))
        .map((r) => ({ label: channelLabel(b, locale, r.channel), estimate: r.csat, low: r.csat_low, high: r.csat_high, n: r.csat_n })),
    },
    { id: 'complaints', kind: 'bars', unit: 'count', bars: barsOf(b, rows, locale, (r) => r.complaints, (r) => r.tickets > 0), caption: 'channels.chart.complaints', def: 'channels.def.complaints', input: 'tickets' },
    { id: 'sales', kind: 'bars', unit: 'currency', bars: barsOf(b, rows, locale, (r) => r.gross_sales, (r) => r.purchases > 0), caption: 'channels.chart.sales', def: 'channels.def.sales', input: 'orders' },
  ];
  const inWindow = (b.channels ?? []).filter((r) => quarters.includes(r.period));
  const withInteractions = new Set(inWindow.filter(talked).map((r) => r.channel));
  const trend = quarters.length === 0 ? [] : inWindow.filter((r) => withInteractions.has(r.channel))
    .map((r) => ({ series: channelLabel(b, locale, r.channel), period: r.period, value: r.conversion_rate }));
  const headline = ['interactions', 'conversion_rate'].map((id) => kpiDef(b, id))
    .filter((d): d is KpiDefinition => !!d && b.kpis.some((r) => r.entity_type === 'company' && r.kpi === d.id))
    .map((def) => ({ def, series: quarters.map((p) => kpiRow(b, company, p, def.id)?.value ?? null) }));
  return { quarter, qLabel: quarter ? formatPeriod(quarter, locale) : '—', quarters, charts, trend, headline };
};

/** A chart has something to draw: bars, or an estimate with responses. */
export const hasData = (c: ChannelChart): boolean => (c.kind === 'bars' ? c.bars.length > 0 : c.estimates.length > 0);

export const chartTitle = (c: ChannelChart, v: ChannelsView, locale: Locale): string => `${t(locale, c.caption)} · ${v.qLabel}`;
