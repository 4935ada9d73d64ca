import type { Config } from '../config/schema.ts';
import { defaultConfig } from '../config/schema.ts';

/**
 * The configured thresholds that KPI names, definitions and the tier notes mention (the 90 days
 * of "dormant", the 24 h of the response SLA …). Texts carry `{name}` placeholders filled from
 * these, so a site built with `dormantDays: 60` says 60 where it defines the figures.
 */
export interface DefinitionSettings {
  repeatWindowMonths: number;
  dormantDays: number;
  lostDays: number;
  conversionWindowDays: number;
  responseHours: number;
  visitHours: number;
  /** value tiers: trailing window and cumulative-share cuts (fractions) */
  tierWindowMonths: number;
  tierCutA: number;
  tierCutB: number;
  /** RFM window, 0 = all history */
  rfmWindowMonths: number;
}

export function definitionSettings(c: Config): DefinitionSettings {
  return {
    repeatWindowMonths: c.repeatWindowMonths,
    dormantDays: c.dormantDays,
    lostDays: c.lostDays,
    conversionWindowDays: c.conversionWindowDays,
    responseHours: c.sla.responseHours,
    visitHours: c.sla.visitHours,
    tierWindowMonths: c.valueTier.windowMonths,
    tierCutA: c.valueTier.cuts.A,
    tierCutB: c.valueTier.cuts.B,
    rfmWindowMonths: c.rfm.windowMonths,
  };
}

export const DEFAULT_DEFINITION_SETTINGS: DefinitionSettings = definitionSettings(defaultConfig());

/** a cut (0.8) as the number of percent written in texts (80; 87.5) */
export const cutPercent = (share: number): number => Math.round(share * 1000) / 10;

/** `text` with each `{name}` of the settings replaced by its value (cuts as percentages); other braces stay */
export function fillSettings(text: string, s: DefinitionSettings): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in s)) return m;
    const v = s[name as keyof DefinitionSettings];
    return String(name === 'tierCutA' || name === 'tierCutB' ? cutPercent(v) : v);
  });
}
