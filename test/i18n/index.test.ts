import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { localePath, parseLocalePath, switchLocalePath, t } from '../../src/i18n/index.ts';
import { zhCN, type Messages } from '../../src/i18n/zh-CN.ts';

describe('dictionaries', () => {
  test('the same keys in both locales, no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const v of [...Object.values(en), ...Object.values(zhCN)]) expect(v.trim()).not.toBe('');
  });
  test('placeholders match between locales', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect(names(en[k]), k).toEqual(names(zhCN[k]));
  });
  test('a dictionary missing a key does not type-check (tsc fails on the line below otherwise)', () => {
    // @ts-expect-error 'site.skip' alone is not a complete Messages object
    const incomplete: Messages = { 'site.skip': 'x' };
    expect(Object.keys(incomplete)).toHaveLength(1);
  });
  test('t fills parameters', () => {
    expect(t('zh-CN', 'site.asOf', { date: '2026年11月18日' })).toBe('数据截至 2026年11月18日');
    expect(t('en', 'kpi.n', { n: 5 })).toBe('n = 5');
    expect(t('en', 'kpi.n')).toBe('n = {n}');
  });
});

describe('locale paths', () => {
  test('localePath adds the prefix, base and trailing slash', () => {
    expect(localePath('zh-CN', '/')).toBe('/');
    expect(localePath('en', '/')).toBe('/en/');
    expect(localePath('en', '/data')).toBe('/en/data/');
    expect(localePath('zh-CN', '/2026-Q3/#revenue-trend')).toBe('/2026-Q3/#revenue-trend');
    expect(localePath('en', '/downloads/kpis.csv')).toBe('/en/downloads/kpis.csv');
    expect(localePath('en', '/data/', '/sub/')).toBe('/sub/en/data/');
    expect(localePath('zh-CN', '/data/', '/sub')).toBe('/sub/data/');
  });
  test('switchLocalePath keeps the page and the period segment', () => {
    expect(switchLocalePath('/')).toBe('/en/');
    expect(switchLocalePath('/en/')).toBe('/');
    expect(switchLocalePath('/2026-Q3/')).toBe('/en/2026-Q3/');
    expect(switchLocalePath('/en/kpis/2026-Q3/')).toBe('/kpis/2026-Q3/');
    expect(switchLocalePath('/sub/en/data/', '/sub/')).toBe('/sub/data/');
    expect(switchLocalePath('/sub/data/', '/sub/')).toBe('/sub/en/data/');
    expect(switchLocalePath('/en/data/', '/', 'en')).toBe('/en/data/');
  });
  test('parseLocalePath does not mistake a page named like a locale prefix', () => {
    expect(parseLocalePath('/entities/')).toEqual({ locale: 'zh-CN', path: '/entities/' });
    expect(parseLocalePath('/en')).toEqual({ locale: 'en', path: '/' });
  });
});
