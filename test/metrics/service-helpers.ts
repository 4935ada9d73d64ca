import { moneyFor } from '../../src/lib/money.ts';
import { fen } from './helpers.ts';
import { defaultConfig, type Config } from '../../src/config/schema.ts';
import { parseIsoDay, timeZone } from '../../src/lib/time-zone.ts';
import { attribution } from '../../src/metrics/attribution.ts';
import type { MetricContext } from '../../src/metrics/context.ts';
import type { KpiRow } from '../../src/model/kpi.ts';
import type { Dataset, InputTable } from '../../src/model/tables.ts';
import { inputFiles, type InputName, type RowOf } from '../../src/validate/schemas/index.ts';

/**
 * Tiny builders for metric tests: row objects → the column-oriented tables ingest produces
 * (every canonical column present, missing cells null), a Dataset, and a MetricContext.
 */
export function table<N extends InputName>(name: N, rows: readonly object[]): InputTable<N> {
  const keys = new Set(Object.keys((inputFiles[name].schema as unknown as { shape: Record<string, unknown> }).shape));
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k);
  const columns: Record<string, unknown[]> = {};
  for (const k of keys) columns[k] = rows.map((r) => (r as Record<string, unknown>)[k] ?? null);
  return { name, rows: rows.length, columns: columns as unknown as InputTable<N>['columns'], line: rows.map((_, i) => i + 2) };
}

export interface SurveyInput {
  response_id: string;
  responded_at: number;
  customer_id?: string | null;
  channel?: string | null;
  ticket_id?: string | null;
  csat?: number | null;
  nps?: number | null;
  [dim: `dim_${string}`]: number | null;
}

export interface Parts {
  orders?: Partial<RowOf<'orders'>>[];
  customers?: Partial<RowOf<'customers'>>[];
  staff?: Partial<RowOf<'staff'>>[];
  tickets?: Partial<RowOf<'tickets'>>[];
  interactions?: Partial<RowOf<'interactions'>>[];
  /** survey rows: the catch-all dim_* columns make RowOf<'surveys'> unusable as an object literal type */
  surveys?: SurveyInput[];
  tasks?: Partial<RowOf<'tasks'>>[];
  surveyDimensions?: string[];
}

/** Order amounts are written in yuan and stored in fen, as ingest stores them (helpers.ts `fen`). */
export function dataset(p: Parts): Dataset {
  return {
    orders: table('orders', (p.orders ?? []).map((o) => (typeof o.amount === 'number' ? { ...o, amount: fen(o.amount) } : o))),
    customers: p.customers ? table('customers', p.customers) : null,
    staff: p.staff ? table('staff', p.staff) : null,
    tickets: p.tickets ? table('tickets', p.tickets) : null,
    interactions: p.interactions ? table('interactions', p.interactions) : null,
    surveys: p.surveys ? table('surveys', p.surveys) : null,
    targets: null,
    tasks: p.tasks ? table('tasks', p.tasks) : null,
    surveyDimensions: p.surveyDimensions ?? [],
  };
}

/** A context in UTC (unless tz is given) with asOf and firstDay as YYYY-MM-DD. */
export function context(
  ds: Dataset,
  asOf: string,
  firstDay: string,
  opts: { tz?: string; config?: (c: Config) => void } = {},
): MetricContext {
  const config = defaultConfig();
  opts.config?.(config);
  const tz = timeZone(opts.tz ?? 'UTC');
  const asOfDay = parseIsoDay(asOf)!;
  return {
    config,
    tz,
    asOfDay,
    asOfEnd: tz.startOfDay(asOfDay + 1) - 1,
    firstDay: parseIsoDay(firstDay)!,
    attribution: attribution(ds),
    money: moneyFor(config.currency),
  };
}

/** An instant from a UTC wall time "YYYY-MM-DD HH:MM". */
export const utc = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00Z`);
export const H = 3_600_000;

/** The one row of a KPI for an entity, grain and period (throws when absent or duplicated). */
export function kpi(rows: KpiRow[], kpiId: string, period: string, entity = 'company:company'): KpiRow {
  const [type, id] = entity.split(':') as [string, string];
  const hits = rows.filter((r) => r.kpi === kpiId && r.period === period && r.entity_type === type && r.entity_id === id);
  if (hits.length !== 1) throw new Error(`${hits.length} rows for ${kpiId} ${period} ${entity}`);
  return hits[0]!;
}
