import { describe, expect, it } from 'vitest';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import { companyTargets } from '../../src/scoring/company-targets.ts';
import { staffTable, targetsTable } from './helpers.ts';

const staff = staffTable([
  { staff_id: 'a1', role: 'am', team: 'East' },
  { staff_id: 'a2', role: 'am', team: 'East' },
  { staff_id: 'b1', role: 'am', team: 'North' },
  { staff_id: 'c1', role: 'am', team: 'South' },
]);

const withEntity = (t: ReturnType<typeof targetsTable>, entity: (string | null)[]) =>
  ({ ...t, columns: { ...t.columns, entity } }) as unknown as ReturnType<typeof targetsTable>;

describe('companyTargets', () => {
  it('sums team rows, else members’ rows, and says how many teams of how many', () => {
    const t = targetsTable([
      { team: 'East', period: '2026-Q3', kpi: 'revenue', target: 500 },
      // East has a team row: its members' rows do not add to it
      { staff_id: 'a1', period: '2026-Q3', kpi: 'revenue', target: 999 },
      { staff_id: 'b1', period: '2026-Q3', kpi: 'revenue', target: 120 },
      { staff_id: 'b1', period: '2026-Q3', kpi: 'revenue', target: 7 }, // a repeat: the first row wins
    ]);
    const rows = companyTargets(t, staff, kpiCatalogue);
    // East 500 (its team row) + North 120 (its one member's row) = 620; South has none
    expect(rows).toEqual([{ period: '2026-Q3', kpi: 'revenue', target: 620, source: 'teams', teams: 2, teamsTotal: 3 }]);
  });

  it('uses the company row when there is one, and gives ratios no sum', () => {
    const t = withEntity(
      targetsTable([
        { period: '2026-Q3', kpi: 'revenue', target: 2000 },
        { team: 'East', period: '2026-Q3', kpi: 'revenue', target: 500 },
        { team: 'East', period: '2026-Q3', kpi: 'repeat_rate', target: 0.6 },
        { period: '2026-Q3', kpi: 'retention_rate', target: 0.7 },
      ]),
      ['company', null, null, 'company'],
    );
    expect(companyTargets(t, staff, kpiCatalogue)).toEqual([
      { period: '2026-Q3', kpi: 'retention_rate', target: 0.7, source: 'company', teams: 0, teamsTotal: 3 },
      { period: '2026-Q3', kpi: 'revenue', target: 2000, source: 'company', teams: 0, teamsTotal: 3 },
    ]);
  });

  it('sums targets with decimals exactly: 0.1 + 0.2 + 100000.07 is 100000.37, not a sum of doubles', () => {
    const t = targetsTable([
      { team: 'East', period: '2026-Q3', kpi: 'revenue', target: 0.1 },
      { staff_id: 'b1', period: '2026-Q3', kpi: 'revenue', target: 0.2 },
      { staff_id: 'c1', period: '2026-Q3', kpi: 'revenue', target: 100000.07 },
    ]);
    // as doubles, 0.1 + 0.2 + 100000.07 is 100000.37000000001
    expect(companyTargets(t, staff, kpiCatalogue)[0]!.target).toBe(100000.37);
    // a team's members: 0.1 + 0.2 = 0.3
    const m = targetsTable([
      { staff_id: 'a1', period: '2026-Q3', kpi: 'revenue', target: 0.1 },
      { staff_id: 'a2', period: '2026-Q3', kpi: 'revenue', target: 0.2 },
    ]);
    expect(companyTargets(m, staff, kpiCatalogue)[0]!.target).toBe(0.3);
  });

  it('is empty without targets.csv', () => {
    expect(companyTargets(null, staff, kpiCatalogue)).toEqual([]);
  });
});
