import { describe, expect, test } from 'vitest';
import { migrationMatrix, type MigrationCell } from '../../src/charts/migration-matrix.ts';
import { prettySvg } from './pretty-svg.ts';

describe('migrationMatrix', () => {
  const tiers = ['A', 'B', 'C', '无交易'];
  const cells: MigrationCell[] = tiers.flatMap((from, i) => tiers.map((to, j) => ({ from, to, count: i === j ? 120 - 20 * i : 10 + i + j })));
  const zh = migrationMatrix({ cells, tiers, locale: 'zh-CN', title: '价值层级迁移' });

  test('snapshot', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/migration-matrix.zh-CN.svg');
  });
  test('labels in the locale', () => {
    expect(zh).toContain('>上期<');
    expect(zh).toContain('<title>A → B: 11</title>');
    expect(migrationMatrix({ cells, tiers, locale: 'en', title: 'Tier migration' })).toContain('>Previous<');
  });
});
