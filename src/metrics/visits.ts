import type { KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { entitiesOf, ratioRow } from './kpi-rows.ts';
import { emitRows, entityPeriodBuckets, HOUR_MS, periodIdsOf, regionOfRow, staffEntities } from './period-buckets.ts';

/**
 * visit_sla_rate (docs/metrics.md, "Service and follow-up"): interactions of type visit with
 * requested_at in P held within sla.visitHours (48) of the request / such requests whose
 * deadline (requested_at + 48 h) has passed by asOf. A request with no occurred_at by the
 * deadline is a miss; one whose deadline is still ahead is left out of both counts.
 * Attributed to the interaction's owner; region = the customer's, else the owner's.
 */
interface VisitAcc {
  due: number;
  held: number;
}

export function visitKpis(ds: Pick<Dataset, 'interactions'>, ctx: MetricContext): KpiRow[] {
  const t = ds.interactions;
  if (t === null) return [];
  const c = t.columns;
  const a = ctx.attribution;
  const slaMs = ctx.config.sla.visitHours * HOUR_MS;
  const idsOf = periodIdsOf(ctx.tz);
  const buckets = entityPeriodBuckets<VisitAcc>(() => ({ due: 0, held: 0 }));
  for (const e of staffEntities(a)) buckets.addEntity(e);
  const rows = a.customerRowsOf(c.customer_id);
  for (let i = 0; i < c.interaction_id.length; i++) {
    if (c.type[i] !== 'visit') continue;
    const requested = c.requested_at[i] ?? null;
    if (requested === null || requested > ctx.asOfEnd) continue;
    const owner = c.owner_id[i]!;
    const team = a.teamOf(owner);
    const region = regionOfRow(a, rows[i]!, owner);
    const deadline = requested + slaMs;
    if (deadline > ctx.asOfEnd) {
      // Not yet due: no row contribution, but the owner still gets (empty) rows.
      for (const e of entitiesOf(owner, team, region)) buckets.addEntity(e);
      continue;
    }
    const occurred = c.occurred_at[i] ?? null;
    // Held by the deadline ("within" is inclusive); a visit stamped before its request counts as held.
    const held = occurred !== null && occurred <= deadline;
    for (const acc of buckets.accsOf(owner, team, region, idsOf(requested))) {
      acc.due++;
      if (held) acc.held++;
    }
  }
  return emitRows(ctx, buckets, (e, grain, p, acc) => [ratioRow(e, grain, p.id, 'visit_sla_rate', acc?.held ?? 0, acc?.due ?? 0)]);
}
