import type { Locale } from '../../i18n/index.ts';
import type { SiteBundle } from '../bundle.ts';
import type { TableData } from '../tables.ts';

/**
 * Every table the channels pages show, defined once: the page renders it and
 * /downloads/<table-id>.csv serves it (ids start with `channels-`).
 */
export const channelsTables = (_b: SiteBundle, _locale: Locale): TableData[] => [];
