import { describe, expect, it } from 'vitest';
import type { PersonRow } from '../../src/bundle/contract.ts';
import type { TeamSlugRecord } from '../../src/bundle/team-slugs.ts';
import { teamSlugs } from '../../src/site-data/team-slugs.ts';
import { teamIdConflicts } from '../../src/ingest/team-ids.ts';
import { previousTeamSlugs } from '../../src/build/previous-team-slugs.ts';
import { memFs } from '../ingest/mem-fs.ts';

const person = (staff_id: string, team: string | null, team_id: string | null = null): PersonRow =>
  ({ staff_id, name: staff_id, role: 'account-manager', team, team_id, manager_id: null, region: null, active: true });
const bundle = (people: PersonRow[], previous: TeamSlugRecord | null = null) => ({ people, teamScores: null, previousTeamSlugs: previous });

/** a build's published record, as the next build reads it */
const publishedBy = (people: PersonRow[], previous: TeamSlugRecord | null = null) => teamSlugs(bundle(people, previous)).record;

describe('team URLs: the slug is the team id when the data gives one', () => {
  it('a team with a team_id is at /teams/<id>/, a team without one at its name', () => {
    const s = teamSlugs(bundle([person('S1', '华南组', 'south'), person('S2', '华南组', 'south'), person('S3', '华北组')]));
    expect(Object.fromEntries(s.slug)).toEqual({ 华北组: '华北组', 华南组: 'south' });
    expect(s.redirects).toEqual([]);
  });

  it('renamed with its id: the URL does not change and nothing is redirected', () => {
    const before = publishedBy([person('S1', '华南组', 'south'), person('S2', '华南组', 'south')]);
    const after = teamSlugs(bundle([person('S1', '华南大区组', 'south'), person('S2', '华南大区组', 'south')], before));
    expect(after.slug.get('华南大区组')).toBe('south');
    expect(after.redirects).toEqual([]);
  });

  it('a team given an id: its old name URL leads to the id URL', () => {
    const before = publishedBy([person('S1', '华南组'), person('S2', '华南组')]);
    expect(before.teams).toEqual([{ slug: '华南组', id: null, name: '华南组', members: ['S1', 'S2'] }]);
    const after = teamSlugs(bundle([person('S1', '华南组', 'south'), person('S2', '华南组', 'south')], before));
    expect(after.redirects).toEqual([{ slug: '华南组', from: '华南组', to: '华南组' }]);
    expect(after.slug.get('华南组')).toBe('south');
  });
});

describe('team URLs: a team without an id renamed keeps its old URL as a redirect', () => {
  const before = publishedBy([person('S1', '华南组'), person('S2', '华南组'), person('S3', '华南组'), person('S4', '华北组')]);

  it('the old URL leads to the team where more than half of its members are now', () => {
    // 2 of 3 members are in 华南大区组: more than half
    const after = teamSlugs(bundle([person('S1', '华南大区组'), person('S2', '华南大区组'), person('S3', '华北组'), person('S4', '华北组')], before));
    expect(after.redirects).toEqual([{ slug: '华南组', from: '华南组', to: '华南大区组' }]);
    // the record keeps the old slug as it was, beside the teams of this build
    expect(after.record.teams.map((t) => t.slug)).toEqual(['华北组', '华南大区组', '华南组']);
  });

  it('no team holds more than half of them (split, dissolved): no redirect, the URL is gone', () => {
    const after = teamSlugs(bundle([person('S1', '甲组'), person('S2', '乙组'), person('S3', '丙组'), person('S4', '华北组')], before));
    expect(after.redirects).toEqual([]);
    expect(after.record.teams.map((t) => t.slug)).toEqual(['丙组', '乙组', '华北组', '甲组']);
  });

  it('renamed twice: the first URL still leads to the team, through the record of the build between', () => {
    const middle = publishedBy([person('S1', '华南大区组'), person('S2', '华南大区组'), person('S3', '华南大区组'), person('S4', '华北组')], before);
    const last = teamSlugs(bundle([person('S1', '南方组'), person('S2', '南方组'), person('S3', '南方组'), person('S4', '华北组')], middle));
    expect(last.redirects).toEqual([
      { slug: '华南大区组', from: '华南大区组', to: '南方组' },
      { slug: '华南组', from: '华南组', to: '南方组' },
    ]);
  });

  it('an old URL a current team now uses is that team\'s page, not a redirect', () => {
    // 华南组 renamed 南方组, and another team takes the name 华南组
    const after = teamSlugs(bundle([person('S1', '南方组'), person('S2', '南方组'), person('S3', '南方组'), person('S4', '华北组'), person('S5', '华南组')], before));
    expect(after.redirects).toEqual([]);
    expect(after.slug.get('华南组')).toBe('华南组');
  });

  it('a team with an id renamed and moved to a new id: found by its members', () => {
    const withId = publishedBy([person('S1', '华南组', 't1'), person('S2', '华南组', 't1')]);
    const after = teamSlugs(bundle([person('S1', '南方组', 't9'), person('S2', '南方组', 't9')], withId));
    expect(after.redirects).toEqual([{ slug: 't1', from: '华南组', to: '南方组' }]);
  });
});

