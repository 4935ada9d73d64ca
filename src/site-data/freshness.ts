import { formatDate } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';

/**
 * The data page's freshness sentence: how far the newest record lies from the data date (asOf).
 * Days are whole calendar days between two ISO dates. A data date set before the newest record
 * (asOf in config.yaml) says so in words instead of a negative count ("−13 天").
 */
export type Freshness =
  | { kind: 'unknown' }
  | { kind: 'same' }
  | { kind: 'before'; days: number }
  | { kind: 'after'; days: number; newest: string };

const DAY_MS = 86_400_000;

export const freshness = (asOf: string, newest: string | null): Freshness => {
  if (newest == null) return { kind: 'unknown' };
  const days = Math.round((Date.parse(asOf) - Date.parse(newest)) / DAY_MS);
  if (days === 0) return { kind: 'same' };
  return days > 0 ? { kind: 'before', days } : { kind: 'after', days: -days, newest };
};

export const freshnessText = (f: Freshness, asOf: string, locale: Locale): string => {
  const date = formatDate(asOf, locale);
  switch (f.kind) {
    case 'unknown': return t(locale, 'site.asOf', { date });
    case 'same': return t(locale, 'data.freshnessSame', { asOf: date });
    case 'before': return t(locale, 'data.freshnessText', { asOf: date, days: f.days });
    case 'after': return t(locale, 'data.freshnessAfter', { asOf: date, days: f.days, newest: formatDate(f.newest, locale) });
  }
};
