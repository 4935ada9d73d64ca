import { formatPercent, formatPeriod, currencyUnit } from '../../i18n/format.ts';
import { t, type Locale } from '../../i18n/index.ts';
import type { ChannelRow } from '../../metrics/channels.ts';
import type { SiteBundle } from '../../bundle/contract.ts';
import type { Row, TableColumn, TableData } from '../table-data.ts';
import { lastComplete, trendWindow } from './retention.ts';
import { column as col } from '../column.ts';
import { dataLabel } from '../data-labels.ts';

/**
 * Every table the channels page shows, defined once: the page renders it and
 * /downloads/<table-id>.csv serves it (ids start with `channels-`).
 *
 * The page shows the last complete quarter and the trend over the last complete quarters,
 * selecting published channel rows (bundle.channels); nothing is computed here.
 */


export const CHANNEL_TREND_QUARTERS = 8;

/** a channel as the page shows it: config labels (data-labels.ts), or "not recorded" for rows without one */
export const channelLabel = (b: Pick<SiteBundle, 'manifest'>, locale: Locale, channel: string | null): string =>
  channel == null ? t(locale, 'channels.unrecorded') : dataLabel(b, locale, channel);

/** Published rows of one period, busiest first (interactions, then purchases, tickets, name). */
export const channelRows = (b: SiteBundle, period: string | null): ChannelRow[] =>
  period == null ? [] : (b.channels ?? [])
    .filter((r) => r.period === period)
    .sort((x, y) => y.interactions - x.interactions || y.purchases - x.purchases || y.tickets - x.tickets || y.csat_n - x.csat_n
      || (x.channel ?? '\uffff').localeCompare(y.channel ?? '\uffff'));

/** A row with nothing at all in the period is left out (a channel seen only in other periods). */
const active = (r: ChannelRow) => r.interactions > 0 || r.tickets > 0 || r.csat_n > 0 || r.purchases > 0 || r.gross_sales !== 0;

const columns = (locale: Locale, withPeriod: boolean): TableColumn[] => [
  ...(withPeriod ? [col('period', t(locale, 'channels.col.period'), 'text')] : []),
  col('channel', t(locale, 'channels.col.channel'), 'text'),
  col('interactions', t(locale, 'channels.col.interactions'), 'count', t(locale, 'channels.unit.times')),
  col('customers_reached', t(locale, 'channels.col.reached'), 'count', t(locale, 'channels.unit.people')),
  col('conversions', t(locale, 'channels.col.conversions'), 'count', t(locale, 'channels.unit.times')),
  col('conversion_rate', t(locale, 'channels.col.conversion'), 'ratio', t(locale, 'unit.ratio')),
  col('tickets', t(locale, 'channels.col.tickets'), 'count', t(locale, 'channels.unit.times')),
  col('complaints', t(locale, 'channels.col.complaints'), 'count', t(locale, 'channels.unit.times')),
  col('csat', t(locale, 'channels.col.csat'), 'ratio', t(locale, 'unit.ratio')),
  col('csat_ci', t(locale, 'channels.col.csatCi'), 'text'),
  col('csat_n', t(locale, 'channels.col.csatN'), 'count'),
  col('purchases', t(locale, 'channels.col.purchases'), 'count', t(locale, 'channels.unit.orders')),
  col('gross_sales', t(locale, 'channels.col.grossSales'), 'currency', currencyUnit(locale)),
  col('notes', t(locale, 'channels.col.notes'), 'text'),
];

const toRow = (b: SiteBundle, locale: Locale, r: ChannelRow, withPeriod: boolean): Row => {
  const notes: string[] = [];
  if (r.conversion_rate == null) notes.push(`${t(locale, 'channels.col.conversion')}: ${t(locale, 'channels.noInteractions')}`);
  if (r.csat_n > 0 && r.csat_too_few) notes.push(`${t(locale, 'channels.col.csat')}: ${t(locale, 'channels.tooFew')}`);
  return {
    ...(withPeriod ? { period: formatPeriod(r.period, locale), period_id: r.period } : {}),
    channel: channelLabel(b, locale, r.channel),
    interactions: r.interactions, customers_reached: r.customers_reached, conversions: r.conversions,
    conversion_rate: r.conversion_rate, tickets: r.tickets, complaints: r.complaints,
    csat: r.csat_n > 0 ? r.csat : null,
    csat_ci: r.csat_low != null && r.csat_high != null ? `${formatPercent(r.csat_low, locale)} – ${formatPercent(r.csat_high, locale)}` : null,
    csat_n: r.csat_n, csat_too_few: r.csat_too_few,
    purchases: r.purchases, gross_sales: r.gross_sales,
    notes: notes.length ? notes.join('; ') : null,
  };
};

/** Channel effectiveness in one quarter. */
export const channelsEffectivenessTable = (b: SiteBundle, locale: Locale, period: string | null): TableData => ({
  id: 'channels-effectiveness',
  title: t(locale, 'channels.table.effectiveness', { quarter: period ? formatPeriod(period, locale) : '—' }),
  columns: columns(locale, false),
  rows: channelRows(b, period).filter(active).map((r) => toRow(b, locale, r, false)),
});

/** The same per quarter over the trend window (newest quarter first). */
export const channelsTrendTable = (b: SiteBundle, locale: Locale): TableData => {
  const quarters = trendWindow(b, 'quarter', CHANNEL_TREND_QUARTERS).reverse();
  return {
    id: 'channels-trend',
    title: t(locale, 'channels.table.trend'),
    columns: columns(locale, true),
    rows: quarters.flatMap((q) => channelRows(b, q).filter(active).map((r) => toRow(b, locale, r, true))),
  };
};

export const channelsTables = (b: SiteBundle, locale: Locale): TableData[] => [
  channelsEffectivenessTable(b, locale, lastComplete(b, 'quarter')),
  channelsTrendTable(b, locale),
];