describe('team ids: one id per team, one team per id, or the build stops', () => {
  const staff = (rows: [string, string | null, string | null][]) => ({
    name: 'staff' as const, rows: rows.length, line: rows.map((_, i) => i + 2),
    columns: {
      staff_id: rows.map((r) => r[0]), name: rows.map((r) => r[0]), role: rows.map(() => 'am'), team: rows.map((r) => r[1]), team_id: rows.map((r) => r[2]),
      manager_id: rows.map(() => null), region: rows.map(() => null), hired_at: rows.map(() => null), active: rows.map(() => true),
    },
  });
  it('a member without a team_id takes the team\'s: no conflict', () => {
    expect(teamIdConflicts(staff([['S1', '华南组', 'south'], ['S2', '华南组', null]]))).toEqual([]);
  });
  it('a team with two ids and an id with two teams are each listed with their lines', () => {
    const e = teamIdConflicts(staff([['S1', '华南组', 'south'], ['S2', '华南组', 'south2'], ['S3', '华北组', 'north'], ['S4', '北方组', 'north']]));
    expect(e.map((x) => x.message.en)).toEqual([
      'team "华南组" has 2 team_ids: "south" (2), "south2" (3) (lines)',
      'team_id "north" names 2 teams: "华北组" (4), "北方组" (5) (lines)',
    ]);
    expect(e.every((x) => x.code === 'team_id_conflict' && x.file === 'staff.csv' && x.field === 'team_id')).toBe(true);
  });
});

describe('the previous site\'s record', () => {
  const log = { info: () => {}, warn: (m: string) => warnings.push(m) };
  const warnings: string[] = [];
  it('read from <site>/downloads/team-slugs.json; absent: none; unreadable: none, and said', async () => {
    const rec: TeamSlugRecord = { version: 1, teams: [{ slug: 'x', id: null, name: 'x', members: ['S1'] }] };
    expect(await previousTeamSlugs('dist', memFs({ 'dist/downloads/team-slugs.json': JSON.stringify(rec) }), log)).toEqual(rec);
    expect(await previousTeamSlugs('dist', memFs({}), log)).toBeNull();
    expect(await previousTeamSlugs(undefined, memFs({}), log)).toBeNull();
    expect(warnings).toEqual([]);
    expect(await previousTeamSlugs('dist', memFs({ 'dist/downloads/team-slugs.json': '{"version":2}' }), log)).toBeNull();
    expect(await previousTeamSlugs('dist', memFs({ 'dist/downloads/team-slugs.json': 'not json' }), log)).toBeNull();
    expect(warnings.length).toBe(2);
  });
});
