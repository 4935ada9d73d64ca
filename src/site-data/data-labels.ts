import type { SiteBundle } from '../bundle/contract.ts';
import type { Locale } from '../i18n/index.ts';

/**
 * A label that comes from the data (a channel, a complaint category, a member level, a region,
 * a team, a status value) as the page's language shows it: config.yaml `labels` gives its text per
 * language; without an entry for the language the value is shown as the files write it (on an
 * English page, Chinese text is then marked lang="zh-CN" by lang-marking.ts). Display only: links,
 * sort order and CSV keys stay on the value itself.
 */
export const dataLabel = (b: Pick<SiteBundle, 'manifest'>, locale: Locale, value: string): string =>
  b.manifest.labels?.[value]?.[locale] ?? value;

/** the same, for a value that may be missing (null stays null) */
export const dataLabelOrNull = (b: Pick<SiteBundle, 'manifest'>, locale: Locale, value: string | null | undefined): string | null =>
  value == null ? null : dataLabel(b, locale, value);
