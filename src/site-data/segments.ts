import { rfmSegments } from '../config/schema.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { AT_RISK_SEGMENTS } from '../metrics/segment-summary.ts';

/**
 * RFM segments as pages show them, defined once: the display order (best first, the default
 * grid's names), the at-risk set (the metrics stage's, which computes the at-risk value) and the
 * label of each. A name from a custom config grid is shown as it is.
 */
export const segmentOrder = rfmSegments;
export const atRiskSegments = AT_RISK_SEGMENTS;
const known = new Set<string>(segmentOrder);

export const isKnownSegment = (segment: string): boolean => known.has(segment);

/** A segment's name in the locale; `null` → `none` (the caller's "no segment" phrase). */
export const segmentName = (segment: string, locale: Locale): string =>
  known.has(segment) ? t(locale, `tiers.segment.${segment}` as MessageKey) : segment;

/** The at-risk segments' names joined for a sentence: "流失风险、不能失去" / "At risk and Can’t lose". */
export const atRiskNames = (locale: Locale): string => {
  const names = atRiskSegments.map((s) => segmentName(s, locale));
  return locale === 'zh-CN' ? names.join('、') : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
};
