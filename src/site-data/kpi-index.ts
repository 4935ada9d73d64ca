import type { Grain, KpiDefinition, KpiRow, KpiUnit } from '../model/kpi.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { isoDate } from '../i18n/format.ts';
import { grainOf, previousPeriod, samePeriodLastYear } from './periods.ts';
import { COMPANY } from '../metrics/kpi-rows.ts';

/**
 * Look-ups into the published KPI table. Pages read values; they never compute a KPI.
 * The index is built once per bundle (a WeakMap keyed by the kpis array).
 */
const key = (t: string, id: string, period: string, kpi: string) => `${t}\u0000${id}\u0000${period}\u0000${kpi}`;
const cache = new WeakMap<KpiRow[], Map<string, KpiRow>>();

const index = (rows: KpiRow[]): Map<string, KpiRow> => {
  let m = cache.get(rows);
  if (!m) {
    m = new Map(rows.map((r) => [key(r.entity_type, r.entity_id, r.period, r.kpi), r]));
    cache.set(rows, m);
  }
  return m;
};

export interface Entity {
  type: KpiRow['entity_type'];
  id: string;
}
export const company: Entity = { type: 'company', id: COMPANY.entity_id };

export const kpiRow = (b: SiteBundle, e: Entity, period: string, kpi: string): KpiRow | undefined =>
  index(b.kpis).get(key(e.type, e.id, period, kpi));

export const kpiDef = (b: SiteBundle, kpi: string): KpiDefinition | undefined => b.catalogue.find((k) => k.id === kpi);

/** KPI ids that have at least one row for this entity and grain. */
export const kpisWithRows = (b: SiteBundle, e: Entity, grain: Grain): Set<string> =>
  new Set(b.kpis.filter((r) => r.entity_type === e.type && r.entity_id === e.id && r.grain === grain).map((r) => r.kpi));

export interface Change {
  /** 'relative' = (cur − prev) / |prev|; 'points' = cur − prev (ratios in percentage points, NPS in points) */
  kind: 'relative' | 'points';
  value: number | null;
  /** judged by the KPI's direction */
  verdict: 'better' | 'worse' | 'unchanged' | null;
  /**
   * why there is no change although this period has a value: the other period has no value
   * (`no_data`, e.g. the first year has no year before it) or is 0, where a relative change has
   * no meaning (`zero_base`). Pages then show "—" with this reason, never a made-up figure.
   */
  reason?: 'no_data' | 'zero_base' | 'partial_start';
  /** `partial_start`: the first day of the KPI's data, inside the other period */
  since?: string;
}

/**
 * The display comparison of two published values (a presentation of the table, not a new KPI).
 * Ratios and NPS compare in points; counts, money and hours relatively.
 */
export const change = (cur: number | null | undefined, prev: number | null | undefined, unit: KpiUnit, direction: 'higher' | 'lower'): Change => {
  const kind = unit === 'ratio' || unit === 'nps' || unit === 'change' ? 'points' : 'relative';
  if (cur == null) return { kind, value: null, verdict: null };
  if (prev == null) return { kind, value: null, verdict: null, reason: 'no_data' };
  if (kind === 'relative' && prev === 0) return { kind, value: null, verdict: null, reason: 'zero_base' };
  const value = kind === 'points' ? cur - prev : (cur - prev) / Math.abs(prev);
  const eps = kind === 'points' && unit === 'nps' ? 0.5 : 0.0005;
  const verdict = Math.abs(value) < eps ? 'unchanged' : (value > 0) === (direction === 'higher') ? 'better' : 'worse';
  return { kind, value, verdict };
};

export interface Comparison {
  row: KpiRow | undefined;
  previous: KpiRow | undefined;
  lastYear: KpiRow | undefined;
  vsPrevious: Change;
  vsLastYear: Change;
}

/** The first local day (`YYYY-MM-DD`) of a source file's data, from the ledger's date coverage; null when unknown. */
export const dataStart = (b: SiteBundle, source: KpiDefinition['source']): string | null => {
  const f = b.ledger.find((x) => x.name === source);
  return f?.coverage ? isoDate(f.coverage.min, b.manifest.timezone) : null;
};

/**
 * A period that begins before its KPI's data does (the data starts mid-quarter): its value covers
 * part of the period only, so a change against it would mislead (+300 % after a two-week first
 * quarter). Returns the data's first day then, else null.
 */
export const partialStart = (b: SiteBundle, def: KpiDefinition, period: string): string | null => {
  const since = dataStart(b, def.source);
  const grain = grainOf(period);
  const info = grain ? b.manifest.periods[grain]?.find((p) => p.id === period) : undefined;
  return since && info && info.start < since && since <= info.end ? since : null;
};

const against = (b: SiteBundle, def: KpiDefinition, cur: KpiRow | undefined, other: string | null, row: KpiRow | undefined): Change => {
  const c = change(cur?.value, row?.value, def.unit, def.direction);
  const since = other && c.value != null ? partialStart(b, def, other) : null;
  return since ? { kind: c.kind, value: null, verdict: null, reason: 'partial_start', since } : c;
};

export const compareKpi = (b: SiteBundle, e: Entity, period: string, def: KpiDefinition): Comparison => {
  const row = kpiRow(b, e, period, def.id);
  const p = previousPeriod(period);
  const y = samePeriodLastYear(period);
  const previous = p ? kpiRow(b, e, p, def.id) : undefined;
  const lastYear = y ? kpiRow(b, e, y, def.id) : undefined;
  return {
    row, previous, lastYear,
    vsPrevious: against(b, def, row, p, previous),
    vsLastYear: against(b, def, row, y, lastYear),
  };
};
