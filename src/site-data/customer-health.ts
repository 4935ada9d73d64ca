import { formatCount, formatMoney } from '../i18n/format.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { CustomerHealthRow } from '../metrics/customer-base/index.ts';
import type { SiteBundle } from '../bundle/contract.ts';

/**
 * The view model of the tiers page's customer-health section (src/metrics/customer-base): the
 * honest state (figures, or the reason there are none), the company's tiles, the P(alive)
 * distribution, the points of the P(alive) × value chart and the holdout chart's bars. Selection
 * and counting of published rows; no model figure is computed here.
 */
export const SCATTER_MAX = 400;
export const PALIVE_BANDS = 10;

export interface HealthTile {
  label: string;
  value: string;
}

export interface HealthView {
  /** null when there are figures; otherwise why not, in words */
  reason: string | null;
  lede: string;
  tiles: HealthTile[];
  /** why values are missing, or the spend-frequency correlation */
  spendNote: string | null;
  bands: { label: string; value: number }[];
  dots: { pAlive: number; value: number; atRisk: boolean }[];
  dotsTotal: number;
  threshold: number;
  holdout: { reason: string | null; period: string; bars: { repeats: string; series: string; value: number }[]; note: string | null };
  how: { plain: string; formulas: string };
}

const fixed = (v: number, d: number) => v.toFixed(d);

export function healthView(b: SiteBundle, locale: Locale): HealthView | null {
  const s = b.manifest.customerBase;
  if (!s) return null;
  const calEnd = s.settings.calibrationEnd;
  const unit = t(locale, `health.unit.${s.settings.timeUnit}` as MessageKey);
  const threshold = s.settings.pAliveThreshold;
  const how = {
    plain: t(locale, 'health.how.plain', { quantile: fixed(s.settings.highValueQuantile, 2) }),
    formulas: t(locale, 'health.how.formulas', { rate: fixed(s.settings.monthlyDiscountRate, 4), months: s.settings.horizonMonths }),
  };
  const holdout = holdoutView(b, locale);
  const base = { lede: t(locale, 'health.lede', { calEnd, unit }), threshold, holdout, how };
  if (!s.ok) {
    return { ...base, reason: t(locale, `health.reason.${s.reason}` as MessageKey, { calEnd }), tiles: [], spendNote: null, bands: [], dots: [], dotsTotal: 0 };
  }
  const co = (b.customerPortfolio ?? []).find((r) => r.level === 'company');
  const rows = b.customerHealth ?? [];
  const tiles: HealthTile[] = co
    ? [
        { label: t(locale, 'health.tile.customers'), value: formatCount(co.customers, locale) },
        { label: t(locale, 'health.tile.expectedActive'), value: formatCount(Math.round(co.expectedActive), locale) },
        { label: t(locale, 'health.tile.purchases90d'), value: formatCount(Math.round(co.purchases90d), locale) },
        { label: t(locale, 'health.tile.purchases12m'), value: formatCount(Math.round(co.purchases12m), locale) },
        ...(co.value !== null
          ? [
              { label: t(locale, 'health.tile.value', { months: s.settings.horizonMonths }), value: formatMoney(co.value, locale) },
              { label: t(locale, 'health.tile.atRisk', { threshold: fixed(threshold, 2) }), value: formatCount(co.atRisk, locale) },
              { label: t(locale, 'health.tile.valueAtRisk'), value: formatMoney(co.valueAtRisk, locale) },
            ]
          : []),
      ]
    : [];
  const spendNote = s.spend.ok
    ? s.spend.correlation !== null
      ? t(locale, 'health.correlation', { r: fixed(s.spend.correlation, 2) })
      : null
    : t(locale, `health.spend.${s.spend.reason}` as MessageKey);
  return { ...base, reason: null, tiles, spendNote, bands: pAliveBands(rows), dots: scatterDots(rows), dotsTotal: rows.length };
}

/** Customers per P(alive) band [0, 0.1), …, [0.9, 1.0]. */
export function pAliveBands(rows: readonly CustomerHealthRow[]): { label: string; value: number }[] {
  const counts = new Array<number>(PALIVE_BANDS).fill(0);
  for (const r of rows) counts[Math.min(PALIVE_BANDS - 1, Math.floor(r.p_alive * PALIVE_BANDS))]!++;
  return counts.map((value, i) => ({ label: `${(i / PALIVE_BANDS).toFixed(1)}–${((i + 1) / PALIVE_BANDS).toFixed(1)}`, value }));
}

/** The SCATTER_MAX customers with the highest value if still active (ties by id): the ones a call list is made of. */
export function scatterDots(rows: readonly CustomerHealthRow[]): HealthView['dots'] {
  return rows
    .filter((r) => r.value_if_active !== null)
    .sort((x, y) => y.value_if_active! - x.value_if_active! || (x.customer_id < y.customer_id ? -1 : 1))
    .slice(0, SCATTER_MAX)
    .map((r) => ({ pAlive: r.p_alive, value: r.value_if_active!, atRisk: r.at_risk }));
}

function holdoutView(b: SiteBundle, locale: Locale): HealthView['holdout'] {
  const h = b.manifest.customerBase?.holdout;
  if (!h) return { reason: null, period: '—', bars: [], note: null };
  if (!h.ok) return { reason: t(locale, `health.reason.${h.reason}` as MessageKey, { calEnd: '—' }), period: h.period ?? '—', bars: [], note: null };
  const forecast = t(locale, 'health.holdoutForecast');
  const actual = t(locale, 'health.holdoutActual');
  const bars = h.classes.flatMap((c) =>
    c.customers > 0
      ? [
          { repeats: c.repeats, series: forecast, value: c.forecast / c.customers },
          { repeats: c.repeats, series: actual, value: c.actual / c.customers },
        ]
      : [],
  );
  const note = t(locale, 'health.holdoutNote', { start: h.start, end: h.end, forecast: formatCount(Math.round(h.forecast), locale), actual: formatCount(h.actual, locale) });
  return { reason: null, period: h.period, bars, note };
}
