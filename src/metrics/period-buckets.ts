import type { TimeZone } from '../lib/time-zone.ts';
import type { EntityType, Grain, KpiRow } from '../model/kpi.ts';
import type { Attribution } from './attribution.ts';
import type { MetricContext } from './context.ts';
import { COMPANY, entitiesOf, type EntityRef } from './kpi-rows.ts';
import { monthIndexOfDay, periodIdOfMonth, periodsBetween, type Period } from './periods.ts';

/**
 * Accumulators keyed by (entity, period) for the service, satisfaction and channel families:
 * each input row is visited once and added to the buckets of its ≤ 4 entities × 3 periods
 * (month, quarter, year), then rows are emitted for every entity × grain × period from
 * ctx.firstDay to the period containing asOf. Ratios of a group are therefore recomputed from
 * the group's own rows, never averaged from members.
 */
export const GRAINS: readonly Grain[] = ['month', 'quarter', 'year'];

export const HOUR_MS = 3_600_000;

export interface PeriodIds {
  /** local day number */
  day: number;
  month: string;
  quarter: string;
  year: string;
}

/** Period ids of a local day, cached per day. */
export function periodIdsOfDay(): (day: number) => PeriodIds {
  const cache = new Map<number, PeriodIds>();
  return (day) => {
    let ids = cache.get(day);
    if (ids === undefined) {
      const mi = monthIndexOfDay(day);
      ids = { day, month: periodIdOfMonth(mi, 'month'), quarter: periodIdOfMonth(mi, 'quarter'), year: periodIdOfMonth(mi, 'year') };
      cache.set(day, ids);
    }
    return ids;
  };
}

/** Local day and period ids of an instant (tz.dayOf caches offsets per hour: no Intl per row). */
export function periodIdsOf(tz: TimeZone): (ms: number) => PeriodIds {
  const ofDay = periodIdsOfDay();
  return (ms) => ofDay(tz.dayOf(ms));
}

export const entityKey = (e: EntityRef): string => `${e.entity_type}:${e.entity_id}`;

export interface EntityPeriodBuckets<A> {
  /** make sure an entity gets rows even without data (a staff member with no tickets) */
  addEntity(e: EntityRef): void;
  /** apply `fn` to the accumulator of each entity × each of the row's three periods */
  update(entities: readonly EntityRef[], ids: PeriodIds, fn: (acc: A) => void): void;
  /**
   * The accumulators `update(entitiesOf(person, team, region), ids, …)` would visit, in the same
   * order (company, person, team, region × month, quarter, year), cached per (person, team,
   * region, month): the hot loops visit a row's ≤ 12 accumulators without allocating entity
   * refs or closures and with 4 map lookups instead of 16. Entities are created in the same
   * order as by `update`.
   */
  accsOf(person: string | null, team: string | null, region: string | null, ids: PeriodIds): readonly A[];
  get(e: EntityRef, periodId: string): A | undefined;
  entities(): EntityRef[];
}

