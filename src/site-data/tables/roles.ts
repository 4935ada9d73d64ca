import type { Locale } from '../../i18n/index.ts';
import type { SiteBundle } from '../bundle.ts';
import type { TableData } from '../tables.ts';

/**
 * Every table the roles pages show, defined once: the page renders it and
 * /downloads/<table-id>.csv serves it (ids start with `roles-`).
 */
export const rolesTables = (_b: SiteBundle, _locale: Locale): TableData[] => [];
