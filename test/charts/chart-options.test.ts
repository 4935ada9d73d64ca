import { describe, expect, test } from 'vitest';
import { cohortHeatmap } from '../../src/charts/cohort-heatmap.ts';
import { migrationMatrix } from '../../src/charts/migration-matrix.ts';

describe('optional chart settings used by the tiers and retention pages', () => {
  test('cohortHeatmap: width widens the chart, default stays 640', () => {
    const cells = [{ cohort: '2026-01', offset: 0, value: 1 }, { cohort: '2026-01', offset: 1, value: 0.4 }];
    expect(cohortHeatmap({ cells, locale: 'en', title: 'x', offsetLabel: 'k' })).toContain('width="640"');
    expect(cohortHeatmap({ cells, locale: 'en', title: 'x', offsetLabel: 'k', width: 900 })).toContain('width="900"');
  });
  test('migrationMatrix: rows may differ from columns (the tiers plus "new")', () => {
    const tiers = ['A', 'B'];
    const cells = [{ from: 'A', to: 'A', count: 3 }, { from: 'new', to: 'B', count: 2 }];
    const svg = migrationMatrix({ cells, tiers, fromTiers: ['A', 'B', 'new'], locale: 'en', title: 'm' });
    // rows A, B, new → 3 × 40 + 60 high; columns A, B only → 120 + 2 × 70 wide
    expect(svg).toContain('height="180"');
    expect(svg).toContain('width="260"');
    expect(svg).toContain('>new<');
  });
});
