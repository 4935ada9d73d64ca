import { buildError, type BuildError } from '../lib/build-error.ts';
import type { InputTable } from '../model/tables.ts';

const MAX_LINES = 5;

/**
 * staff.csv's optional `team_id` names a team for good: its URL (site-data/team-slugs.ts) stays
 * when the team is renamed. So one team name must carry one id, and one id one name; a row
 * without a team_id takes its team's. Anything else would publish a team under two URLs or two
 * teams under one: the build stops with every conflict and the lines that hold it.
 */
export function teamIdConflicts(staff: InputTable<'staff'> | null, file = 'staff.csv'): BuildError[] {
  if (!staff) return [];
  const { team, team_id } = staff.columns;
  const idsOf = new Map<string, Map<string, number[]>>();
  const namesOf = new Map<string, Map<string, number[]>>();
  const add = (m: Map<string, Map<string, number[]>>, k: string, v: string, line: number) => {
    const inner = m.get(k) ?? new Map<string, number[]>();
    m.set(k, inner);
    const lines = inner.get(v) ?? [];
    inner.set(v, lines);
    lines.push(line);
  };
  for (let i = 0; i < staff.rows; i++) {
    const name = team[i];
    const id = team_id[i];
    if (name == null || id == null) continue;
    add(idsOf, name, id, staff.line[i]!);
    add(namesOf, id, name, staff.line[i]!);
  }
  const errors: BuildError[] = [];
  const listed = (m: Map<string, number[]>) =>
    [...m].map(([v, lines]) => `"${v}" (${lines.length > MAX_LINES ? `${lines.slice(0, MAX_LINES).join(', ')} …` : lines.join(', ')})`).join(', ');
  for (const [name, ids] of idsOf) {
    if (ids.size < 2) continue;
    errors.push(buildError({
      code: 'team_id_conflict', file, field: 'team_id',
      message: { en: `team "${name}" has ${ids.size} team_ids: ${listed(ids)} (lines)`, 'zh-CN': `团队“${name}”有 ${ids.size} 个 team_id：${listed(ids)}（行号）` },
      hint: { en: 'give every member of a team the same team_id', 'zh-CN': '同一团队的成员请使用相同的 team_id' },
    }));
  }
  for (const [id, names] of namesOf) {
    if (names.size < 2) continue;
    errors.push(buildError({
      code: 'team_id_conflict', file, field: 'team_id',
      message: { en: `team_id "${id}" names ${names.size} teams: ${listed(names)} (lines)`, 'zh-CN': `team_id“${id}”对应 ${names.size} 个团队：${listed(names)}（行号）` },
      hint: { en: 'one team_id per team: a renamed team takes its new name on every row', 'zh-CN': '一个 team_id 只对应一个团队：团队改名后，请在每一行都使用新名称' },
    }));
  }
  return errors;
}
