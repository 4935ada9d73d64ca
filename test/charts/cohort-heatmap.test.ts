import { describe, expect, test } from 'vitest';
import { cohortHeatmap, type CohortCell } from '../../src/charts/cohort-heatmap.ts';
import { prettySvg } from './pretty-svg.ts';

describe('cohortHeatmap', () => {
  const cohorts = ['2026-01', '2026-02', '2026-03'];
  const cells: CohortCell[] = cohorts.flatMap((cohort, ci) =>
    Array.from({ length: 3 - ci }, (_, offset) => ({ cohort, offset, value: offset === 0 ? 1 : 0.4 - 0.1 * offset + 0.02 * ci, partial: ci + offset === 2 })));
  const zh = cohortHeatmap({ cells, locale: 'zh-CN', title: '客户保留', offsetLabel: '首购后月数' });

  test('snapshot', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/cohort-heatmap.zh-CN.svg');
  });
  test('labels and text alternative', () => {
    expect(zh).toContain('首购后月数');
    expect(zh).toContain('>100%<');
    expect(zh).toContain('aria-label="客户保留：3 行 × 3 列"');
    expect(zh).toContain('<title>2026-02 +1: 32.0% *</title>');
  });
});
