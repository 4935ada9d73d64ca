import { describe, expect, test } from 'vitest';
import { rfGrid, type RfCell } from '../../src/charts/rf-grid.ts';
import { prettySvg } from './pretty-svg.ts';

describe('rfGrid', () => {
  const cells: RfCell[] = [];
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) cells.push({ r, f, count: (r * 7 + f * 3) % 23 * 10, segment: r >= 4 && f >= 4 ? '重要价值' : r <= 2 ? '<b>沉睡</b>' : '一般' });
  const zh = rfGrid({ cells, locale: 'zh-CN', title: 'R×F 网格' });

  test('snapshot', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/rf-grid.zh-CN.svg');
  });
  test('axis labels in the locale, segment names escaped', () => {
    expect(zh).toContain('最近购买得分 R');
    expect(zh).toContain('购买频次得分 F');
    expect(zh).toContain('&lt;b&gt;沉睡&lt;/b&gt;');
    expect(zh).not.toContain('<b>');
    expect(rfGrid({ cells, locale: 'en', title: 'R×F grid' })).toContain('Frequency score F');
  });
});
