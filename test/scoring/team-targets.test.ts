import { describe, expect, it } from 'vitest';
import { indexTargets, sumOfMemberTargets } from '../../src/scoring/index.ts';
import type { Dataset } from '../../src/model/tables.ts';

const targets = (rows: { staff_id: string | null; team: string | null; period: string; kpi: string; target: number }[]): Dataset['targets'] => ({
  name: 'targets',
  rows: rows.length,
  line: rows.map((_, i) => i + 2),
  columns: {
    entity: rows.map(() => null),
    staff_id: rows.map((r) => r.staff_id),
    team: rows.map((r) => r.team),
    period: rows.map((r) => r.period),
    kpi: rows.map((r) => r.kpi),
    target: rows.map((r) => r.target),
  },
});

describe('a team’s target for an additive KPI', () => {
  const index = indexTargets(targets([
    { staff_id: 'S1', team: null, period: '2026-Q3', kpi: 'revenue', target: 500_000 },
    { staff_id: 'S2', team: null, period: '2026-Q3', kpi: 'revenue', target: 300_000 },
  ]));

  it('sums each member’s own target, falling back to the card default per member', () => {
    // S1 500,000 (targets.csv) + S2 300,000 (targets.csv) + S3 420,000 (card default) = 1,220,000
    const members = [
      { staff_id: 'S1', cardTarget: 420_000 },
      { staff_id: 'S2', cardTarget: 420_000 },
      { staff_id: 'S3', cardTarget: 420_000 },
    ];
    expect(sumOfMemberTargets(index, members, '2026-Q3', 'revenue')).toBe(1_220_000);
  });

  it('is null when no member has a target', () => {
    expect(sumOfMemberTargets(index, [{ staff_id: 'S9', cardTarget: null }], '2026-Q3', 'revenue')).toBeNull();
    expect(sumOfMemberTargets(index, [], '2026-Q3', 'revenue')).toBeNull();
  });
});
