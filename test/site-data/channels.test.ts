import { describe, expect, test } from 'vitest';
import type { ChannelRow } from '../../src/metrics/channels.ts';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import type { Manifest, PeriodInfo, SiteBundle } from '../../src/bundle/contract.ts';
import { channelsView, hasData } from '../../src/site-data/channels-page.ts';
import { channelRows, channelsEffectivenessTable, channelsTables, channelsTrendTable } from '../../src/site-data/tables/channels.ts';

const p = (id: string, complete = true): PeriodInfo => ({ id, start: '', end: '', complete });
const manifest: Manifest = {
  asOf: '2026-08-15', definitionsVersion: '1', fingerprints: [], rowCounts: {}, title: { 'zh-CN': '甲', en: 'A' },
  periods: { quarter: [p('2026-Q1'), p('2026-Q2'), p('2026-Q3', false)], month: [], year: [] },
  lastCompleteQuarter: '2026-Q2', lastCompleteMonth: '2026-07', filesPresent: ['orders', 'interactions'],
};
const zero: Omit<ChannelRow, 'channel' | 'period'> = {
  grain: 'quarter', interactions: 0, customers_reached: 0, conversions: 0, conversion_rate: null, tickets: 0, complaints: 0,
  csat_n: 0, csat_satisfied: 0, csat: null, csat_low: null, csat_high: null, csat_too_few: true, purchases: 0, gross_sales: 0,
};
const row = (channel: string | null, period: string, o: Partial<ChannelRow> = {}): ChannelRow => ({ ...zero, channel, period, ...o });
const rows: ChannelRow[] = [
  row('门店', '2026-Q2', { purchases: 4, gross_sales: 1000 }),
  row('微信', '2026-Q2', { interactions: 10, customers_reached: 8, conversions: 3, conversion_rate: 0.3, tickets: 2, complaints: 1, csat_n: 5, csat_satisfied: 4, csat: 0.8, csat_low: 0.7, csat_high: 0.9, csat_too_few: true }),
  row(null, '2026-Q2', { interactions: 1, customers_reached: 1, conversions: 1, conversion_rate: 1 }),
  row('邮件', '2026-Q2'),
  row('微信', '2026-Q1', { interactions: 4, customers_reached: 4, conversions: 2, conversion_rate: 0.5 }),
  row('微信', '2026-Q3', { interactions: 99 }),
];
const bundle = (): SiteBundle => ({
  manifest, ledger: [], kpis: [], catalogue: kpiCatalogue, cohorts: null, customers: null, statusCounts: null, rfm: null, valueTiers: null,
  migration: null, ticketFacts: null, complaintCategories: null, backlog: null, satisfaction: null, channels: rows, people: null, roles: null,
  scores: null, teamScores: null, weights: null, scoringWarnings: null, customerHealth: null, customerPortfolio: null,
});

describe('channels tables', () => {
  const b = bundle();
  test('rows of one quarter, busiest first (interactions, then purchases)', () => {
    expect(channelRows(b, '2026-Q2').map((r) => r.channel)).toEqual(['微信', null, '门店', '邮件']);
    expect(channelRows(b, null)).toEqual([]);
  });
  test('effectiveness: the last complete quarter, empty channels left out, published figures and reasons', () => {
    const t = channelsEffectivenessTable(b, 'zh-CN', '2026-Q2');
    expect(t.id).toBe('channels-effectiveness');
    expect(t.rows.map((r) => r.channel)).toEqual(['微信', '（未记录渠道）', '门店']);
    expect(t.rows[0]).toMatchObject({ interactions: 10, customers_reached: 8, conversions: 3, conversion_rate: 0.3, complaints: 1, csat: 0.8, csat_ci: '70.0% – 90.0%', csat_n: 5 });
    expect(String(t.rows[0]!.notes)).toContain('答卷数不足');
    expect(t.rows[2]).toMatchObject({ conversion_rate: null, csat: null, csat_ci: null, purchases: 4, gross_sales: 1000 });
    expect(String(t.rows[2]!.notes)).toContain('本季度没有互动');
  });
  test('trend: complete quarters only, newest first', () => {
    const t = channelsTrendTable(b, 'en');
    expect(t.rows.map((r) => `${r.period_id} ${r.channel}`)).toEqual(['2026-Q2 微信', '2026-Q2 (no channel recorded)', '2026-Q2 门店', '2026-Q1 微信']);
    expect(t.rows[3]).toMatchObject({ period: 'Q1 2026', conversion_rate: 0.5 });
  });
  test('tables with the default period; no channel file gives empty tables', () => {
    expect(channelsTables(b, 'zh-CN').map((t) => [t.id, t.rows.length])).toEqual([['channels-effectiveness', 3], ['channels-trend', 4]]);
    expect(channelsTables({ ...b, channels: null }, 'en').map((t) => t.rows.length)).toEqual([0, 0]);
  });
});

describe('the channels page view model', () => {
  const v = channelsView(bundle(), 'en');
  test('the last complete quarter and the trend window of complete quarters', () => {
    expect(v.quarter).toBe('2026-Q2');
    expect(v.qLabel).toBe('Q2 2026');
    expect(v.quarters).toEqual(['2026-Q1', '2026-Q2']);
  });
  test('comparison charts: each drawn from its own rows, largest first, empty ones said so', () => {
    const by = Object.fromEntries(v.charts.map((c) => [c.id, c]));
    // interactions: channels with any; the unrecorded channel is named, not null
    expect(by.interactions).toMatchObject({ kind: 'bars', unit: 'count', bars: [{ label: '微信', value: 10 }, { label: '(no channel recorded)', value: 1 }] });
    expect(by.conversion).toMatchObject({ bars: [{ value: 1 }, { label: '微信', value: 0.3 }] });
    // only 门店 has purchases; only 微信 has survey answers and tickets
    expect(by.sales).toMatchObject({ unit: 'currency', bars: [{ label: '门店', value: 1000 }] });
    expect(by.csat).toMatchObject({ kind: 'intervals', estimates: [{ label: '微信', estimate: 0.8, low: 0.7, high: 0.9, n: 5 }] });
    expect(by.complaints).toMatchObject({ bars: [{ label: '微信', value: 1 }] });
    expect(v.charts.every(hasData)).toBe(true);
    const none = channelsView({ ...bundle(), channels: [] }, 'en');
    expect(none.charts.some(hasData)).toBe(false);
    expect(none.trend).toEqual([]);
  });
  test('the conversion trend: channels with interactions in the window, the incomplete quarter left out', () => {
    const key = (p: { series: string; period: string }) => `${p.series} ${p.period}`;
    expect([...v.trend].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([
      { series: '(no channel recorded)', period: '2026-Q2', value: 1 },
      { series: '微信', period: '2026-Q1', value: 0.5 },
      { series: '微信', period: '2026-Q2', value: 0.3 },
    ].sort((a, b) => key(a).localeCompare(key(b))));
    expect(v.trend.some((p) => p.period === '2026-Q3')).toBe(false);
  });
});

