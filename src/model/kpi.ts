import type { Localized } from '../lib/localized.ts';
/** The long KPI table: the one place pages and scoring read figures from. */
export type EntityType = 'company' | 'team' | 'person' | 'region';
export type Grain = 'month' | 'quarter' | 'year';

export interface KpiRow {
  entity_type: EntityType;
  entity_id: string;
  grain: Grain;
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY` */
  period: string;
  kpi: string;
  /** null = no value (empty denominator, no data): see `reason` */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** observations behind the figure (buyers, tickets, responses …) */
  n: number;
  /** why value is null, a reason code such as `empty_denominator` or `no_data` */
  reason: string | null;
}

export type { Localized } from '../lib/localized.ts';

export type KpiUnit = 'count' | 'currency' | 'ratio' | 'hours' | 'nps' | 'change';
export type KpiDirection = 'higher' | 'lower';
export type KpiFamily = 'sales' | 'lifecycle' | 'tiers' | 'service' | 'satisfaction' | 'channels';

export interface KpiDefinition {
  id: string;
  family: KpiFamily;
  name: Localized;
  unit: KpiUnit;
  direction: KpiDirection;
  /** one-line "how is this computed", shown next to every figure */
  definition: Localized;
  /** the numerator and denominator are amounts of money (a ratio of two amounts), the value is not */
  parts?: 'currency';
  /** a sum over rows (revenue, counts): a group's value is the sum of its members' values */
  additive?: boolean;
  /** the input file that must exist for this KPI to have values */
  source: 'orders' | 'customers' | 'tickets' | 'interactions' | 'surveys' | 'tasks';
}
