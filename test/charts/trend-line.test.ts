import { describe, expect, test } from 'vitest';
import { trendLine } from '../../src/charts/trend-line.ts';
import { revenue } from './fixtures.ts';
import { prettySvg } from './pretty-svg.ts';

describe('trendLine', () => {
  const zh = trendLine({ points: revenue, unit: 'currency', locale: 'zh-CN', title: '净销售额', current: '2026-Q3', previous: '2026-Q2' });
  const en = trendLine({ points: revenue, unit: 'currency', locale: 'en', title: 'Net revenue', current: '2026-Q3', previous: '2026-Q2' });

  test('snapshots', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/trend-line.zh-CN.svg');
    await expect(prettySvg(en)).toMatchFileSnapshot('__snapshots__/trend-line.en.svg');
  });
  test('accessible: role, text alternative and title', () => {
    expect(zh).toMatch(/^<svg [^>]*role="img"/);
    expect(zh).toContain('aria-label="净销售额，2025年第1季度 至 2026年第3季度：最新 2026年第3季度 ¥400万"');
    expect(zh).toContain('<title>净销售额</title>');
  });
  test('axis and tooltips in the page locale', () => {
    expect(zh).toContain('>2026年Q3<');
    expect(zh).toMatch(/>¥\d+万</);
    expect(zh).toContain('<title>2026年第3季度: ¥400万</title>');
    expect(en).toContain('>Q3 2026<');
    expect(en).toMatch(/>¥[\d.]+M</);
    expect(en).not.toMatch(/万/);
  });
  test('deterministic', () => {
    expect(trendLine({ points: revenue, unit: 'currency', locale: 'zh-CN', title: '净销售额', current: '2026-Q3', previous: '2026-Q2' })).toBe(zh);
  });
});
