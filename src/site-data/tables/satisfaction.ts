import { formatPeriod } from '../../i18n/format.ts';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import type { SatisfactionDetailRow } from '../../metrics/satisfaction-detail.ts';
import type { SiteBundle } from '../../bundle/contract.ts';
import { pagePeriods } from '../periods.ts';
import type { Row, TableColumn, TableData } from '../table-data.ts';
import { teamHref } from '../paths.ts';
import { column as col } from '../column.ts';
import { dataLabel } from '../data-labels.ts';

/**
 * Every table the satisfaction pages show, defined once: the page renders it and
 * /downloads/<table-id>.csv serves it (ids start with `satisfaction-`).
 * Rows are the published survey figures (bundle.satisfaction.detail): selected and sorted only.
 */


export interface SatFilter {
  entity_type: SatisfactionDetailRow['entity_type'];
  entity_id?: string;
  /** undefined = any; null = all channels only */
  channel?: string | null;
  period: string;
  measure: string;
}

/** Detail rows by period and measure, built once per bundle (pages ask thousands of times). */
const byPeriodMeasure = new WeakMap<object, Map<string, SatisfactionDetailRow[]>>();
const detailFor = (b: SiteBundle, period: string, measure: string): SatisfactionDetailRow[] => {
  const detail = b.satisfaction?.detail ?? [];
  let index = byPeriodMeasure.get(detail);
  if (!index) {
    index = new Map();
    for (const r of detail) {
      const k = `${r.period}\u0000${r.measure}`;
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    byPeriodMeasure.set(detail, index);
  }
  return index.get(`${period}\u0000${measure}`) ?? [];
};

/** Published detail rows matching the filter (in published order). */
export const satRows = (b: SiteBundle, f: SatFilter): SatisfactionDetailRow[] =>
  (f.period !== undefined && f.measure !== undefined ? detailFor(b, f.period, f.measure) : (b.satisfaction?.detail ?? [])).filter((r) =>
    r.entity_type === f.entity_type && r.period === f.period && r.measure === f.measure &&
    (f.entity_id === undefined || r.entity_id === f.entity_id) &&
    (f.channel === undefined || r.channel === f.channel));

/** The company figure (all channels) of a measure in a period. */
export const companySat = (b: SiteBundle, period: string, measure: string): SatisfactionDetailRow | undefined =>
  satRows(b, { entity_type: 'company', entity_id: 'company', channel: null, period, measure })[0];

const knownDims = new Set(['quality', 'price', 'delivery', 'service']);
/** A dimension's label: the known ones are translated, others keep their column name. */
export const dimLabel = (locale: Locale, dim: string): string =>
  knownDims.has(dim) ? t(locale, `satisfaction.dim.${dim}` as MessageKey) : dim;

export const measureLabel = (b: SiteBundle, locale: Locale, measure: string): string => {
  if (measure.startsWith('dim_')) return dimLabel(locale, measure.slice(4));
  const d = b.catalogue.find((c) => c.id === measure);
  return d ? d.name[locale] : measure;
};

const unitOf = (measure: string) => (measure === 'nps' ? 'nps' : 'ratio');

const estimateCols = (locale: Locale): TableColumn[] => [
  col('value', t(locale, 'satisfaction.col.value'), 'ratio', undefined, { unitKey: 'unit' }),
  col('low', t(locale, 'satisfaction.col.low'), 'ratio', undefined, { unitKey: 'unit' }),
  col('high', t(locale, 'satisfaction.col.high'), 'ratio', undefined, { unitKey: 'unit' }),
  col('margin_of_error', t(locale, 'satisfaction.col.moe'), 'ratio', undefined, { unitKey: 'moe_unit' }),
  col('n', t(locale, 'satisfaction.col.n'), 'count'),
];

const estimateCells = (locale: Locale, r: SatisfactionDetailRow): Row => ({
  unit: unitOf(r.measure),
  // NPS margin is in points: shown as a plain count of points
  moe_unit: r.measure === 'nps' ? 'count' : 'ratio',
  value: r.value, low: r.low, high: r.high, margin_of_error: r.margin_of_error,
  n: r.n,
  note: r.too_few ? t(locale, 'satisfaction.tooFew') : null,
  too_few: r.too_few,
});

export const satisfactionSummaryTable = (b: SiteBundle, locale: Locale, period: string): TableData => ({
  id: `satisfaction-summary-${period}`,
  title: t(locale, 'satisfaction.table.summary', { period: formatPeriod(period, locale) }),
  columns: [col('measure', t(locale, 'satisfaction.col.measure'), 'text'), ...estimateCols(locale), col('note', t(locale, 'satisfaction.col.note'), 'text')],
  rows: ['csat', 'nps'].flatMap((m) => {
    const r = companySat(b, period, m);
    return r ? [{ measure: measureLabel(b, locale, m), measure_id: m, ...estimateCells(locale, r) }] : [];
  }),
});

export const satisfactionDimensionsTable = (b: SiteBundle, locale: Locale, period: string): TableData => ({
  id: `satisfaction-dimensions-${period}`,
  title: t(locale, 'satisfaction.table.dimensions', { period: formatPeriod(period, locale) }),
  columns: [
    col('dimension', t(locale, 'satisfaction.col.dimension'), 'text'),
    ...estimateCols(locale).slice(0, 4),
    col('mean', t(locale, 'satisfaction.col.mean'), 'count', t(locale, 'satisfaction.unitScore')),
    col('n', t(locale, 'satisfaction.col.n'), 'count'),
    col('note', t(locale, 'satisfaction.col.note'), 'text'),
  ],
  rows: (b.satisfaction?.dimensions ?? []).flatMap((d) => {
    const r = companySat(b, period, `dim_${d}`);
    // mean is a 1–5 score: shown with its decimals (a text cell keeps two of them)
    return r ? [{ dimension: dimLabel(locale, d), dim: d, ...estimateCells(locale, r), mean: r.mean == null ? null : r.mean.toFixed(2) }] : [];
  }),
});

/** One row per breakdown key (channel or team) with CSAT and NPS side by side. */
const pairRows = (locale: Locale, keys: string[], get: (key: string, m: string) => SatisfactionDetailRow | undefined, extra: (key: string) => Row): Row[] =>
  keys.map((k) => {
    const c = get(k, 'csat');
    const n = get(k, 'nps');
    const few = [c, n].some((r) => r?.too_few);
    return {
      ...extra(k),
      csat: c?.value ?? null, csat_low: c?.low ?? null, csat_high: c?.high ?? null, csat_n: c?.n ?? null,
      nps: n?.value ?? null, nps_low: n?.low ?? null, nps_high: n?.high ?? null, nps_n: n?.n ?? null,
      note: few ? t(locale, 'satisfaction.tooFew') : null,
    };
  });

const pairCols = (locale: Locale): TableColumn[] => [
  col('csat', t(locale, 'satisfaction.col.csat'), 'ratio', t(locale, 'unit.ratio')),
  col('csat_low', `${t(locale, 'satisfaction.col.csat')} ${t(locale, 'satisfaction.col.low')}`, 'ratio', t(locale, 'unit.ratio')),
  col('csat_high', `${t(locale, 'satisfaction.col.csat')} ${t(locale, 'satisfaction.col.high')}`, 'ratio', t(locale, 'unit.ratio')),
  col('csat_n', t(locale, 'satisfaction.col.csatN'), 'count'),
  col('nps', t(locale, 'satisfaction.col.nps'), 'nps', t(locale, 'satisfaction.unitPoints')),
  col('nps_low', `${t(locale, 'satisfaction.col.nps')} ${t(locale, 'satisfaction.col.low')}`, 'nps', t(locale, 'satisfaction.unitPoints')),
  col('nps_high', `${t(locale, 'satisfaction.col.nps')} ${t(locale, 'satisfaction.col.high')}`, 'nps', t(locale, 'satisfaction.unitPoints')),
  col('nps_n', t(locale, 'satisfaction.col.npsN'), 'count'),
  col('note', t(locale, 'satisfaction.col.note'), 'text'),
];

/** Channels with published company rows in the period, sorted by name. */
export const satChannels = (b: SiteBundle, period: string): string[] =>
  [...new Set((b.satisfaction?.detail ?? []).filter((r) => r.entity_type === 'company' && r.period === period && r.channel !== null).map((r) => r.channel!))].sort();

/** Teams with published rows in the period, in published order. */
export const satTeams = (b: SiteBundle, period: string): string[] =>
  [...new Set((b.satisfaction?.detail ?? []).filter((r) => r.entity_type === 'team' && r.period === period && r.channel === null).map((r) => r.entity_id))];

export const satisfactionChannelsTable = (b: SiteBundle, locale: Locale, period: string): TableData => ({
  id: `satisfaction-channels-${period}`,
  title: t(locale, 'satisfaction.table.channels', { period: formatPeriod(period, locale) }),
  columns: [col('channel', t(locale, 'satisfaction.col.channel'), 'text'), ...pairCols(locale)],
  rows: pairRows(locale, satChannels(b, period),
    (ch, m) => satRows(b, { entity_type: 'company', channel: ch, period, measure: m })[0],
    (ch) => ({ channel: dataLabel(b, locale, ch) })),
});

export const satisfactionTeamsTable = (b: SiteBundle, locale: Locale, period: string): TableData => ({
  id: `satisfaction-teams-${period}`,
  title: t(locale, 'satisfaction.table.teams', { period: formatPeriod(period, locale) }),
  columns: [col('team', t(locale, 'satisfaction.col.team'), 'text', undefined, { hrefKey: 'href' }), ...pairCols(locale)],
  rows: pairRows(locale, satTeams(b, period),
    (team, m) => satRows(b, { entity_type: 'team', entity_id: team, channel: null, period, measure: m })[0],
    (team) => ({ team, href: teamHref(b, locale, team) })),
});

export const satisfactionTables = (b: SiteBundle, locale: Locale): TableData[] => {
  const { quarter, month } = pagePeriods(b.manifest);
  return [...quarter, ...month].flatMap((p) => [
    satisfactionSummaryTable(b, locale, p.id),
    satisfactionDimensionsTable(b, locale, p.id),
    satisfactionChannelsTable(b, locale, p.id),
    satisfactionTeamsTable(b, locale, p.id),
  ]);
};
