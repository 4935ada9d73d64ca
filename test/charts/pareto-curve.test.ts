import { describe, expect, test } from 'vitest';
import { paretoCurve } from '../../src/charts/pareto-curve.ts';
import { prettySvg } from './pretty-svg.ts';

describe('paretoCurve', () => {
  const points = [0.1, 0.2, 0.4, 0.6, 0.8, 1].map((share, i) => ({ share, cumulative: [0.45, 0.66, 0.83, 0.92, 0.97, 1][i]! }));
  const en = paretoCurve({ points, locale: 'en', title: 'Revenue concentration', xLabel: 'Share of customers', yLabel: 'Share of revenue', cuts: [{ label: 'A', share: 0.4 }] });

  test('snapshot', async () => {
    await expect(prettySvg(en)).toMatchFileSnapshot('__snapshots__/pareto-curve.en.svg');
  });
  test('80 % point in the text alternative, labels as given', () => {
    expect(en).toContain('aria-label="Revenue concentration: the top 40% of categories make up 80 %"');
    expect(en).toContain('Share of customers');
    const zh = paretoCurve({ points, locale: 'zh-CN', title: '收入集中度', xLabel: '客户占比', yLabel: '收入占比' });
    expect(zh).toContain('aria-label="收入集中度：前 40% 的类别占 80%"');
  });
});
