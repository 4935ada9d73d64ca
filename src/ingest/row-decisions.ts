import type { z } from 'zod';
import type { Money } from '../lib/money.ts';
import { productToMinor } from '../lib/money.ts';
import type { ReasonCode } from '../validate/reasons.ts';
import { checkRowRules } from '../validate/row-rules.ts';
import { fieldMeta } from '../validate/schemas/fields.ts';
import type { InputName } from '../validate/schemas/index.ts';
import { validateRow } from '../validate/validate-row.ts';
import { CellFailure, coerceCell, type CoerceContext, type FieldPlan } from './coerce-row.ts';
import type { OrderRows } from './order-rows.ts';
import type { RowCurrency } from './row-currency.ts';
import { looksScientific, type WarningCode } from './warnings.ts';

/**
 * What happens to one record of a file once its header is mapped (read-input-file.ts): excluded
 * (an order status the sales rules leave out), rejected with its column, raw value and reason,
 * or accepted as a typed row. The decision goes to a RowSink (the reader's ledger, column store
 * and order tallies; a recorder in tests), so the rules are testable without a file.
 *
 * The hot path of ingest (once per record): no allocation per row beyond the row object itself,
 * one sink object (monomorphic calls).
 */
export interface RowSink {
  exclude(): void;
  reject(line: number, column: string | null, raw: string, reason: ReasonCode, cells: string[], detail?: string): void;
  warn(code: WarningCode, column: string | null, line: number, raw: string): void;
  /** a date that reads both day- and month-first with no dateOrder set: stops the file (file-errors.ts) */
  ambiguousDate(column: string, line: number, raw: string): void;
  /** a currency the row states (`column:USD`) or was converted from (`converted:USD`): the ledger's counts */
  currency(key: string): void;
  accept(data: Record<string, unknown>, cells: string[], line: number): void;
}

/** What a decider needs to know of a file, from its mapped header. */
export interface RowRules {
  name: InputName;
  schema: z.ZodType<Record<string, unknown>>;
  /** cells a record must have (the header's, with a joined name column: name-parts.ts) */
  headerLength: number;
  plan: FieldPlan[];
  /** survey dimension scores (`dim_<name>`), after the plan's columns */
  dimPlans: FieldPlan[];
  ctx: CoerceContext;
  /** column → cell index (headers.ts), for the raw value of a rejected row */
  index: ReadonlyMap<string, number>;
  /** validate every row with zod (else the first ZOD_GUARD_ROWS only: coercionCovers) */
  zodEveryRow: boolean;
  keyColumn?: string | undefined;
  /** orders: status exclusions and the sales layout (order-rows.ts) */
  orderRows?: OrderRows | null;
  /** orders with a rates file and a currency column: each row's currency and its conversion */
  rowCurrency?: RowCurrency | null;
}

/**
 * Rows are validated with the zod schema. When every field of a schema is fully checked by its
 * coercer (ids non-empty, dates and numbers finite, enums canonical, text trimmed: orders,
 * customers, interactions, tasks), zod runs on the first `ZOD_GUARD_ROWS` accepted rows as a
 * guard and is skipped after: at a million order lines it cost ~0.7 s of CPU (object copies and
 * GC), a sixth of the ingest. Schemas with integer ranges, defaults or formats (tickets, surveys,
 * staff, targets) are validated on every row.
 */
export const ZOD_GUARD_ROWS = 1000;

/**
 * The longest cell accepted in a column we read: Excel's cell limit (32,767 characters). A longer
 * value is a broken quote or a corrupted export; the row is rejected as `value_too_long`
 * (columns the pipeline does not read are not checked: a CRM's long notes field is harmless).
 */
export const MAX_CELL_CHARS = 32_767;

export function coercionCovers(shape: Record<string, z.ZodType>): boolean {
  return Object.values(shape).every((f) => {
    const kind = fieldMeta(f)?.kind;
    const t = (f as unknown as { def: { type: string } }).def.type;
    return t !== 'default' && (kind === 'id' || kind === 'text' || kind === 'date' || kind === 'number' || kind === 'money' || kind === 'enum');
  });
}

