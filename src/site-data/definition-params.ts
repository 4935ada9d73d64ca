import { cutPercent, DEFAULT_DEFINITION_SETTINGS } from '../metrics/definition-settings.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { SiteBundle } from '../bundle/contract.ts';

/** The tier and RFM settings as the notes and column names state them (`{tierWindow}`, `{cutA}` …). */
export interface DefinitionParams {
  [name: string]: string | number;
  tierWindow: number;
  cutA: number;
  cutB: number;
  /** "近 12 个月" / "the last 12 months", or "全部历史" / "all history" when the window is 0 */
  rfmWindow: string;
}

export function definitionParams(b: Pick<SiteBundle, 'manifest'>, locale: Locale): DefinitionParams {
  const s = b.manifest.definitionSettings ?? DEFAULT_DEFINITION_SETTINGS;
  return {
    tierWindow: s.tierWindowMonths,
    cutA: cutPercent(s.tierCutA),
    cutB: cutPercent(s.tierCutB),
    rfmWindow: rfmWindowPhrase(s.rfmWindowMonths, locale),
  };
}

/** "近 12 个月" / "the last 12 months"; 0 months = "全部历史" / "all history" */
export const rfmWindowPhrase = (months: number, locale: Locale): string =>
  months === 0 ? t(locale, 'tiers.rfmWindow.all') : t(locale, 'tiers.rfmWindow.months', { n: months });
