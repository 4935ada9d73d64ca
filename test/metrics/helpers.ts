import { configSchema, type Config, type ConfigInput } from '../../src/config/schema.ts';
import { timeZone } from '../../src/lib/time-zone.ts';
import { decimalToMinor } from '../../src/lib/money.ts';
import type { Columns, Dataset, InputTable } from '../../src/model/tables.ts';
import type { CustomerRow, InputName, OrderRow, RowOf, StaffRow } from '../../src/validate/schemas/index.ts';

/** Test datasets from row objects. Dates are written 'YYYY-MM-DD' (noon, Asia/Shanghai) or 'YYYY-MM-DD HH:mm'. */
const tz = timeZone('Asia/Shanghai');

export function at(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(s);
  if (!m) throw new Error(`bad test date ${s}`);
  return tz.instantOf(Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? Number(m[4]) : 12, m[5] ? Number(m[5]) : 0);
}

const orderCols = ['order_id', 'customer_id', 'order_date', 'amount', 'quantity', 'unit_price', 'owner_id', 'status', 'channel', 'product', 'category', 'region'] as const;
const customerCols = ['customer_id', 'name', 'owner_id', 'created_at', 'region', 'industry', 'member_level', 'phone', 'email'] as const;
const staffCols = ['staff_id', 'name', 'role', 'team', 'manager_id', 'region', 'hired_at', 'active'] as const;

function tableOf<N extends InputName>(name: N, cols: readonly string[], rows: Record<string, unknown>[]): InputTable<N> {
  const columns: Record<string, unknown[]> = {};
  for (const c of cols) columns[c] = rows.map((r) => r[c] ?? null);
  return { name, rows: rows.length, columns: columns as Columns<RowOf<N>>, line: rows.map((_, i) => i + 2) };
}

export type OrderIn = Partial<Omit<OrderRow, 'order_date'>> & { order_id: string; order_date: string | number; amount: number };
export type CustomerIn = Partial<Omit<CustomerRow, 'created_at'>> & { customer_id: string; created_at?: string | null };
export type StaffIn = Partial<StaffRow> & { staff_id: string };

/** A test's amount in yuan (CNY, the default currency) → minor units, as ingest reads it (lib/money.ts). */
export function fen(yuan: number): number {
  const v = decimalToMinor(String(yuan), 2);
  if (typeof v !== 'number') throw new Error(`bad test amount ${yuan}: ${v}`);
  return v;
}

/** Amounts are written in yuan and stored in fen, as ingest stores them; metrics publish yuan. */
export function dataset(p: { orders: OrderIn[]; customers?: CustomerIn[]; staff?: StaffIn[] }): Dataset {
  const orders = p.orders.map((o) => ({ ...o, amount: fen(o.amount), order_date: typeof o.order_date === 'number' ? o.order_date : at(o.order_date) }));
  const customers = p.customers?.map((c) => ({ ...c, created_at: c.created_at ? at(c.created_at) : null }));
  const staff = p.staff?.map((s) => ({ name: s.staff_id, role: 'account-manager', active: true, ...s }));
  return {
    orders: tableOf('orders', orderCols, orders),
    customers: customers ? tableOf('customers', customerCols, customers) : null,
    staff: staff ? tableOf('staff', staffCols, staff) : null,
    tickets: null,
    interactions: null,
    surveys: null,
    targets: null,
    tasks: null,
    surveyDimensions: [],
  };
}

export function config(c: ConfigInput = {}): Config {
  return configSchema.parse(c);
}

/** Find one KPI row; throws when absent so a typo fails loudly. */
export function kpi<R extends { entity_type: string; entity_id: string; grain: string; period: string; kpi: string }>(
  rows: readonly R[],
  entity: string,
  grain: string,
  period: string,
  id: string,
): R {
  const [type, eid] = entity.includes(':') ? (entity.split(':') as [string, string]) : ['company', 'company'];
  const r = rows.find((x) => x.entity_type === type && x.entity_id === eid && x.grain === grain && x.period === period && x.kpi === id);
  if (!r) throw new Error(`no row ${entity} ${grain} ${period} ${id}`);
  return r;
}
