import type { Dataset } from '../model/tables.ts';

/** `members`: a team's additive KPI with no team target: the sum of its members' targets. */
export type TargetSource = 'person' | 'team' | 'members' | 'card';

export interface ResolvedTarget {
  target: number | null;
  source: TargetSource | null;
}

/** targets.csv indexed by (staff, period, kpi) and (team, period, kpi). */
export interface TargetIndex {
  person: Map<string, number>;
  team: Map<string, number>;
  /** keys seen more than once: the first row wins (`duplicate_target` warnings) */
  duplicates: { staff_id: string | null; team: string | null; period: string; kpi: string }[];
}

const key = (who: string, period: string, kpi: string) => `${who}\u0000${period}\u0000${kpi}`;

export function indexTargets(targets: Dataset['targets']): TargetIndex {
  const index: TargetIndex = { person: new Map(), team: new Map(), duplicates: [] };
  if (!targets) return index;
  const c = targets.columns;
  const entity = (c as Partial<typeof c>).entity; // optional column
  for (let i = 0; i < targets.rows; i++) {
    if (entity?.[i] === 'company') continue; // the company's own target (company-targets.ts)
    const staff = c.staff_id[i];
    const team = c.team[i];
    // A row naming a person is a person target (its team column, if any, is informational).
    const [map, who] = staff ? [index.person, staff] : team ? [index.team, team] : [null, null];
    if (!map || who == null) continue;
    const k = key(who, c.period[i], c.kpi[i]);
    if (map.has(k)) index.duplicates.push({ staff_id: staff ?? null, team: staff ? null : team, period: c.period[i], kpi: c.kpi[i] });
    else map.set(k, c.target[i]);
  }
  return index;
}

/** Target of a person's KPI: targets.csv for the person, else for their team, else the card's default. */
export function resolveTarget(
  index: TargetIndex,
  q: { staff_id: string | null; team: string | null; period: string; kpi: string; cardTarget: number | null | undefined },
): ResolvedTarget {
  if (q.staff_id != null) {
    const t = index.person.get(key(q.staff_id, q.period, q.kpi));
    if (t != null) return { target: t, source: 'person' };
  }
  if (q.team != null) {
    const t = index.team.get(key(q.team, q.period, q.kpi));
    if (t != null) return { target: t, source: 'team' };
  }
  if (q.cardTarget != null) return { target: q.cardTarget, source: 'card' };
  return { target: null, source: null };
}

/** True when any targets.csv row exists for one of these people or teams, this period and one of these KPIs. */
export function hasAnyTarget(index: TargetIndex, staffIds: readonly string[], teams: readonly string[], period: string, kpis: readonly string[]): boolean {
  for (const kpi of kpis) {
    if (staffIds.some((s) => index.person.has(key(s, period, kpi)))) return true;
    if (teams.some((t) => index.team.has(key(t, period, kpi)))) return true;
  }
  return false;
}

/**
 * A team's target for an additive KPI (revenue, counts) when targets.csv has no team row: the sum
 * of its members' own targets (person → card default). A card's default is a per-person figure, so
 * comparing a team total with it would put every team at the cap. Null when no member has one.
 */
export function sumOfMemberTargets(
  index: TargetIndex,
  members: readonly { staff_id: string; cardTarget: number | null | undefined }[],
  period: string,
  kpi: string,
): number | null {
  let sum = 0;
  let any = false;
  for (const m of members) {
    const t = index.person.get(key(m.staff_id, period, kpi)) ?? m.cardTarget;
    if (t != null) {
      sum += t;
      any = true;
    }
  }
  return any ? sum : null;
}
