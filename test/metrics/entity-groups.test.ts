import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/lib/time-zone.ts';
import { CellCounters, EntityGroups, rollUp } from '../../src/metrics/entity-groups.ts';
import { periodGrid } from '../../src/metrics/period-grid.ts';

const teams: Record<string, string> = { p1: 'T1', p2: 'T1', p3: 'T2' };
const teamOf = (p: string | null) => (p === null ? null : (teams[p] ?? null));

describe('EntityGroups', () => {
  it('registers entities in order of first appearance: company, then person, team, region of each new group', () => {
    const g = new EntityGroups(teamOf);
    g.entity({ entity_type: 'person', entity_id: 'p3' });
    expect(g.group('p1', 'R1')).toBe(0);
    expect(g.group(null, 'R2')).toBe(1);
    expect(g.group('p1', 'R1')).toBe(0);
    expect(g.group('p2', null)).toBe(2);
    expect(g.refs.map((e) => `${e.entity_type}:${e.entity_id}`)).toEqual([
      'company:company', 'person:p3', 'person:p1', 'team:T1', 'region:R1', 'region:R2', 'person:p2',
    ]);
    expect(Array.from(g.members.subarray(0, 12))).toEqual([0, 2, 3, 4, 0, -1, -1, 5, 0, 6, 3, -1]);
  });

  it('counters grow with the groups; rollUp adds each cell into its entities × month, quarter, year', () => {
    const grid = periodGrid({ firstDay: parseIsoDay('2024-01-01')!, asOfDay: parseIsoDay('2024-03-31')! });
    const g = new EntityGroups(teamOf);
    const counters = new CellCounters(grid.cells, 1);
    // 40 groups: more than the initial capacity
    for (let k = 0; k < 40; k++) counters.add(g.group(k % 2 ? 'p1' : 'p2', `R${k}`), k % 3, 0);
    const sums = rollUp(g.members, g.count, grid, counters, g.refs.length);
    const at = (entity: number, slot: number) => sums[entity * grid.slots + slot];
    // slots: 2024-01, 02, 03, 2024-Q1, 2024; the company has all 40 rows
    expect([0, 1, 2, 3, 4].map((s) => at(0, s))).toEqual([14, 13, 13, 40, 40]);
    // team T1 = p1 + p2, everyone
    const t1 = g.refs.findIndex((e) => e.entity_type === 'team');
    expect(at(t1, 4)).toBe(40);
  });
});
