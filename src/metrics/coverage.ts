import type { KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { CellCounters, EntityGroups } from './entity-groups.ts';
import { ratioRow } from './kpi-rows.ts';
import { staffEntities } from './period-buckets.ts';
import { periodGrid } from './period-grid.ts';

/**
 * coverage_rate (docs/metrics.md, "Service and follow-up"): an owner's customers with ≥ 1
 * interaction in P / that owner's customers (owner = customers.owner_id). A team's figure is its
 * members' covered customers / its members' customers, recomputed from customers (not a mean of
 * member ratios); region = the customer's region, else the owner's; company = every owned
 * customer. An interaction counts when it was held (occurred_at) in P by asOf, whoever held it.
 *
 * A customer belongs to P's denominator once it exists: created_at on or before P's last day
 * (no created_at = always), or when it had an interaction in P anyway. A customer created after
 * asOf is left out. Linear: one pass over interactions, one over customers, counting per
 * (owner, region) group and period (a customer's first period as a difference array per grain,
 * not a loop over periods), then rolled up to the group's entities (entity-groups.ts).
 */
// per (group, slot) counters
const STARTS = 0; // customers whose first period of the slot's grain is this one (difference array)
const BEFORE = 1; // customers touched in this period before their first one (in this period only)
const COVERED = 2; // customers touched in this period

export function coverageKpis(ds: Pick<Dataset, 'customers' | 'interactions'>, ctx: MetricContext): KpiRow[] {
  const cu = ds.customers;
  const it = ds.interactions;
  if (cu === null || it === null) return [];
  const a = ctx.attribution;
  const grid = periodGrid(ctx);
  const S = grid.slots;
  const nM = grid.byGrain.month.length;
  const nQ = grid.byGrain.quarter.length;
  const grainStart = [0, nM, nM + nQ];
  const grainSize = [nM, nQ, grid.byGrain.year.length];
  const cc = cu.columns;
  const ic = it.columns;

  // Customers as numbers. When the attribution was built from these customers and their ids are
  // unique (always after ingest), a customer is its row: one id lookup per interaction, none per
  // customer. Otherwise by id, as a local numbering.
  const byRow = a.customerColumns === cc && a.uniqueCustomerIds;
  let keyOfInteraction: Int32Array;
  let keyOfCustomer: (j: number) => number;
  let nKeys: number;
  if (byRow) {
    keyOfInteraction = a.customerRowsOf(ic.customer_id);
    keyOfCustomer = (j) => j;
    nKeys = cc.customer_id.length;
  } else {
    const ids = new Map<string, number>();
    keyOfInteraction = new Int32Array(ic.interaction_id.length);
    for (let i = 0; i < keyOfInteraction.length; i++) {
      const cid = ic.customer_id[i]!;
      let k = ids.get(cid);
      if (k === undefined) ids.set(cid, (k = ids.size));
      keyOfInteraction[i] = k;
    }
    keyOfCustomer = (j) => ids.get(cc.customer_id[j]!) ?? -1;
    nKeys = ids.size;
  }

  // The cells in which each customer had a held interaction (by asOf), grouped by customer
  // (counting sort): touchedCells[touchedStart[k] … touchedStart[k + 1]).
  const cellOfInteraction = new Int32Array(ic.interaction_id.length).fill(-1);
  const touchedStart = new Int32Array(nKeys + 1);
  for (let i = 0; i < cellOfInteraction.length; i++) {
    const at = ic.occurred_at[i] ?? null;
    const k = keyOfInteraction[i]!;
    if (at === null || at > ctx.asOfEnd || k < 0) continue;
    const cell = grid.cellOfDay(ctx.tz.dayOf(at));
    if (cell < 0) continue; // before the first reported period of every grain
    cellOfInteraction[i] = cell;
    touchedStart[k + 1]!++;
  }
  for (let k = 0; k < nKeys; k++) touchedStart[k + 1]! += touchedStart[k]!;
  const next = touchedStart.slice(0, nKeys);
  const touchedCells = new Int32Array(touchedStart[nKeys]!);
  for (let i = 0; i < cellOfInteraction.length; i++) {
    if (cellOfInteraction[i]! >= 0) touchedCells[next[keyOfInteraction[i]!]!++] = cellOfInteraction[i]!;
  }

  const groups = new EntityGroups(a.teamOf);
  for (const e of staffEntities(a)) groups.entity(e);
  const counters = new CellCounters(S, 3); // "cells" here are slots
  const seen = new Int32Array(S).fill(-1); // customer that last counted each slot
  const first = [0, 0, 0]; // per grain: index of the customer's first period
  for (let j = 0; j < cc.customer_id.length; j++) {
    const owner = cc.owner_id[j] ?? null;
    if (owner === null) continue;
    const created = cc.created_at[j] ?? null;
    if (created !== null && created > ctx.asOfEnd) continue;
    // region: the customer's, else the owner's (the customer's own row when it is the attribution's)
    const region = byRow ? (cc.region[j] ?? null) : a.regionOfCustomer(cc.customer_id[j]!);
    const g = groups.group(owner, region ?? a.regionOfStaff(owner));
    const createdCell = created === null ? -1 : grid.cellOfDay(ctx.tz.dayOf(created));
    for (let gr = 0; gr < 3; gr++) {
      // First period index in which the customer exists (no created_at, or created before the range → 0).
      const s = createdCell < 0 ? -1 : grid.slotsOfCell[3 * createdCell + gr]!;
      first[gr] = s < 0 ? 0 : s - grainStart[gr]!;
      if (first[gr]! < grainSize[gr]!) counters.add(g, grainStart[gr]! + first[gr]!, STARTS);
    }
    const k = keyOfCustomer(j);
    if (k < 0) continue;
    for (let u = touchedStart[k]!; u < touchedStart[k + 1]!; u++) {
      const cell = touchedCells[u]!;
      for (let gr = 0; gr < 3; gr++) {
        const s = grid.slotsOfCell[3 * cell + gr]!;
        if (s < 0 || seen[s] === j) continue; // not reported, or this period already counted
        seen[s] = j;
        counters.add(g, s, COVERED);
        // Interaction before its recorded creation: the customer evidently existed in this period.
        if (s - grainStart[gr]! < first[gr]!) counters.add(g, s, BEFORE);
      }
    }
  }

  // groups → entities
  const E = groups.refs.length;
  const sums = new Float64Array(E * S * 3);
  const members = groups.members;
  for (let g = 0; g < groups.count; g++) {
    for (let u = 0; u < 4; u++) {
      const e = members[4 * g + u]!;
      if (e < 0) continue;
      const from = counters.offset(g, 0);
      for (let x = 0; x < S * 3; x++) sums[e * S * 3 + x]! += counters.data[from + x] ?? 0;
    }
  }
  const out: KpiRow[] = [];
  for (let e = 0; e < E; e++) {
    const ref = groups.refs[e]!;
    for (let gr = 0; gr < 3; gr++) {
      let den = 0;
      for (let i = 0; i < grainSize[gr]!; i++) {
        const s = grainStart[gr]! + i;
        const k = (e * S + s) * 3;
        den += sums[k + STARTS]!;
        out.push(ratioRow(ref, grid.slotGrain[s]!, grid.slotPeriod[s]!.id, 'coverage_rate', sums[k + COVERED]!, den + sums[k + BEFORE]!));
      }
    }
  }
  return out;
}
