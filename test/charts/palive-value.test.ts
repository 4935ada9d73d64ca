import { describe, expect, test } from 'vitest';
import { pAliveValue } from '../../src/charts/palive-value.ts';
import { holdoutBars } from '../../src/charts/holdout-bars.ts';

describe('P(alive) × value chart', () => {
  const dots = [
    { pAlive: 0.05, value: 12000, atRisk: true },
    { pAlive: 0.4, value: 3000, atRisk: true },
    { pAlive: 0.8, value: 9000, atRisk: false },
    { pAlive: 1, value: 500, atRisk: false },
  ];
  const zh = pAliveValue({ dots, threshold: 0.5, locale: 'zh-CN', title: '活跃概率 × 价值', xLabel: '活跃概率', yLabel: '价值' });
  test('snapshot', async () => {
    await expect(zh).toMatchFileSnapshot('__snapshots__/palive-value.zh-CN.svg');
  });
  test('one dot per customer, at-risk dots in the "bad" colour, the alt text counts them', () => {
    // each form (wide, phone) draws every customer
    const [wide, phone] = zh.split('class="plot plot-phone"');
    for (const form of [wide!, phone!]) {
      expect(form.match(/<circle/g)).toHaveLength(4);
      expect(form.match(/fill="#D55E00"/g)).toHaveLength(2);
    }
    expect(zh).toContain('aria-label="活跃概率 × 价值：4 位客户，其中 2 位为风险客户"');
  });
});

describe('holdout bars', () => {
  const bars = [
    { repeats: '0', series: 'Forecast', value: 0.5 },
    { repeats: '0', series: 'Actual', value: 1 },
    { repeats: '7+', series: 'Forecast', value: 2.5 },
    { repeats: '7+', series: 'Actual', value: 2 },
  ];
  const en = holdoutBars({ bars, series: ['Forecast', 'Actual'], locale: 'en', title: 'Holdout', xLabel: 'Repeat purchases before', yLabel: 'Per customer' });
  test('snapshot', async () => {
    await expect(en).toMatchFileSnapshot('__snapshots__/holdout-bars.en.svg');
  });
  test('a bar per class and series, with a legend', () => {
    expect(en.match(/<rect/g)?.length).toBeGreaterThanOrEqual(4);
    expect(en).toContain('Forecast');
    expect(en).toContain('aria-label="Holdout: forecast and actual purchases of 2 groups of customers"');
  });
});
