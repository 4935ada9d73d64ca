import { describe, expect, test } from 'vitest';
import { histogram } from '../../src/charts/histogram.ts';
import { prettySvg } from './pretty-svg.ts';

describe('histogram', () => {
  const bins = [0, 4, 8, 12, 16, 20, 24, 28].map((x0, i) => ({ x0, x1: x0 + 4, count: [40, 32, 20, 12, 8, 5, 3, 2][i]! }));
  const zh = histogram({ bins, locale: 'zh-CN', title: '首次响应时长分布', markers: [{ label: 'SLA 24 小时', hours: 24 }] });

  test('snapshot', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/histogram.zh-CN.svg');
  });
  test('hours and counts in the locale', () => {
    expect(zh).toContain('>↑ 数量<');
    expect(zh).toContain('小时');
    expect(zh).toContain('aria-label="首次响应时长分布：122 个观测值的分布"');
    const en = histogram({ bins, locale: 'en', title: 'Response times' });
    expect(en).toContain('>↑ Count<');
    expect(en).toContain('>24 h<');
  });
});
