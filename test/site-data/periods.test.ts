import { describe, expect, test } from 'vitest';
import type { Manifest, PeriodInfo } from '../../src/bundle/contract.ts';
import { defaultPeriod, grainOf, pagePeriods, pickerPeriods, periodStaticPaths, previousPeriod, samePeriodLastYear } from '../../src/site-data/periods.ts';

const q = (id: string, complete = true): PeriodInfo => ({ id, start: '', end: '', complete });
const manifest = (over: Partial<Manifest> = {}): Manifest => ({
  asOf: '2026-11-18', definitionsVersion: '1', fingerprints: [], rowCounts: {},
  title: { 'zh-CN': '甲', en: 'A' },
  periods: {
    quarter: ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'].map((id) => q(id)).concat(q('2026-Q4', false)),
    month: Array.from({ length: 14 }, (_, i) => q(`2025-${String(i + 1).padStart(2, '0')}`)).map((p, i) => (i >= 12 ? { ...p, id: `2026-${String(i - 11).padStart(2, '0')}` } : p)).concat(q('2026-03', false)),
    year: [q('2025'), q('2026', false)],
  },
  lastCompleteQuarter: '2026-Q3', lastCompleteMonth: '2026-02', filesPresent: ['orders'],
  ...over,
});

describe('period ids', () => {
  test('grain, previous and last year', () => {
    expect(grainOf('2026-Q3')).toBe('quarter');
    expect(grainOf('2026-09')).toBe('month');
    expect(grainOf('2026')).toBe('year');
    expect(grainOf('2026-W3')).toBeNull();
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-10')).toBe('2026-09');
    expect(previousPeriod('2026')).toBe('2025');
    expect(samePeriodLastYear('2026-Q3')).toBe('2025-Q3');
    expect(samePeriodLastYear('2026-02')).toBe('2025-02');
    expect(samePeriodLastYear('nope')).toBeNull();
  });
});

describe('page periods', () => {
  test('every complete period has a page (a shared link lasts); the picker lists the last N and M; partial ones left out', () => {
    const all = pagePeriods(manifest());
    expect(all.quarter.map((x) => x.id)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1', '2024-Q4', '2024-Q3']);
    expect(all.month).toHaveLength(14);
    // site.periods / site.months limit the picker, never the pages
    expect(pagePeriods(manifest({ sitePeriods: 2, siteMonths: 0 })).quarter).toHaveLength(9);
    const p = pickerPeriods(manifest());
    expect(p.quarter.map((x) => x.id)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1', '2024-Q4']);
    expect(p.month).toHaveLength(12);
    expect(p.month[0]!.id).toBe('2026-02');
    expect(pickerPeriods(manifest({ sitePeriods: 2, siteMonths: 0 })).quarter.map((x) => x.id)).toEqual(['2026-Q3', '2026-Q2']);
    expect(pickerPeriods(manifest({ siteMonths: 0 })).month).toEqual([]);
    expect(pagePeriods(manifest(), { quarters: 1, months: 1 }).month.map((x) => x.id)).toEqual(['2026-02']);
  });
  test('the bare URL shows the last complete quarter', () => {
    expect(defaultPeriod(manifest())?.id).toBe('2026-Q3');
    expect(defaultPeriod(manifest({ lastCompleteQuarter: null }))?.id).toBe('2026-Q3');
    expect(defaultPeriod(manifest({ lastCompleteQuarter: null, periods: { quarter: [q('2026-Q4', false)], month: [], year: [] } }))).toBeNull();
  });
  test('static paths carry the period id', () => {
    const paths = periodStaticPaths(manifest(), { quarters: 2, months: 1 });
    expect(paths.map((p) => p.params.period)).toEqual(['2026-Q3', '2026-Q2', '2026-02']);
  });
});
