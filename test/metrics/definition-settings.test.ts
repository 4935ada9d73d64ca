import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { t, type Locale } from '../../src/i18n/index.ts';
import { DEFAULT_DEFINITION_SETTINGS, definitionSettings, fillSettings } from '../../src/metrics/definition-settings.ts';
import { kpiCatalogue, kpiCatalogueFor } from '../../src/metrics/kpi-catalogue.ts';
import { definitionParams } from '../../src/site-data/definition-params.ts';
import type { Manifest } from '../../src/bundle/contract.ts';

const custom = definitionSettings(configSchema.parse({
  repeatWindowMonths: 6, dormantDays: 60, lostDays: 200, conversionWindowDays: 14,
  sla: { responseHours: 12, visitHours: 72 },
  valueTier: { windowMonths: 24, cuts: { A: 0.7, B: 0.875 } },
  rfm: { windowMonths: 0 },
}));
const locales: Locale[] = ['zh-CN', 'en'];

describe('definitions state the configured thresholds', () => {
  it('fills the settings it knows and leaves other braces', () => {
    expect(fillSettings('{dormantDays} 天 · {tierCutB}% · {title}', custom)).toBe('60 天 · 87.5% · {title}');
  });

  it('the default catalogue states the defaults and has no placeholder left', () => {
    const texts = kpiCatalogue.flatMap((k) => [k.name['zh-CN'], k.name.en, k.definition['zh-CN'], k.definition.en]);
    expect(texts.filter((x) => x.includes('{'))).toEqual([]);
    const byId = new Map(kpiCatalogue.map((k) => [k.id, k]));
    expect(byId.get('reactivated')!.definition['zh-CN']).toContain('超过 90 天');
    expect(byId.get('response_sla_rate')!.name).toEqual({ 'zh-CN': '24小时响应达标率', en: '24 h response SLA rate' });
  });

  it('a catalogue for other settings says them, in both languages', () => {
    const byId = new Map(kpiCatalogueFor(custom).map((k) => [k.id, k]));
    const def = (id: string) => byId.get(id)!.definition;
    expect(def('repeat_rate').en).toContain('in the 6 months ending at period end');
    expect(def('repeat_rate')['zh-CN']).toContain('截至期末 6 个月内');
    expect(def('reactivated').en).toContain('more than 60 days');
    expect(def('reactivation_rate')['zh-CN']).toContain('60 天内未购买');
    expect(def('won_back').en).toContain('more than 200 days');
    expect(byId.get('response_sla_rate')!.name).toEqual({ 'zh-CN': '12小时响应达标率', en: '12 h response SLA rate' });
    expect(def('response_sla_rate').en).toContain('within 12 h');
    expect(byId.get('visit_sla_rate')!.name.en).toBe('72 h visit SLA rate');
    expect(def('conversion_rate')['zh-CN']).toContain('14 天内');
    // ids, units and directions do not change
    expect(kpiCatalogueFor(custom).map((k) => [k.id, k.unit, k.direction])).toEqual(kpiCatalogue.map((k) => [k.id, k.unit, k.direction]));
  });

  it('the tier and RFM notes take the windows and cuts of the bundle (RFM window 0 = all history)', () => {
    const manifest = (s?: typeof custom) => ({ manifest: { asOf: '2026-09-30', ...(s ? { definitionSettings: s } : {}) } as Manifest });
    const keys = ['tiers.valueDef', 'tiers.paretoNote', 'tiers.noRfm', 'people.portfolioNote', 'people.atRiskNote', 'people.col.monetary', 'people.segment.none'] as const;
    for (const locale of locales) {
      const p = definitionParams(manifest(custom), locale);
      expect(p).toEqual({ tierWindow: 24, cutA: 70, cutB: 87.5, rfmWindow: locale === 'en' ? 'all history' : '全部历史' });
      for (const k of keys) expect(t(locale, k, { ...p, top: 10, n: 3 })).not.toMatch(/[{}]/);
      // an older bundle without the settings reads as the defaults
      expect(definitionParams(manifest(), locale)).toEqual(definitionParams(manifest(DEFAULT_DEFINITION_SETTINGS), locale));
    }
    expect(t('zh-CN', 'tiers.valueDef', definitionParams(manifest(custom), 'zh-CN'))).toContain('近 24 个月净销售额 > 0 的客户按金额降序排列；排在该客户之前的客户累计占比 s < 70% 为 A');
    expect(t('en', 'people.col.monetary', definitionParams(manifest(), 'en'))).toBe('Spend over the last 12 months');
    expect(t('zh-CN', 'people.segment.none', definitionParams(manifest(), 'zh-CN'))).toBe('近 12 个月无购买');
  });
});
