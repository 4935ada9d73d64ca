import type { KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { CellCounters, EntityGroups, rollUp } from './entity-groups.ts';
import { ratioRow } from './kpi-rows.ts';
import { HOUR_MS, staffEntities } from './period-buckets.ts';
import { eachEntitySlot, periodGrid } from './period-grid.ts';

/**
 * visit_sla_rate (docs/metrics.md, "Service and follow-up"): interactions of type visit with
 * requested_at in P held within sla.visitHours (48) of the request / such requests whose
 * deadline (requested_at + 48 h) has passed by asOf. A request with no occurred_at by the
 * deadline is a miss; one whose deadline is still ahead is left out of both counts.
 * Attributed to the interaction's owner; region = the customer's, else the owner's.
 */
const DUE = 0;
const HELD = 1;

export function visitKpis(ds: Pick<Dataset, 'interactions'>, ctx: MetricContext): KpiRow[] {
  const t = ds.interactions;
  if (t === null) return [];
  const c = t.columns;
  const a = ctx.attribution;
  const slaMs = ctx.config.sla.visitHours * HOUR_MS;
  const grid = periodGrid(ctx);
  const groups = new EntityGroups(a.teamOf);
  for (const e of staffEntities(a)) groups.entity(e);
  const counters = new CellCounters(grid.cells, 2);
  const rows = a.customerRowsOf(c.customer_id);
  for (let i = 0; i < c.interaction_id.length; i++) {
    if (c.type[i] !== 'visit') continue;
    const requested = c.requested_at[i] ?? null;
    if (requested === null || requested > ctx.asOfEnd) continue;
    const owner = c.owner_id[i]!;
    // region: the customer's, else the owner's
    const g = groups.group(owner, a.regionOfRow(rows[i]!) ?? a.regionOfStaff(owner));
    const deadline = requested + slaMs;
    // Not yet due: no counts, but the owner still gets (empty) rows.
    if (deadline > ctx.asOfEnd) continue;
    const cell = grid.cellOfDay(ctx.tz.dayOf(requested));
    if (cell < 0) continue;
    const occurred = c.occurred_at[i] ?? null;
    counters.add(g, cell, DUE);
    // Held by the deadline ("within" is inclusive); a visit stamped before its request counts as held.
    if (occurred !== null && occurred <= deadline) counters.add(g, cell, HELD);
  }
  const sums = rollUp(groups.members, groups.count, grid, counters, groups.refs.length);
  const out: KpiRow[] = [];
  eachEntitySlot(groups.refs, grid, (e, t, g, p) => out.push(ratioRow(e, g, p, 'visit_sla_rate', sums[2 * t + HELD]!, sums[2 * t + DUE]!)));
  return out;
}
