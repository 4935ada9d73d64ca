import { describe, expect, test } from 'vitest';
import { barChart } from '../../src/charts/bar-chart.ts';
import { prettySvg } from './pretty-svg.ts';

describe('barChart', () => {
  const bars = [{ label: '华东一部', value: 2_240_000 }, { label: '华北二部', value: 1_830_000 }, { label: '<script>alert(1)</script>', value: 12_000 }];
  const zh = barChart({ bars, unit: 'currency', locale: 'zh-CN', title: '各团队销售额', highlight: '华北二部' });

  test('snapshot', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/bar-chart.zh-CN.svg');
  });
  test('text from data is escaped', () => {
    expect(zh).not.toContain('<script>');
    expect(zh).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  test('labels in the locale', () => {
    expect(zh).toContain('>¥224万<');
    expect(zh).toContain('aria-label="各团队销售额：3 个类别，最大为 华东一部（¥224万）"');
    const en = barChart({ bars, unit: 'currency', locale: 'en', title: 'Revenue by team' });
    expect(en).toContain('>¥2.2M<');
    expect(en).toContain('Revenue by team: 3 categories, largest 华东一部 (¥2.2M)');
  });
});
