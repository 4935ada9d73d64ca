import { describe, expect, test } from 'vitest';
import { intervalBars } from '../../src/charts/interval-bars.ts';
import { prettySvg } from './pretty-svg.ts';

describe('intervalBars', () => {
  const estimates = [
    { label: '电话', estimate: 0.82, low: 0.74, high: 0.88, n: 120 },
    { label: '微信', estimate: 0.9, low: 0.83, high: 0.94, n: 140 },
    { label: '邮件', estimate: null, low: null, high: null, n: 8 },
  ];
  const zh = intervalBars({ estimates, unit: 'ratio', locale: 'zh-CN', title: '各渠道客户满意度' });

  test('snapshot', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/interval-bars.zh-CN.svg');
  });
  test('interval and n in the tooltip, in the locale', () => {
    expect(zh).toContain('<title>电话: 82.0% (95% 置信区间 74.0% – 88.0%, n = 120)</title>');
    expect(zh).toContain('>n=8<');
    const en = intervalBars({ estimates: [{ label: 'All', estimate: 31, low: 22, high: 40, n: 210 }], unit: 'nps', locale: 'en', title: 'NPS' });
    expect(en).toContain('All: +31 (95 % confidence interval +22 – +40, n = 210)');
  });
});
