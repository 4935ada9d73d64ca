import type { Grain } from '../model/kpi.ts';
import type { Attribution } from './attribution.ts';
import type { MetricContext } from './context.ts';
import type { EntityRef } from './kpi-rows.ts';
import { monthIndexOfDay, periodIdOfMonth, periodsBetween, type Period } from './periods.ts';

/**
 * Shared pieces of the service, satisfaction and channel families. Each input row is counted
 * once per (entity group, month) and rolled up to its ≤ 4 entities × 3 periods (month, quarter,
 * year) — see entity-groups.ts and period-grid.ts — then rows are emitted for every entity ×
 * grain × period from ctx.firstDay to the period containing asOf. Ratios of a group are
 * therefore recomputed from the group's own rows, never averaged from members.
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

/** Every period of every grain from ctx.firstDay to the one containing asOf. */
export function periodsByGrain(ctx: Pick<MetricContext, 'firstDay' | 'asOfDay'>): Record<Grain, Period[]> {
  return {
    month: periodsBetween(ctx.firstDay, ctx.asOfDay, 'month'),
    quarter: periodsBetween(ctx.firstDay, ctx.asOfDay, 'quarter'),
    year: periodsBetween(ctx.firstDay, ctx.asOfDay, 'year'),
  };
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