export function entityPeriodBuckets<A>(make: () => A): EntityPeriodBuckets<A> {
  // entity type → entity id → period id → accumulator. Nested maps keyed by the strings the
  // columns and the period-id cache already hold: no key concatenation per row (the hot path).
  interface Slot {
    ref: EntityRef;
    periods: Map<string, A>;
  }
  const byType: Record<EntityType, Map<string, Slot>> = { company: new Map(), team: new Map(), person: new Map(), region: new Map() };
  const order: Slot[] = [];
  const slotOf = (e: EntityRef): Slot => {
    const m = byType[e.entity_type];
    let s = m.get(e.entity_id);
    if (s === undefined) {
      s = { ref: e, periods: new Map() };
      m.set(e.entity_id, s);
      order.push(s);
    }
    return s;
  };
  const at = (s: Slot, pid: string): A => {
    let a = s.periods.get(pid);
    if (a === undefined) {
      a = make();
      s.periods.set(pid, a);
    }
    return a;
  };
  // The company always has rows (complaints 0, ratios "no value") once the source file exists.
  slotOf(COMPANY);
  // person → team → region → month id → accumulators (the month id fixes quarter and year)
  const cache = new Map<string | null, Map<string | null, Map<string | null, Map<string, A[]>>>>();
  return {
    addEntity: (e) => void slotOf(e),
    accsOf(person, team, region, ids) {
      let byTeam = cache.get(person);
      if (byTeam === undefined) cache.set(person, (byTeam = new Map()));
      let byRegion = byTeam.get(team);
      if (byRegion === undefined) byTeam.set(team, (byRegion = new Map()));
      let byMonth = byRegion.get(region);
      if (byMonth === undefined) byRegion.set(region, (byMonth = new Map()));
      let accs = byMonth.get(ids.month);
      if (accs === undefined) {
        accs = [];
        for (const e of entitiesOf(person, team, region)) {
          const s = slotOf(e);
          accs.push(at(s, ids.month), at(s, ids.quarter), at(s, ids.year));
        }
        byMonth.set(ids.month, accs);
      }
      return accs;
    },
    update(entities, ids, fn) {
      for (const e of entities) {
        const s = slotOf(e);
        fn(at(s, ids.month));
        fn(at(s, ids.quarter));
        fn(at(s, ids.year));
      }
    },
    get: (e, periodId) => byType[e.entity_type].get(e.entity_id)?.periods.get(periodId),
    entities: () => order.map((s) => s.ref),
  };
}

/** Every period of every grain from ctx.firstDay to the one containing asOf. */
export function periodsByGrain(ctx: Pick<MetricContext, 'firstDay' | 'asOfDay'>): Record<Grain, Period[]> {
  return {
    month: periodsBetween(ctx.firstDay, ctx.asOfDay, 'month'),
    quarter: periodsBetween(ctx.firstDay, ctx.asOfDay, 'quarter'),
    year: periodsBetween(ctx.firstDay, ctx.asOfDay, 'year'),
  };
}

/** Rows for every known entity × grain × period; `acc` is undefined where the entity had no data. */
export function emitRows<A, R = KpiRow>(
  ctx: Pick<MetricContext, 'firstDay' | 'asOfDay'>,
  buckets: EntityPeriodBuckets<A>,
  rowsOf: (e: EntityRef, grain: Grain, period: Period, acc: A | undefined) => R[],
): R[] {
  const out: R[] = [];
  const byGrain = periodsByGrain(ctx);
  for (const e of buckets.entities()) {
    for (const grain of GRAINS) {
      for (const p of byGrain[grain]) for (const r of rowsOf(e, grain, p, buckets.get(e, p.id))) out.push(r);
    }
  }
  return out;
}

/**
 * Staff (and their teams) as entities, so that everyone on staff.csv gets rows — a complaint
 * count of 0, a ratio with "no value" — in each family whose source file exists.
 */
export function staffEntities(a: Attribution): EntityRef[] {
  const out: EntityRef[] = [];
  const teams = new Set<string>();
  for (const id of a.staffIds) {
    out.push({ entity_type: 'person', entity_id: id });
    const t = a.teamOf(id);
    if (t !== null && !teams.has(t)) {
      teams.add(t);
      out.push({ entity_type: 'team', entity_id: t });
    }
  }
  return out;
}

/** The region of a figure: the customer's region, else the person's region. */
export function regionOf(a: Attribution, customerId: string | null, person: string | null): string | null {
  return (customerId === null ? null : a.regionOfCustomer(customerId)) ?? a.regionOfStaff(person);
}

/** regionOf by the customer's row (Attribution.customerRowsOf; −1 = null or unknown customer). */
export function regionOfRow(a: Attribution, row: number, person: string | null): string | null {
  return a.regionOfRow(row) ?? a.regionOfStaff(person);
}

/** Numeric ascending copy (typed-array sort is numeric; Array.prototype.sort is lexicographic). */
export const sortNumeric = (xs: readonly number[]): Float64Array => Float64Array.from(xs).sort();
