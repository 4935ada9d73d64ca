import { describe, expect, test } from 'vitest';
import { multiLine, type SeriesPoint } from '../../src/charts/multi-line.ts';
import { prettySvg } from './pretty-svg.ts';

describe('multiLine', () => {
  const periods = ['2026-Q1', '2026-Q2', '2026-Q3'];
  const points: SeriesPoint[] = [
    { series: '微信', period: '2026-Q1', value: 0.31 },
    { series: '微信', period: '2026-Q2', value: null },
    { series: '微信', period: '2026-Q3', value: 0.33 },
    { series: '<b>上门</b>', period: '2026-Q1', value: 0.5 },
    { series: '<b>上门</b>', period: '2026-Q2', value: 0.45 },
    { series: '<b>上门</b>', period: '2026-Q3', value: 0.335 },
    { series: '邮件', period: '2025-Q4', value: 0.9 },
  ];
  const zh = multiLine({ points, periods, unit: 'ratio', locale: 'zh-CN', title: '各渠道转化率', alt: '{title}：{n} 个渠道，{from} 至 {to}；最新：{last}' });

  test('snapshot', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/multi-line.zh-CN.svg');
  });
  test('text alternative filled in, labels in the locale, data text escaped', () => {
    // inside a quoted attribute only `"` and `&` need escaping (HTML serialisation)
    expect(zh).toContain('aria-label="各渠道转化率：2 个渠道，2026年第1季度 至 2026年第3季度；最新：微信 33.0%，<b>上门</b> 33.5%"');
    expect(zh).toContain('2026年Q2');
    expect(zh).toContain('>&lt;b&gt;上门&lt;/b&gt;<');
    expect(zh).not.toMatch(/<b>[^"]*<\/text>/);
    const en = multiLine({ points, periods, unit: 'ratio', locale: 'en', title: 'Conversion', alt: '{title}: {n} series' });
    expect(en).toContain('aria-label="Conversion: 2 series"');
    expect(en).toContain('Q2 2026');
  });
  test('points outside the periods are not drawn; close end labels are pushed apart', () => {
    expect(zh).not.toContain('90.0%');
    // the two end labels (33 % and 33.5 %) would overlap: the upper one is shifted up (Plot turns dx/dy into a translate)
    expect(zh).toMatch(/transform="translate\(6,-\d+(\.\d+)?\)"/);
    expect(zh).toContain('transform="translate(6,0)"');
  });
});
