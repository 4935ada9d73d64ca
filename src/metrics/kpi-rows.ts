import type { EntityType, Grain, KpiRow } from '../model/kpi.ts';

/**
 * Builders for the long KPI table. Ratios of a group are recomputed from the group's own
 * numerator and denominator, never averaged; an empty denominator is "no value" with a reason.
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
  return { ...e, grain, period, kpi, value, numerator: value, denominator: null, n, reason: null };
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
    ? { ...e, grain, period, kpi, value: numerator / denominator, numerator, denominator, n, reason: null }
    : { ...e, grain, period, kpi, value: null, numerator, denominator, n, reason: 'empty_denominator' };
}

/** A statistic (median, p90 …) of n observations; n = 0 is no value. */
export function statRow(e: EntityRef, grain: Grain, period: string, kpi: string, value: number | null, n: number): KpiRow {
  return value === null || n === 0
    ? { ...e, grain, period, kpi, value: null, numerator: null, denominator: null, n, reason: 'no_data' }
    : { ...e, grain, period, kpi, value, numerator: null, denominator: null, n, reason: null };
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