export class RowDecider {
  /** a NUL byte was seen in the text read so far: cells are checked for one from now on */
  hasNul = false;
  private readonly name: InputName;
  private readonly schema: z.ZodType<Record<string, unknown>>;
  private readonly headerLength: number;
  private readonly plan: FieldPlan[];
  private readonly dimPlans: FieldPlan[];
  private readonly ctx: CoerceContext;
  private readonly index: ReadonlyMap<string, number>;
  private readonly zodEveryRow: boolean;
  private readonly keyColumn: string | null;
  private readonly orderRows: OrderRows | null;
  private readonly rowCurrency: RowCurrency | null;
  /** the reporting currency (a row in another one is read in its own minor unit, then converted) */
  private readonly reporting: Money;
  private readonly makeRow: (v: unknown[]) => Record<string, unknown>;
  private readonly values: unknown[] = [];
  private readonly seenKeys = new Map<string, number>();
  /** orders' amount, quantity and unit price in the plan (−1: absent) */
  private readonly amountPlan: number;
  private readonly qtyPlan: number;
  private readonly pricePlan: number;
  private readonly currencyPlan: number;
  /** rows accepted so far (the zod guard counts them) */
  private accepted = 0;

  constructor(r: RowRules) {
    this.name = r.name;
    this.schema = r.schema;
    this.headerLength = r.headerLength;
    this.plan = r.plan;
    this.dimPlans = r.dimPlans;
    this.ctx = r.ctx;
    this.index = r.index;
    this.zodEveryRow = r.zodEveryRow;
    this.keyColumn = r.keyColumn || null;
    this.orderRows = r.orderRows ?? null;
    this.rowCurrency = r.rowCurrency ?? null;
    this.reporting = r.ctx.money;
    this.makeRow = rowFactory(r.plan.map((p) => p.column));
    const at = (c: string) => r.plan.findIndex((p) => p.column === c);
    this.amountPlan = r.name === 'orders' ? at('amount') : -1;
    this.qtyPlan = at('quantity');
    this.pricePlan = at('unit_price');
    this.currencyPlan = r.plan.findIndex((p) => p.column === 'currency' && p.index >= 0);
  }

  /** A record whose cell count is not the header's: rejected (true), as a stray quote or a ragged row. */
  misshapen(cells: string[], line: number, span: number, sink: RowSink): boolean {
    const n = this.headerLength;
    if (cells.length === n) return false;
    if (span > 1) sink.reject(line, null, '', 'unterminated_quote', cells, `line ${line} to ${line + span - 1} read as one row of ${cells.length} fields`);
    else sink.reject(line, null, '', 'ragged_row', cells, `${cells.length} fields, header ${n}`);
    return true;
  }

  /** a record with the header's number of cells: excluded, rejected with a reason, or accepted */
  decide(record: string[], line: number, sink: RowSink): void {
    const { plan, ctx, orderRows, rowCurrency } = this;
    const values = this.values;
    let cells = record;
    // a row in another currency is read in its own minor unit, then converted below
    const foreign = rowCurrency ? rowCurrency.of(cells) : null;
    ctx.money = foreign ?? this.reporting;
    if (orderRows) {
      cells = orderRows.cells(record);
      if (orderRows.excludes(cells)) { sink.exclude(); return; }
    }
    for (let k = 0; k < plan.length; k++) {
      const p = plan[k]!;
      // a column the file does not have: empty (or the schema default, e.g. staff.active)
      if (p.index < 0) { values[k] = p.kind === 'boolean' ? undefined : null; continue; }
      const cell = cells[p.index]!;
      // hostile cells are rejected with their column before any parsing (robustness fixes:
      // a NUL byte used to pass into ids and names, a 10 MB cell into the published bundle)
      if (cell.length > MAX_CELL_CHARS || (this.hasNul && cell.includes('\u0000'))) { rejectHostile(p, cell, line, cells, sink); return; }
      if (p.kind === 'id' && looksScientific(cell)) sink.warn('excel_scientific_id', p.column, line, cell);
      const v = coerceCell(p, cell, ctx);
      if (v instanceof CellFailure) {
        const f = v.f;
        // one error per column, the rest of the file still read: every problem listed at once
        if (f.reason === 'needs_date_order') sink.ambiguousDate(p.column, line, f.raw);
        else sink.reject(line, f.column, f.raw, f.reason, cells, f.detail);
        return;
      }
      values[k] = v;
    }
    const row = this.makeRow(values);
    for (const p of this.dimPlans) {
      const cell = cells[p.index]!;
      if (cell.length > MAX_CELL_CHARS || (this.hasNul && cell.includes('\u0000'))) { rejectHostile(p, cell, line, cells, sink); return; }
      const v = coerceCell(p, cell, ctx);
      if (v instanceof CellFailure) { sink.reject(line, v.f.column, v.f.raw, v.f.reason as ReasonCode, cells, v.f.detail); return; }
      row[p.column] = v;
    }
    if (this.amountPlan >= 0 && row.amount === null) this.amountFromQuantity(row);
    if (foreign && typeof row.order_date === 'number' && !this.convert(row, foreign, row.order_date, line, cells, sink)) return;
    if (this.currencyPlan >= 0 && row.currency != null) sink.currency(`column:${String(row.currency).toUpperCase()}`);
    const rule = checkRowRules(this.name, row);
    if (rule) {
      const idx = rule.column ? this.index.get(rule.column) : undefined;
      sink.reject(line, rule.column, idx !== undefined ? cells[idx]! : '', rule.reason, cells);
      return;
    }
    const valid = this.zodEveryRow || this.accepted < ZOD_GUARD_ROWS ? validateRow(this.schema, row) : { ok: true as const, data: row };
    if (!valid.ok) { sink.reject(line, valid.column, this.rawOf(valid.column, cells), valid.reason, cells, valid.detail); return; }
    const data = valid.data;
    const keyColumn = this.keyColumn;
    if (keyColumn) {
      const key = data[keyColumn] as string;
      const first = this.seenKeys.get(key);
      if (first !== undefined) { sink.reject(line, keyColumn, key, 'duplicate_key', cells, String(first)); return; }
      this.seenKeys.set(key, line);
    }
    this.accepted++;
    sink.accept(data, cells, line);
  }

