import { describe, expect, test } from 'vitest';
import { intervalBars } from '../../src/charts/interval-bars.ts';
import { prettySvg } from './pretty-svg.ts';

describe('intervalBars with too few responses', () => {
  const estimates = [
    { label: '2026年Q2', estimate: 0.6, low: 0.45, high: 0.73, n: 40 },
    { label: '2026年Q3', estimate: 0.55, low: 0.33, high: 0.75, n: 18, muted: true },
  ];
  const zh = intervalBars({ estimates, unit: 'ratio', locale: 'zh-CN', title: '投诉处理满意度' });

  test('snapshot', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/interval-bars-muted.zh-CN.svg');
  });
  test('a muted estimate is drawn grey and its tooltip says too few responses', () => {
    expect(zh).toContain('stroke="#8a939d"');
    expect(zh).toContain('2026年Q3: 55.0% (95% 置信区间 33.0% – 75.0%, n = 18) · 答卷不足');
    expect(zh).not.toContain('2026年Q2: 60.0% (95% 置信区间 45.0% – 73.0%, n = 40) ·');
  });
  test('without muted estimates the chart has no grey marks', () => {
    const plain = intervalBars({ estimates: [estimates[0]!], unit: 'ratio', locale: 'en', title: 'CSAT' });
    expect(plain).not.toContain('#8a939d');
  });
});
