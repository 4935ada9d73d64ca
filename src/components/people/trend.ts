import { sparkline } from '../../charts/sparkline.ts';
import { formatPeriod, formatValue } from '../../i18n/format.ts';
import { pick, t, type Locale } from '../../i18n/index.ts';
import type { KpiUnit } from '../../model/kpi.ts';
import type { SiteBundle } from '../../bundle/contract.ts';
import { kpiDef, kpiRow } from '../../site-data/kpi-index.ts';
import { peopleIndex, type SubjectKind } from '../../site-data/tables/people.ts';

/**
 * Sparklines of the person and team cards: hand-built SVG strings (src/charts/sparkline.ts),
 * a few microseconds each, so a card with a dozen trends stays cheap at 2,000 people.
 */

const range = (window: string[], locale: Locale) => ({
  from: window[0] ? formatPeriod(window[0], locale) : '',
  to: window.at(-1) ? formatPeriod(window.at(-1)!, locale) : '',
});

/** Any series over the trend window (null = gap); null when nothing has a value. */
export const seriesSpark = (values: (number | null)[], label: string, unit: KpiUnit, window: string[], locale: Locale, width = 96): string | null => {
  if (!values.some((v) => v != null)) return null;
  const { from, to } = range(window, locale);
  const list = values.map((v, i) => `${window[i] ? formatPeriod(window[i]!, locale) : ''} ${formatValue(v, unit, locale)}`).join(locale === 'zh-CN' ? '，' : ', ');
  return sparkline({ values, width, alt: t(locale, 'people.trendAlt', { kpi: label, from, to, values: list }) });
};

/** A KPI of a person or team over the last quarters, from the published KPI rows. */
export const kpiSpark = (b: SiteBundle, locale: Locale, kind: SubjectKind, id: string, kpi: string): string | null => {
  const { window } = peopleIndex(b);
  const def = kpiDef(b, kpi);
  if (!def) return null;
  const e = { type: kind, id } as const;
  return seriesSpark(window.map((p) => kpiRow(b, e, p, kpi)?.value ?? null), pick(def.name, locale), def.unit, window, locale);
};

/** Score history (one role) as a sparkline: scores over the window, gaps where unscored. */
export const scoreSpark = (rows: { period: string; score: number | null }[], roleTitle: string, window: string[], locale: Locale): string | null => {
  const by = new Map(rows.map((r) => [r.period, r.score]));
  const values = window.map((p) => by.get(p) ?? null);
  if (!values.some((v) => v != null)) return null;
  const { from, to } = range(window, locale);
  const list = values.map((v, i) => `${formatPeriod(window[i]!, locale)} ${v == null ? '—' : v.toFixed(1)}`).join(locale === 'zh-CN' ? '，' : ', ');
  return sparkline({ values, width: 160, height: 32, alt: t(locale, 'people.historyAlt', { role: roleTitle, from, to, values: list }) });
};
