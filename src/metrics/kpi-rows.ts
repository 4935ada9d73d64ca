import type { EntityType, Grain, KpiRow } from '../model/kpi.ts';

/**
 * Builders for the long KPI table. Ratios of a group are recomputed from the group's own
 * numerator and denominator, never averaged; an empty denominator is "no value" with a reason.
 * Rows spell out entity_type and entity_id rather than spreading the ref (`{ ...e, … }`): the
 * same object, but a spread copies through a generic path, ~5× slower at 10⁵ rows.
 */
export interface EntityRef {
  entity_type: EntityType;
  entity_id: string;
}

export const COMPANY: EntityRef = { entity_type: 'company', entity_id: 'company' };

/** The entities a row about (person, customer region) rolls up to: company, person, team, region. */
export function entitiesOf(person: string | null, team: string | null, region: string | null): EntityRef[] {
  const out: EntityRef[] = [COMPANY];
  if (person !== null) out.push({ entity_type: 'person', entity_id: person });
  if (team !== null) out.push({ entity_type: 'team', entity_id: team });
  if (region !== null) out.push({ entity_type: 'region', entity_id: region });
  return out;
}

export function countRow(e: EntityRef, grain: Grain, period: string, kpi: string, value: number, n = value): KpiRow {
  return { entity_type: e.entity_type, entity_id: e.entity_id, grain, period, kpi, value, numerator: value, denominator: null, n, reason: null };
}

export function ratioRow(
  e: EntityRef,
  grain: Grain,
  period: string,
  kpi: string,
  numerator: number,
  denominator: number,
  n = denominator,
): KpiRow {
  return denominator > 0
    ? { entity_type: e.entity_type, entity_id: e.entity_id, grain, period, kpi, value: numerator / denominator, numerator, denominator, n, reason: null }
    : { entity_type: e.entity_type, entity_id: e.entity_id, grain, period, kpi, value: null, numerator, denominator, n, reason: 'empty_denominator' };
}

/** A statistic (median, p90 …) of n observations; n = 0 is no value. */
export function statRow(e: EntityRef, grain: Grain, period: string, kpi: string, value: number | null, n: number): KpiRow {
  return value === null || n === 0
    ? { entity_type: e.entity_type, entity_id: e.entity_id, grain, period, kpi, value: null, numerator: null, denominator: null, n, reason: 'no_data' }
    : { entity_type: e.entity_type, entity_id: e.entity_id, grain, period, kpi, value, numerator: null, denominator: null, n, reason: null };
}

/** Stable order for the published table: entity type, entity, grain, period, kpi. */
const typeOrder: Record<EntityType, number> = { company: 0, region: 1, team: 2, person: 3 };
const grainOrder: Record<Grain, number> = { year: 0, quarter: 1, month: 2 };
export function compareKpiRows(a: KpiRow, b: KpiRow): number {
  return (
    typeOrder[a.entity_type] - typeOrder[b.entity_type] ||
    (a.entity_id < b.entity_id ? -1 : a.entity_id > b.entity_id ? 1 : 0) ||
    grainOrder[a.grain] - grainOrder[b.grain] ||
    (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
    (a.kpi < b.kpi ? -1 : a.kpi > b.kpi ? 1 : 0)
  );
}

/**
 * `rows.sort(compareKpiRows)` (stable, in place) through numeric keys: the distinct entities,
 * periods and KPI names are ranked with the same comparisons once, each row gets one number,
 * and rows are ordered by (key, original position). A few hundred entities and periods against
 * 10⁵ rows: string comparisons per distinct value instead of per row pair.
 */
export function sortKpiRows(rows: KpiRow[]): KpiRow[] {
  const n = rows.length;
  if (n < 2) return rows;
  const cmpStr = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const rankOf = <T>(values: Iterable<T>, cmp: (x: T, y: T) => number): Map<T, number> => {
    const sorted = [...values].sort(cmp);
    const ranks = new Map<T, number>();
    sorted.forEach((v, i) => ranks.set(v, i));
    return ranks;
  };
  const ents = new Map<EntityType, Set<string>>();
  const periods = new Set<string>();
  const kpis = new Set<string>();
  for (const r of rows) {
    let s = ents.get(r.entity_type);
    if (s === undefined) ents.set(r.entity_type, (s = new Set()));
    s.add(r.entity_id);
    periods.add(r.period);
    kpis.add(r.kpi);
  }
  // entity rank: by type order, then id; one map per type
  const entRank = new Map<EntityType, Map<string, number>>();
  let base = 0;
  for (const t of [...ents.keys()].sort((x, y) => typeOrder[x] - typeOrder[y])) {
    const ids = rankOf(ents.get(t)!, cmpStr);
    for (const [id, i] of ids) ids.set(id, base + i);
    entRank.set(t, ids);
    base += ids.size;
  }
  const periodRank = rankOf(periods, cmpStr);
  const kpiRank = rankOf(kpis, cmpStr);
  const nP = periodRank.size;
  const nK = kpiRank.size;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    keys[i] = ((entRank.get(r.entity_type)!.get(r.entity_id)! * 3 + grainOrder[r.grain]) * nP + periodRank.get(r.period)!) * nK + kpiRank.get(r.kpi)!;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  const copy = rows.slice();
  for (let i = 0; i < n; i++) rows[i] = copy[order[i]!]!;
  return rows;
}
