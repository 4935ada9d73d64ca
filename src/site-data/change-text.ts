import { formatDate, formatPeriod, formatPoints, formatSignedNumber, formatSignedPercent, NO_VALUE } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { KpiUnit } from '../model/kpi.ts';
import type { Change } from './kpi-index.ts';

/**
 * A change as shown: "+4.9%", "−1.5 pp", NPS "+3"; "—" when there is none. One place, so a tile,
 * a table and the summary agree. `formatSigned*` print "±0.0%" for a zero, never "−0".
 */
export const changeFigure = (c: Change, unit: KpiUnit, locale: Locale): string =>
  c.value == null ? NO_VALUE : c.kind === 'points' ? (unit === 'nps' ? formatSignedNumber(c.value, locale) : formatPoints(c.value, locale)) : formatSignedPercent(c.value, locale);

/** Why a change is "—" in words (null when there is a figure or the period itself has no value). */
export const changeReason = (c: Change, against: string | null | undefined, locale: Locale): string | null => {
  if (c.value != null || !c.reason || !against) return null;
  const period = formatPeriod(against, locale);
  if (c.reason === 'partial_start') return t(locale, 'brief.cmp.partialStart', { period, date: c.since ? formatDate(c.since, locale) : NO_VALUE });
  return t(locale, c.reason === 'no_data' ? 'brief.cmp.noData' : 'brief.cmp.zeroBase', { period });
};

/** For a sentence: "+4.9% vs Q2 2026", or the reason there is none. */
export const changePhrase = (c: Change, unit: KpiUnit, against: string | null | undefined, locale: Locale): string =>
  changeReason(c, against, locale) ??
  (against && c.value != null ? t(locale, 'brief.cmp.vs', { change: changeFigure(c, unit, locale), period: formatPeriod(against, locale) }) : NO_VALUE);