  /** orders with no amount but a quantity and a unit price: their exact product, half to even to the minor unit (lib/money.ts) */
  private amountFromQuantity(row: Record<string, unknown>): void {
    if (this.qtyPlan < 0 || this.pricePlan < 0) return;
    const q = row.quantity as number | null;
    const pr = row.unit_price as number | null;
    if (q !== null && pr !== null) row.amount = productToMinor(q, pr, this.ctx.money.digits);
  }

  /**
   * A row in another currency: its amounts converted on its order date (row-currency.ts). False
   * when rejected (a converted amount past 2^53 minor units); no rate in force is counted there
   * and stops the build (currency-check.ts).
   */
  private convert(row: Record<string, unknown>, from: Money, when: number, line: number, cells: string[], sink: RowSink): boolean {
    for (const c of CONVERTED) {
      const v = row[c];
      if (typeof v !== 'number') continue;
      const x = this.rowCurrency!.convert(v, from, when);
      if (x === null) { sink.reject(line, c, cells[this.index.get(c)!] ?? '', 'amount_too_large', cells); return false; }
      if (x !== 'no_rate') row[c] = x;
    }
    sink.currency(`converted:${from.currency}`);
    return true;
  }

  /** the file's cell of a column (a survey dimension's too), for the message of a rejected row ('' when not in the file) */
  private rawOf(column: string | null, cells: string[]): string {
    if (!column) return '';
    const idx = this.index.get(column) ?? this.dimPlans.find((p) => p.column === column)?.index;
    return idx !== undefined ? cells[idx]! : '';
  }
}

/** a cell longer than any real value, or holding a NUL byte (the text holds one): the row is rejected */
function rejectHostile(p: FieldPlan, cell: string, line: number, cells: string[], sink: RowSink): void {
  if (cell.length > MAX_CELL_CHARS) sink.reject(line, p.column, cell.slice(0, 40) + '…', 'value_too_long', cells, `${cell.length} characters, at most ${MAX_CELL_CHARS}`);
  else sink.reject(line, p.column, cell.replaceAll('\u0000', '\\0').slice(0, 80), 'nul_byte', cells);
}

/** the amounts of an order row in another currency that are converted */
const CONVERTED = ['amount', 'refund_amount'] as const;

/** A row object with a fixed shape, built by generated code: one hidden class for every row. */
function rowFactory(columns: string[]): (v: unknown[]) => Record<string, unknown> {
  const body = `return {${columns.map((c, i) => `${JSON.stringify(c)}: v[${i}]`).join(', ')}};`;
  return new Function('v', body) as (v: unknown[]) => Record<string, unknown>;
}
