import { describe, expect, test } from 'vitest';
import type { ChannelRow } from '../../src/metrics/channels.ts';
import type { ComplaintCategoryRow } from '../../src/metrics/tickets.ts';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import type { Manifest, PeriodInfo, PublishedCustomer, SiteBundle } from '../../src/bundle/contract.ts';
import { configSchema } from '../../src/config/schema.ts';
import { dataLabel } from '../../src/site-data/data-labels.ts';
import { channelsView } from '../../src/site-data/channels-page.ts';
import { channelsEffectivenessTable } from '../../src/site-data/tables/channels.ts';
import { serviceCategoriesTable } from '../../src/site-data/tables/service.ts';
import { tiersMemberLevelsTable } from '../../src/site-data/tables/tiers.ts';
import { markChinese } from '../../src/site-data/lang-marking.ts';

/** #12: labels that come from the data, translated on English pages through config.yaml `labels`. */
const p = (id: string): PeriodInfo => ({ id, start: '', end: '', complete: true });
const labels = { 天猫: { en: 'Tmall' }, 物流: { en: 'Delivery' }, 金卡会员: { en: 'Gold', 'zh-CN': '金卡' } };
const manifest: Manifest = {
  asOf: '2026-08-15', definitionsVersion: '1', fingerprints: [], rowCounts: {}, title: { 'zh-CN': '甲', en: 'A' },
  periods: { quarter: [p('2026-Q2')], month: [], year: [] }, lastCompleteQuarter: '2026-Q2', lastCompleteMonth: null,
  filesPresent: ['orders', 'interactions', 'tickets'], labels,
};
const channel = (name: string, interactions: number): ChannelRow => ({
  channel: name, period: '2026-Q2', grain: 'quarter', interactions, customers_reached: 1, conversions: 0, conversion_rate: 0, tickets: 0, complaints: 0,
  csat_n: 0, csat_satisfied: 0, csat: null, csat_low: null, csat_high: null, csat_too_few: true, purchases: 0, gross_sales: 0,
});
const category = (name: string | null, rank: number): ComplaintCategoryRow => ({
  entity_type: 'company', entity_id: 'company', grain: 'quarter', period: '2026-Q2', category: name, rank, count: 3 - rank, share: 0.5, cumulative_share: rank / 2,
});
const customer = (id: string, level: string): PublishedCustomer => ({
  customer_id: id, name: null, owner_id: null, team: null, region: null, member_level: level, status: 'active', first_purchase: null, last_purchase: null,
  recency_days: null, frequency: null, monetary: null, r: null, f: null, m: null, segment: null, value_tier: 'A', value_revenue: 0, phone: null, email: null,
});
const bundle = (): SiteBundle => ({
  manifest, ledger: [], kpis: [], catalogue: kpiCatalogue, cohorts: null, customers: [customer('C1', '金卡会员'), customer('C2', '金卡会员'), customer('C3', '普通会员')],
  statusCounts: null, rfm: null, valueTiers: null, migration: null, ticketFacts: null,
  complaintCategories: [category('物流', 1), category('包装', 2)], backlog: null, satisfaction: null,
  channels: [channel('天猫', 5), channel('门店', 2)], people: null, roles: null,
  scores: null, teamScores: null, weights: null, scoringWarnings: null, customerHealth: null, customerPortfolio: null,
});

describe('config labels', () => {
  test('a plain string is the English text; an object gives either language', () => {
    const c = configSchema.parse({ labels: { 天猫: 'Tmall', 金卡会员: { en: 'Gold', 'zh-CN': '金卡' } } });
    expect(c.labels).toEqual({ 天猫: 'Tmall', 金卡会员: { en: 'Gold', 'zh-CN': '金卡' } });
    expect(configSchema.parse({}).labels).toEqual({});
    expect(configSchema.safeParse({ labels: { 天猫: { fr: 'x' } } }).success).toBe(false);
    expect(configSchema.safeParse({ labels: { 天猫: '' } }).success).toBe(false);
  });
  test('a value with an entry for the language is translated, any other stays as written', () => {
    const b = bundle();
    expect(dataLabel(b, 'en', '天猫')).toBe('Tmall');
    expect(dataLabel(b, 'zh-CN', '天猫')).toBe('天猫');
    expect(dataLabel(b, 'zh-CN', '金卡会员')).toBe('金卡');
    expect(dataLabel(b, 'en', '门店')).toBe('门店');
    expect(dataLabel({ manifest: { ...manifest, labels: undefined } }, 'en', '天猫')).toBe('天猫');
  });
});

describe('data labels on the pages', () => {
  const b = bundle();
  test('channels: table and charts in English where the dictionary has the channel', () => {
    expect(channelsEffectivenessTable(b, 'en', '2026-Q2').rows.map((r) => r.channel)).toEqual(['Tmall', '门店']);
    expect(channelsEffectivenessTable(b, 'zh-CN', '2026-Q2').rows.map((r) => r.channel)).toEqual(['天猫', '门店']);
    const bars = channelsView(b, 'en').charts.find((c) => c.id === 'interactions');
    expect(bars?.kind === 'bars' ? bars.bars.map((x) => x.label) : null).toEqual(['Tmall', '门店']);
  });
  test('complaint categories and member levels', () => {
    expect(serviceCategoriesTable(b, 'en', '2026-Q2').rows.map((r) => r.category)).toEqual(['Delivery', '包装']);
    expect(tiersMemberLevelsTable(b, 'en').rows.map((r) => [r.level, r.total])).toEqual([['Gold', 2], ['普通会员', 1]]);
    expect(tiersMemberLevelsTable(b, 'zh-CN').rows.map((r) => r.level)).toEqual(['金卡', '普通会员']);
  });
  test('an untranslated label is still marked lang="zh-CN" on an English page, a translated one is not', () => {
    const cells = channelsEffectivenessTable(b, 'en', '2026-Q2').rows.map((r) => `<td>${r.channel}</td>`).join('');
    expect(markChinese(cells)).toBe('<td>Tmall</td><td><span lang="zh-CN">门店</span></td>');
  });
});
