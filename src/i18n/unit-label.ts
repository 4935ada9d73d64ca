import type { KpiUnit } from '../model/kpi.ts';
import { currencyUnit } from './format.ts';
import { t } from './index.ts';
import type { Locale } from './locales.ts';

/** A unit in a header (`元`, `%`, `小时`): money in the site's currency (format.ts currencyUnit). */
export const unitLabel = (locale: Locale, unit: KpiUnit): string => (unit === 'currency' ? currencyUnit(locale) : t(locale, `unit.${unit}`));
