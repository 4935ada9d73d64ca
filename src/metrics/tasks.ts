import type { KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { CellCounters, EntityGroups, rollUp } from './entity-groups.ts';
import { ratioRow } from './kpi-rows.ts';
import { staffEntities } from './period-buckets.ts';
import { eachEntitySlot, periodGrid } from './period-grid.ts';

/**
 * task_completion_rate (docs/metrics.md, "Service and follow-up"): tasks due in P completed on
 * or before due_at / tasks due in P with due_at ≤ asOf (end of day). A task due later in the
 * partial period is left out of both counts; a late or undone task is a miss.
 * Attributed to the task's owner; region = the owner's (tasks have no customer).
 */
const DUE = 0;
const ON_TIME = 1;

export function taskKpis(ds: Pick<Dataset, 'tasks'>, ctx: MetricContext): KpiRow[] {
  const t = ds.tasks;
  if (t === null) return [];
  const c = t.columns;
  const a = ctx.attribution;
  const grid = periodGrid(ctx);
  const groups = new EntityGroups(a.teamOf);
  for (const e of staffEntities(a)) groups.entity(e);
  const counters = new CellCounters(grid.cells, 2);
  for (let i = 0; i < c.task_id.length; i++) {
    const owner = c.owner_id[i]!;
    const g = groups.group(owner, a.regionOfStaff(owner));
    const due = c.due_at[i]!;
    // Due after asOf: no counts, but the owner still gets (empty) rows.
    if (due > ctx.asOfEnd) continue;
    const cell = grid.cellOfDay(ctx.tz.dayOf(due));
    if (cell < 0) continue;
    const done = c.completed_at[i] ?? null;
    counters.add(g, cell, DUE);
    if (done !== null && done <= due) counters.add(g, cell, ON_TIME);
  }
  const sums = rollUp(groups.members, groups.count, grid, counters, groups.refs.length);
  const out: KpiRow[] = [];
  eachEntitySlot(groups.refs, grid, (e, t, g, p) => out.push(ratioRow(e, g, p, 'task_completion_rate', sums[2 * t + ON_TIME]!, sums[2 * t + DUE]!)));
  return out;
}
