import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { COMPANY, entitiesOf, ratioRow, type EntityRef } from './kpi-rows.ts';
import { entityKey, GRAINS, periodIdsOf, periodsByGrain, regionOf, staffEntities } from './period-buckets.ts';

/**
 * coverage_rate (docs/metrics.md, "Service and follow-up"): an owner's customers with ≥ 1
 * interaction in P / that owner's customers (owner = customers.owner_id). A team's figure is its
 * members' covered customers / its members' customers, recomputed from customers (not a mean of
 * member ratios); region = the customer's region, else the owner's; company = every owned
 * customer. An interaction counts when it was held (occurred_at) in P by asOf, whoever held it.
 *
 * A customer belongs to P's denominator once it exists: created_at on or before P's last day
 * (no created_at = always), or when it had an interaction in P anyway. A customer created after
 * asOf is left out. Linear: one pass over interactions, one over customers (difference arrays
 * per entity and grain instead of a loop over periods per customer).
 */
interface EntityState {
  ref: EntityRef;
  /** per grain: difference array over the grain's periods (den[i] − den[i−1]) */
  den: Record<Grain, Int32Array>;
  /** covered customers by period id */
  num: Map<string, number>;
}

export function coverageKpis(ds: Pick<Dataset, 'customers' | 'interactions'>, ctx: MetricContext): KpiRow[] {
  const cu = ds.customers;
  const it = ds.interactions;
  if (cu === null || it === null) return [];
  const a = ctx.attribution;
  const idsOf = periodIdsOf(ctx.tz);
  const byGrain = periodsByGrain(ctx);
  const indexOf = new Map<string, number>();
  for (const g of GRAINS) byGrain[g].forEach((p, i) => indexOf.set(p.id, i));

  // Periods (all grains) in which each customer had a held interaction.
  const touched = new Map<string, Set<string>>();
  const ic = it.columns;
  for (let i = 0; i < ic.interaction_id.length; i++) {
    const at = ic.occurred_at[i] ?? null;
    if (at === null || at > ctx.asOfEnd) continue;
    const cid = ic.customer_id[i]!;
    const ids = idsOf(at);
    let s = touched.get(cid);
    if (s === undefined) {
      s = new Set();
      touched.set(cid, s);
    }
    s.add(ids.month).add(ids.quarter).add(ids.year);
  }

  const states = new Map<string, EntityState>();
  const stateOf = (e: EntityRef): EntityState => {
    const k = entityKey(e);
    let s = states.get(k);
    if (s === undefined) {
      s = {
        ref: e,
        den: {
          month: new Int32Array(byGrain.month.length + 1),
          quarter: new Int32Array(byGrain.quarter.length + 1),
          year: new Int32Array(byGrain.year.length + 1),
        },
        num: new Map(),
      };
      states.set(k, s);
    }
    return s;
  };
  for (const e of [COMPANY, ...staffEntities(a)]) stateOf(e);

  const cc = cu.columns;
  for (let j = 0; j < cc.customer_id.length; j++) {
    const owner = cc.owner_id[j] ?? null;
    if (owner === null) continue;
    const created = cc.created_at[j] ?? null;
    if (created !== null && created > ctx.asOfEnd) continue;
    const cid = cc.customer_id[j]!;
    const createdIds = created === null ? null : idsOf(created);
    const seen = touched.get(cid);
    const states4 = entitiesOf(owner, a.teamOf(owner), regionOf(a, cid, owner)).map(stateOf);
    for (const g of GRAINS) {
      // First period index in which the customer exists (created before the range → 0).
      const start = createdIds === null ? 0 : (indexOf.get(createdIds[g]) ?? 0);
      for (const s of states4) {
        s.den[g][start]!++;
      }
    }
    if (seen === undefined) continue;
    for (const pid of seen) {
      const idx = indexOf.get(pid);
      if (idx === undefined) continue; // before the first period of the range
      const g: Grain = pid.length === 4 ? 'year' : pid.includes('Q') ? 'quarter' : 'month';
      const start = createdIds === null ? 0 : (indexOf.get(createdIds[g]) ?? 0);
      for (const s of states4) {
        s.num.set(pid, (s.num.get(pid) ?? 0) + 1);
        if (idx < start) {
          // Interaction before its recorded creation: the customer evidently existed in this period.
          s.den[g][idx]!++;
          s.den[g][idx + 1]!--;
        }
      }
    }
  }

  const out: KpiRow[] = [];
  for (const s of states.values()) {
    for (const g of GRAINS) {
      let den = 0;
      byGrain[g].forEach((p, i) => {
        den += s.den[g][i]!;
        out.push(ratioRow(s.ref, g, p.id, 'coverage_rate', s.num.get(p.id) ?? 0, den));
      });
    }
  }
  return out;
}
