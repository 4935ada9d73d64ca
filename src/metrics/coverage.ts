import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { COMPANY, entitiesOf, ratioRow, type EntityRef } from './kpi-rows.ts';
import { GRAINS, periodIdsOf, periodsByGrain, regionOf, staffEntities, type PeriodIds } from './period-buckets.ts';

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
  /** per grain: covered customers by period index */
  num: Record<Grain, Int32Array>;
}

export function coverageKpis(ds: Pick<Dataset, 'customers' | 'interactions'>, ctx: MetricContext): KpiRow[] {
  const cu = ds.customers;
  const it = ds.interactions;
  if (cu === null || it === null) return [];
  const a = ctx.attribution;
  const idsOf = periodIdsOf(ctx.tz);
  const byGrain = periodsByGrain(ctx);
  const indexOf: Record<Grain, Map<string, number>> = { month: new Map(), quarter: new Map(), year: new Map() };
  for (const g of GRAINS) byGrain[g].forEach((p, i) => indexOf[g].set(p.id, i));

  // Months (as the cached period ids of a day in them) in which each customer had a held
  // interaction; the month fixes the quarter and the year. No Set per customer.
  // When the attribution was built from these customers and their ids are unique (always after
  // ingest), a customer is its row: one id lookup per interaction and none per customer.
  const cc = cu.columns;
  const byRow = a.customerColumns === cc && a.uniqueCustomerIds;
  const touched = new Map<string, PeriodIds[]>();
  const touchedRows: (PeriodIds[] | undefined)[] = byRow ? new Array(cc.customer_id.length) : [];
  const ic = it.columns;
  const rows = byRow ? a.customerRowsOf(ic.customer_id) : null;
  for (let i = 0; i < ic.interaction_id.length; i++) {
    const at = ic.occurred_at[i] ?? null;
    if (at === null || at > ctx.asOfEnd) continue;
    const cid = ic.customer_id[i]!;
    const ids = idsOf(at);
    let s: PeriodIds[] | undefined;
    if (rows !== null) {
      const r = rows[i]!;
      if (r < 0) continue; // not a customer of customers.csv: never read below
      s = touchedRows[r];
      if (s === undefined) touchedRows[r] = [ids];
    } else {
      s = touched.get(cid);
      if (s === undefined) touched.set(cid, [ids]);
    }
    if (s !== undefined && !s.some((x) => x.month === ids.month)) s.push(ids);
  }

  const states: EntityState[] = [];
  // entity type → entity id → state (no key strings built per customer)
  const byType: Record<EntityRef['entity_type'], Map<string, EntityState>> = { company: new Map(), team: new Map(), person: new Map(), region: new Map() };
  const grainArrays = (): Record<Grain, Int32Array> => ({
    month: new Int32Array(byGrain.month.length + 1),
    quarter: new Int32Array(byGrain.quarter.length + 1),
    year: new Int32Array(byGrain.year.length + 1),
  });
  const stateOf = (e: EntityRef): EntityState => {
    const m = byType[e.entity_type];
    let s = m.get(e.entity_id);
    if (s === undefined) {
      s = { ref: e, den: grainArrays(), num: grainArrays() };
      m.set(e.entity_id, s);
      states.push(s);
    }
    return s;
  };
  for (const e of [COMPANY, ...staffEntities(a)]) stateOf(e);
  // owner → team → region → the states a customer of theirs counts in
  const groups = new Map<string, Map<string | null, Map<string | null, EntityState[]>>>();
  const statesOf = (owner: string, team: string | null, region: string | null): EntityState[] => {
    let byTeam = groups.get(owner);
    if (byTeam === undefined) groups.set(owner, (byTeam = new Map()));
    let byRegion = byTeam.get(team);
    if (byRegion === undefined) byTeam.set(team, (byRegion = new Map()));
    let g = byRegion.get(region);
    if (g === undefined) byRegion.set(region, (g = entitiesOf(owner, team, region).map(stateOf)));
    return g;
  };

  const pidsOf: Record<Grain, string[]> = { month: [], quarter: [], year: [] };
  for (let j = 0; j < cc.customer_id.length; j++) {
    const owner = cc.owner_id[j] ?? null;
    if (owner === null) continue;
    const created = cc.created_at[j] ?? null;
    if (created !== null && created > ctx.asOfEnd) continue;
    const cid = cc.customer_id[j]!;
    const createdIds = created === null ? null : idsOf(created);
    const seen = byRow ? touchedRows[j] : touched.get(cid);
    // regionOf(a, cid, owner), reading the customer's own row when it is the attribution's
    const region = byRow ? (cc.region[j] ?? a.regionOfStaff(owner)) : regionOf(a, cid, owner);
    const states4 = statesOf(owner, a.teamOf(owner), region);
    for (const g of GRAINS) {
      // First period index in which the customer exists (created before the range → 0).
      const start = createdIds === null ? 0 : (indexOf[g].get(createdIds[g]) ?? 0);
      for (const s of states4) {
        s.den[g][start]!++;
      }
    }
    if (seen === undefined) continue;
    // the distinct periods of each grain the customer was touched in
    pidsOf.month.length = pidsOf.quarter.length = pidsOf.year.length = 0;
    for (const ids of seen) {
      pidsOf.month.push(ids.month);
      if (!pidsOf.quarter.includes(ids.quarter)) pidsOf.quarter.push(ids.quarter);
      if (!pidsOf.year.includes(ids.year)) pidsOf.year.push(ids.year);
    }
    for (const g of GRAINS) {
      const start = createdIds === null ? 0 : (indexOf[g].get(createdIds[g]) ?? 0);
      for (const pid of pidsOf[g]) {
        const idx = indexOf[g].get(pid);
        if (idx === undefined) continue; // before the first period of the range
        for (const s of states4) {
          s.num[g][idx]!++;
          if (idx < start) {
            // Interaction before its recorded creation: the customer evidently existed in this period.
            s.den[g][idx]!++;
            s.den[g][idx + 1]!--;
          }
        }
      }
    }
  }

  const out: KpiRow[] = [];
  for (const s of states) {
    for (const g of GRAINS) {
      let den = 0;
      byGrain[g].forEach((p, i) => {
        den += s.den[g][i]!;
        out.push(ratioRow(s.ref, g, p.id, 'coverage_rate', s.num[g][i]!, den));
      });
    }
  }
  return out;
}
