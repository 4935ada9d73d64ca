import type { KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { entitiesOf, ratioRow } from './kpi-rows.ts';
import { emitRows, entityPeriodBuckets, periodIdsOf, staffEntities } from './period-buckets.ts';

/**
 * task_completion_rate (docs/metrics.md, "Service and follow-up"): tasks due in P completed on
 * or before due_at / tasks due in P with due_at ≤ asOf (end of day). A task due later in the
 * partial period is left out of both counts; a late or undone task is a miss.
 * Attributed to the task's owner; region = the owner's (tasks have no customer).
 */
interface TaskAcc {
  due: number;
  onTime: number;
}

export function taskKpis(ds: Pick<Dataset, 'tasks'>, ctx: MetricContext): KpiRow[] {
  const t = ds.tasks;
  if (t === null) return [];
  const c = t.columns;
  const a = ctx.attribution;
  const idsOf = periodIdsOf(ctx.tz);
  const buckets = entityPeriodBuckets<TaskAcc>(() => ({ due: 0, onTime: 0 }));
  for (const e of staffEntities(a)) buckets.addEntity(e);
  for (let i = 0; i < c.task_id.length; i++) {
    const owner = c.owner_id[i]!;
    const entities = entitiesOf(owner, a.teamOf(owner), a.regionOfStaff(owner));
    const due = c.due_at[i]!;
    if (due > ctx.asOfEnd) {
      for (const e of entities) buckets.addEntity(e);
      continue;
    }
    const done = c.completed_at[i] ?? null;
    const onTime = done !== null && done <= due;
    buckets.update(entities, idsOf(due), (acc) => {
      acc.due++;
      if (onTime) acc.onTime++;
    });
  }
  return emitRows(ctx, buckets, (e, grain, p, acc) => [ratioRow(e, grain, p.id, 'task_completion_rate', acc?.onTime ?? 0, acc?.due ?? 0)]);
}
