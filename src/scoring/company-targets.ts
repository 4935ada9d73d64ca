import { sumDecimals } from '../lib/money.ts';
import type { KpiDefinition } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';

/**
 * Company-level targets (公司目标) for the overview's "actual vs target".
 *
 * - `company`: a targets.csv row with `entity` = `company` (no staff_id or team needed).
 * - `teams`: otherwise, for an additive KPI (revenue, counts), the sum of the team targets: a
 *   team's own row, else the sum of its members' person rows. Card defaults are per-person
 *   figures the card assumes, not a plan, so they never enter a company sum. `teams` says how
 *   many teams have a target and `teamsTotal` how many teams there are, so a partial sum is shown
 *   as such. Ratios have no sum: without a company row they have no company target.
 */
export interface CompanyTargetRow {
  period: string;
  kpi: string;
  target: number;
  source: 'company' | 'teams';
  /** teams whose target entered the sum (source teams); 0 for a company row */
  teams: number;
  /** teams in staff.csv */
  teamsTotal: number;
}

const key = (period: string, kpi: string) => `${period}\u0000${kpi}`;

export function companyTargets(
  targets: Dataset['targets'],
  staff: Dataset['staff'],
  catalogue: readonly Pick<KpiDefinition, 'id' | 'additive'>[],
): CompanyTargetRow[] {
  if (!targets) return [];
  const c = targets.columns;
  // `entity` is an optional column: tables made before it existed have no array for it
  const entity = (c as Partial<typeof c>).entity;
  const teamOf = new Map<string, string | null>();
  if (staff) for (let i = 0; i < staff.rows; i++) teamOf.set(staff.columns.staff_id[i]!, staff.columns.team[i] ?? null);
  const teams = [...new Set([...teamOf.values()].filter((t): t is string => t != null))].sort();

  const company = new Map<string, number>();
  const teamRow = new Map<string, Map<string, number>>(); // period·kpi → team → target
  const memberSum = new Map<string, Map<string, number>>(); // period·kpi → team → Σ person targets
  const add = (m: Map<string, Map<string, number>>, k: string, team: string, v: number, sum: boolean) => {
    let inner = m.get(k);
    if (!inner) m.set(k, (inner = new Map()));
    if (sum) inner.set(team, sumDecimals([inner.get(team) ?? 0, v]));
    else if (!inner.has(team)) inner.set(team, v); // first row wins, as in indexTargets
  };
  const seenPerson = new Set<string>();
  for (let i = 0; i < targets.rows; i++) {
    const k = key(c.period[i]!, c.kpi[i]!);
    const staffId = c.staff_id[i];
    if (entity?.[i] === 'company') {
      if (!company.has(k)) company.set(k, c.target[i]!);
    } else if (staffId) {
      const team = teamOf.get(staffId);
      const pk = `${staffId}\u0000${k}`;
      if (team && !seenPerson.has(pk)) add(memberSum, k, team, c.target[i]!, true);
      seenPerson.add(pk); // a repeated person row: the first wins, as in indexTargets
    } else if (c.team[i]) add(teamRow, k, c.team[i]!, c.target[i]!, false);
  }

  const additive = new Set(catalogue.filter((d) => d.additive).map((d) => d.id));
  const out: CompanyTargetRow[] = [];
  const keys = new Set([...company.keys(), ...teamRow.keys(), ...memberSum.keys()]);
  for (const k of [...keys].sort()) {
    const [period, kpi] = k.split('\u0000') as [string, string];
    const own = company.get(k);
    if (own != null) {
      out.push({ period, kpi, target: own, source: 'company', teams: 0, teamsTotal: teams.length });
      continue;
    }
    if (!additive.has(kpi)) continue;
    const terms: number[] = [];
    for (const team of teams) {
      const t = teamRow.get(k)?.get(team) ?? memberSum.get(k)?.get(team);
      if (t != null) terms.push(t);
    }
    // targets are decimals as the user wrote them: summed exactly (no 0.30000000000000004)
    if (terms.length > 0) out.push({ period, kpi, target: sumDecimals(terms), source: 'teams', teams: terms.length, teamsTotal: teams.length });
  }
  return out;
}
