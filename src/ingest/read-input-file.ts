import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Config } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { LedgerFile, RejectedRow } from '../model/ledger.ts';
import type { InputTable } from '../model/tables.ts';
import { DIMENSION_PREFIX, inputFiles, type InputName } from '../validate/schemas/index.ts';
import { fieldMeta, isOptionalField } from '../validate/schemas/fields.ts';
import { checkRowRules } from '../validate/row-rules.ts';
import { validateRow } from '../validate/validate-row.ts';
import { CellFailure, coerceCell, internValue, planFields, type CoerceContext, type FieldPlan } from './coerce-row.ts';
import { decodeStream, readTextPieces, textPieces, type DecodedStream, type DecodeFailure, type Encoding } from './decode.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import { decodeError } from './encoding-error.ts';
import { matchHeaders, missingColumnError, type HeaderMatch } from './headers.ts';
import { joinName, namePartsFor, type NameParts } from './name-parts.ts';
import { LedgerBuilder, type LedgerPart } from './ledger.ts';
import { CsvStream, type CsvResult } from './parse-csv.ts';
import { judgeQuotedBreaks, strayQuotesStop } from './stray-quotes.ts';
import { afterBulk, afterBulkDetail, localDay } from './after-bulk.ts';
import { timeZone } from '../lib/time-zone.ts';
import { DateParser } from './parse-date.ts';
import { OrderRows, type OrderRowsSetup } from './order-rows.ts';
import { presetRules } from './presets/index.ts';
import { newOrderTallies } from './order-tallies.ts';
import { looksScientific } from './warnings.ts';
import { givenColumns, virtualColumns, type VirtualColumn } from './virtual-columns.ts';
import { EXCLUDED, findRepeats, rejectedOutcome, rejectIndex, RowLog, type RowLogData } from './exact-duplicates.ts';
import type { ReasonCode } from '../validate/reasons.ts';
import { packedRows, unpackColumn, type PackedColumn } from './table-transfer.ts';
import { moneyFor, productToMinor } from '../lib/money.ts';
import { conversionNote, currencyStop } from './currency-check.ts';
import type { RateTable } from './rates.ts';
import { RowCurrency } from './row-currency.ts';
import type { Money } from '../lib/money.ts';

/**
 * One input file: bytes → decoded text → records → mapped, coerced, validated rows pushed
 * straight into column arrays, every row accounted for in the ledger. Pure: bytes in, values out.
 */
export interface ReadInputOptions<N extends InputName> {
  name: N;
  /** path relative to data/ (for messages and the ledger) */
  file: string;
  bytes: Uint8Array;
  /**
   * A part only: its bytes are not in `bytes` but read a piece at a time (positions within the
   * part's range), so the thread reading it holds one piece, not the part.
   */
  read?: (position: number, into: Uint8Array) => number;
  /** bytes a `read` asks for at a time */
  pieceBytes?: number;
  /**
   * The columns to keep (default: all). Every column is still read, coerced and validated (a bad
   * value rejects its row); only the kept ones are stored: the build keeps the order-line
   * columns that later stages read (ORDER_LINE_COLUMNS), a fifth of the ingest peak at 5M lines.
   */
  keep?: readonly string[];
  config: Config;
  /** for the accepted year range when config.asOf is not set (default: Date.now()) */
  now?: number;
  /** bytes decoded and parsed at a time (default 2 MiB): bounds the text held in memory */
  chunkBytes?: number;
  /**
   * `bytes` is the head of a larger file (the rest is read elsewhere): its fingerprint, already
   * computed over the whole file, and the whole file's size (the column arrays are sized for it)
   */
  whole?: { fingerprint: string; size: number };
  /** a part (readInputPart) hands its accepted rows over in batches of `batchRows` (default 65,536) */
  onBatch?: (batch: RowBatch) => void;
  batchRows?: number;
  /** orders.csv: the rates file, converting rows in other currencies (row-currency.ts); none: one currency */
  rates?: RateTable | null;
}

/**
 * The later part of a UTF-8 file cut between two threads (see split-records.ts): bytes
 * [start, end) of `bytes` (the whole file), whose records start on physical line `line`, read
 * with the first part's header and delimiter.
 */
export interface InputPartRange {
  start: number;
  end: number;
  header: string[];
  delimiter: string;
  line: number;
}

/**
 * What reading a part gives back at its end, for the reader of the first part to absorb (its
 * accepted rows went out in batches, through `onBatch`).
 */
export interface InputPart {
  ledger: LedgerPart;
  /** the part's row log (exact-duplicates.ts), null when not deduplicating */
  rows: RowLogData | null;
}

/** A batch of accepted rows packed for postMessage (table-transfer.ts). */
export interface PackedRows {
  columns: Record<string, PackedColumn>;
  line: PackedColumn;
}

/** The end of a part read elsewhere: its ledger and row log (its rows came as PackedRows). */
export interface PackedPartEnd {
  ledger: LedgerPart;
  rows: RowLogData | null;
}

/** A batch of accepted rows (the column arrays are handed over: the reader starts new ones). */
export interface RowBatch {
  columns: Record<string, unknown[]>;
  line: number[];
  rows: number;
}

/**
 * A file being read: `readTo` parses the bytes up to an offset (a record boundary, or the end),
 * `absorb` merges a later part read elsewhere, `finish` gives the result. readInputFile is
 * `readTo(end)` then `finish()`.
 */
export interface InputReader<N extends InputName> {
  readonly encoding: Encoding;
  /** the first byte after a byte-order mark */
  readonly bodyStart: number;
  readonly delimiter: string;
  /** the header row as found in the first decoded piece, null when not there (or blank) */
  readonly headerPreview: string[] | null;
  /** the next byte to parse */
  readonly position: number;
  /** parse up to `end`; `between` runs after each decoded piece (to take in the other thread's rows) */
  readTo(end: number, between?: () => void): void;
  /** let the file's bytes go (after the last readTo; absorbing and finishing still work) */
  release(): void;
  /** keep the first `rows` row slots for this part (the rest of the file's rows go above them) */
  reserve(rows: number): void;
  /**
   * Merge the rest of the file (from `position` to the end), read by another thread: its
   * accepted rows batch by batch, in order, then its ledger and row log. Exact duplicates across
   * the two parts are found in `finish`, as within one part.
   */
  absorbRows(rows: PackedRows): void;
  absorbEnd(part: PackedPartEnd): void;
  /** the result; `fingerprint` when the whole file's was not known at open (still being read) */
  finish(fingerprint?: string): ReadInputResult<N>;
}

export type ReadInputResult<N extends InputName> =
  | { ok: true; table: InputTable<N>; ledger: LedgerFile; rejects: RejectedRow[]; header: string[]; dimensions: string[] }
  | FileFailure;

/** A file that cannot be read: `error` is the first of `errors` (every problem found in it). */
export type FileFailure = { ok: false; error: BuildError; errors?: BuildError[] };

/** the main date column of each file: its min/max is the ledger's coverage */
export const coverageColumn: Record<InputName, string | null> = {
  orders: 'order_date', customers: 'created_at', staff: 'hired_at', tickets: 'opened_at',
  interactions: 'occurred_at', surveys: 'responded_at', targets: null, tasks: 'due_at',
};

/** A file-level problem that stops reading the file: every problem found so far with it. */
class Abort {
  readonly errors: BuildError[];
  constructor(...errors: BuildError[]) { this.errors = errors; }
}

/** accepted year range: 1970 … (asOf year, or this year) + 1 */
export function yearRange(config: Config, now: number): { minYear: number; maxYear: number } {
  const y = config.asOf ? Number(config.asOf.slice(0, 4)) : new Date(now).getUTCFullYear();
  return { minYear: 1970, maxYear: y + 1 };
}

/**
 * The latest accepted event date (epoch ms): the end of the day after the build's own UTC day, so
 * time zones ahead of UTC and a little clock skew never reject today's rows. With config.asOf
 * set the report's date is fixed by hand and no row is refused for its date (Infinity).
 */
export function latestEventDate(config: Config, now: number): number {
  if (config.asOf) return Infinity;
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 2) - 1;
}

export function readInputFile<N extends InputName>(o: ReadInputOptions<N>): ReadInputResult<N> {
  const r = openInputFile(o);
  if (!r.ok) return r;
  r.reader.readTo(o.bytes.length);
  return r.reader.finish();
}

/** Read bytes [part.start, part.end) of a file cut in two (the worker's half). */
export function readInputPart<N extends InputName>(o: ReadInputOptions<N> & { part: InputPartRange; onBatch: (batch: RowBatch) => void }): { ok: true; part: InputPart } | FileFailure {
  const r = openInputFile(o, o.part);
  if (!r.ok) return r;
  r.reader.readTo(o.part.end);
  return r.part();
}

export function openInputFile<N extends InputName>(
  o: ReadInputOptions<N>,
  range?: InputPartRange,
): { ok: true; reader: InputReader<N>; part: () => { ok: true; part: InputPart } | FileFailure } | FileFailure {
  // `bytes`, `o` and `dec` are not used by the closures below, only `source` and `chunksOf`:
  // `release` can then let the file's bytes go while the reader lives on
  const { name, file, bytes, config } = o;
  /** the rates file (orders), taken out of `o` so that no closure holds the options (and their bytes) */
  const rates: RateTable | null = o.rates ?? null;
  const onBatch = o.onBatch;
  const spec = inputFiles[name];
  const settings = config.files[name];
  const chunkBytes = o.chunkBytes ?? 2 << 20;
  const total = bytes.length;
  let source: Uint8Array | null = bytes;
  // a part is a piece of a file already fingerprinted, decoded and checked as UTF-8
  const fingerprint = range ? '' : o.whole ? o.whole.fingerprint : createHash('sha256').update(bytes).digest('hex');
  const readPart = o.read;
  const pieceBytes = o.pieceBytes;
  const keep = o.keep;
  /** `bytes` is only the head of the file (the rest read on another thread) */
  const headOnly = !!o.whole;
  const sniffed = range
    ? {
        ok: true as const,
        dec: {
          ok: true as const, encoding: 'utf-8' as const, bodyStart: range.start,
          chunks: readPart
            ? (from = range.start, to = range.end) => readTextPieces(readPart, 'utf-8', from, to, chunkBytes, pieceBytes)
            : (from = range.start, to = range.end) => textPieces(source!, 'utf-8', from, to, chunkBytes),
        },
        delimiter: range.delimiter, headerPreview: null,
      }
    : sniffFile(bytes, settings, chunkBytes);
  if (!sniffed.ok) return { ok: false, error: decodeError(name, file, sniffed.dec) };
  const { encoding, bodyStart } = sniffed.dec;
  let chunksOf: ((from: number, to: number) => Generator<string>) | null = sniffed.dec.chunks;
  const delimiter = sniffed.delimiter;
  // NUL bytes: looked for in each decoded piece (a native indexOf); only once one is seen are the
  // cells of later records checked one by one (a record is parsed after the piece it ends in)
  let hasNul = false;

  const shape = (spec.schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  const columns = Object.keys(shape);
  const required = columns.filter((c) => !isOptionalField(shape[c]!) && !(name === 'orders' && c === 'amount'));
  const personal = new Set(columns.filter((c) => fieldMeta(shape[c]!)?.personal));

  const { minYear, maxYear } = yearRange(config, o.now ?? Date.now());
  const ctx: CoerceContext = {
    dates: new DateParser({ dateOrder: settings.dateOrder, twoDigitYearPivot: settings.twoDigitYearPivot, timezone: config.timezone, minYear, maxYear }),
    latest: latestEventDate(config, o.now ?? Date.now()),
    decimal: settings.decimal,
    wan: settings.wan,
    percentColumns: settings.percentColumns,
    money: moneyFor(config.currency),
  };

  let header: string[] = [];
  let match: HeaderMatch | null = null;
  let plan: FieldPlan[] = [];
  let makeRow: (v: unknown[]) => Record<string, unknown> = () => ({});
  let colArrays: unknown[][] = [];
  /** the plan's columns that are stored (see `keep`) */
  let stored: FieldPlan[] = [];
  let setRow: (cols: unknown[][], data: Record<string, unknown>, n: number) => void = () => {};
  const values: unknown[] = [];
  let led = new LedgerBuilder(file, personal);
  const out: Record<string, unknown[]> = {};
  // column arrays are allocated once at about the final size (no copies while growing: a
  // million-row file would otherwise leave ~100 MB of outgrown arrays behind); they still grow
  // if the estimate is short, and are cut to the accepted count at the end
  // a part hands its accepted rows over in batches (`onBatch`), so its thread never holds them all
  const batch = range && onBatch ? Math.max(1, o.batchRows ?? 1 << 16) : 0;
  if (range && !batch) throw new Error(`${file}: a part hands its rows over through onBatch`);
  // the first bytes of a part, to estimate its rows (a statement, not a closure: see `bytes` above)
  let partHead = bytes;
  if (range && readPart) {
    const head = new Uint8Array(Math.min(range.end - range.start, 1 << 16));
    partHead = head.subarray(0, readPart(range.start, head));
  } else if (range) partHead = bytes.subarray(range.start, range.end);
  const capacity = batch || estimateRows(partHead, o.whole?.size);
  let lines: number[] = new Array(capacity);
  /** accepted rows before the current column arrays (handed over in batches) */
  let base = 0;
  let dims: { name: string; index: number }[] = [];
  let dimPlans: FieldPlan[] = [];
  let zodEveryRow = true;

  // orders: exact duplicates (rows identical in every cell), by a 96-bit hash of the raw cells,
  // found once the file is read (exact-duplicates.ts)
  // lines identical in every cell: dropped or kept (files.<name>.duplicateLines); orders' are
  // always found, for the amount at stake on the data page
  // (a preset whose export has no line id says identical lines are real lines: presets/types.ts linesRepeat)
  const linesRepeat = !!(settings.preset && presetRules[settings.preset].linesRepeat);
  const duplicatePolicy = settings.duplicateLines ?? (name === 'orders' && config.orders.dropExactDuplicates && !linesRepeat ? 'drop' : 'keep');
  const dedupe = duplicatePolicy === 'drop' || name === 'orders';
  let duplicateLines: LedgerFile['duplicateLines'];
  const log = dedupe ? new RowLog(batch ? estimateRows(partHead, range!.end - range!.start) : capacity) : null;
  /** orders: which rows are sales and for how much (status, unpaid, first-line layout, refunds) */
  let orderRows: OrderRows | null = null;
  /** `name` joined from first and last name columns (name-parts.ts): an extra cell after the file's own */
  let nameParts: NameParts | null = null;
  const keyColumn = spec.key;
  const cov = coverageColumn[name];
  const seenKeys = new Map<string, number>();
  let amountPlan = -1, qtyPlan = -1, pricePlan = -1, currencyPlan = -1;
  /** orders with a rates file and a currency column: each row's currency, and its conversion */
  let rowCurrency: RowCurrency | null = null;
  const reporting: Money = ctx.money;
  let virtual: VirtualColumn[] = [];

  const onHeader = (h: string[]) => {
    header = h.map((x) => x.trim());
    if (header.filter((x) => x !== '').length < 2) {
      throw new Abort(buildError({
        code: 'not_a_table', file,
        message: {
          en: `${file} is not a table: its first line has ${header.length} column(s) (${header.join(', ').slice(0, 200)}), read with delimiter "${delimiterName(delimiter)}".`,
          'zh-CN': `${file} 不是表格：第一行只有 ${header.length} 列（${header.join('、').slice(0, 200)}），分隔符为“${delimiterName(delimiter)}”。`,
        },
        hint: {
          en: `Save the sheet as CSV with a header row, or set the delimiter:\nfiles:\n  ${name}:\n    delimiter: ";"`,
          'zh-CN': `请把表格另存为带表头的 CSV，或指定分隔符：\nfiles:\n  ${name}:\n    delimiter: ";"`,
        },
      }));
    }
    let mapSettings = settings;
    if (columns.includes('name')) {
      nameParts = namePartsFor(name, header, settings);
      if (nameParts) {
        header = [...header, nameParts.label];
        mapSettings = { ...settings, columns: { ...settings.columns, name: nameParts.label } };
      }
    }
    const given = givenColumns(name, settings);
    const m = given.size
      ? matchHeaders(header, name, file, columns.filter((c) => !given.has(c)), required.filter((c) => !given.has(c)), mapSettings)
      : matchHeaders(header, name, file, columns, required, mapSettings);
    if (!m.ok) throw new Abort(...(m.errors ?? [m.error]));
    match = m.match;
    if (given.size) {
      const v = virtualColumns(name, file, header, settings, columns, match.index);
      if (!v.ok) throw new Abort(v.error);
      virtual = v.columns;
      virtual.forEach((c, k) => { match!.index.set(c.column, header.length + k); match!.mapping[c.column] = c.label; });
    }
    if (name === 'orders' && !match.index.has('amount') && !(match.index.has('quantity') && match.index.has('unit_price'))) {
      const taken = new Set(match.index.values());
      throw new Abort(missingColumnError(header.filter((_, i) => !taken.has(i)), header, name, file, 'amount', settings, {
        en: ' (nor quantity and unit_price to compute it)',
        'zh-CN': '（也没有可用于计算的数量 quantity 和单价 unit_price）',
      }));
    }
    plan = planFields(shape, match.index, ctx, [keyColumn ?? '', 'order_id']);
    zodEveryRow = !coercionCovers(shape) || match.dims.length > 0;
    makeRow = rowFactory(plan.map((p) => p.column));
    // the refund column is netted into the amounts at the end (order-rows.ts), so it is stored until then
    const kept = keep ? new Set([...keep, 'refund_amount']) : null;
    stored = plan.filter((p) => !kept || kept.has(p.column));
    for (const p of stored) out[p.column] = new Array(capacity);
    plan.forEach((p, k) => {
      if (p.column === 'amount' && name === 'orders') { p.optional = true; amountPlan = k; }
      if (p.column === 'quantity') qtyPlan = k;
      if (p.column === 'unit_price') pricePlan = k;
      if (p.column === 'currency' && p.index >= 0) currencyPlan = k;
    });
    dims = match.dims;
    for (const d of dims) out[DIMENSION_PREFIX + d.name] = new Array(capacity);
    // survey dimension scores `dim_<name>`: integers 1–5 (the range is the schema's catchall)
    dimPlans = dims.map((d) => ({
      column: DIMENSION_PREFIX + d.name, kind: 'integer', meta: { kind: 'integer' }, optional: true, index: d.index,
      num: { decimal: ctx.decimal, wan: false, percent: false }, intern: null,
    }));
    colArrays = stored.map((p) => out[p.column]!);
    setRow = setterFactory(stored.map((p) => p.column));
    led = new LedgerBuilder(file, personal, virtual.length ? [...header, ...virtual.map((c) => `(${c.column})`)] : header);
    if (name === 'orders') {
      led.orders = newOrderTallies();
      const labels = [...header, ...virtual.map((c) => c.label)];
      const currencyAt = match.index.get('currency');
      if (rates && currencyAt !== undefined) {
        const zone = timeZone(config.timezone);
        rowCurrency = new RowCurrency({ index: currencyAt, reporting, rates, dayOf: (t) => zone.dayOf(t), count: (k) => led.countCurrency(k) });
      }
      const foreign = rowCurrency ? foreignTally(rowCurrency, plan.find((p) => p.column === 'order_date')!, ctx) : undefined;
      orderRows = new OrderRows({ file, header: labels, index: match.index, config, settings, num: { decimal: ctx.decimal, wan: ctx.wan, percent: false }, tallies: led.orders, foreign });
    }
  };

  /** config's columns (constants, an order identity) appended to a record's cells */
  const addVirtual = (cells: string[], line: number) => {
    for (const c of virtual) cells.push(c.value(cells, line));
  };

  /**
   * A record whose quoted field spans lines (stray-quotes.ts): split back into its lines, rejected
   * whole, or kept (then flagged while it is the file's only one). True when it was dealt with here.
   */
  const quotedBreaks = (cells: string[], line: number, span: number, raw: () => string[]): boolean => {
    const width = nameParts ? header.length - 1 : header.length;
    const text = raw();
    const v = judgeQuotedBreaks(cells, text, width, delimiter, settings.quotedLineBreaks === 'trust');
    let column = header[v.field] ?? `#${v.field + 1}`;
    for (const [c, i] of match?.index ?? []) if (i === v.field) column = c;
    if (v.kind === 'lone') {
      led.warn('quoted_line_break', column, line, `${line}–${line + span - 1}`);
      return false;
    }
    if (v.kind === 'whole') return false;
    const last = line + span - 1;
    v.lines.forEach((lineCells, k) => {
      if (k > 0 && k < span - 1) { onRecord(lineCells, line + k, 1); return; }
      led.read++;
      led.reject(line + k, column, text[k]!.slice(0, 80), 'stray_quote', lineCells, `${line}–${last}`);
    });
    return true;
  };

  const onRecord = (cells: string[], line: number, span: number, raw?: () => string[]) => {
    if (raw && quotedBreaks(cells, line, span, raw)) return;
    led.read++;
    if (nameParts && cells.length === header.length - 1) {
      const { first, last } = nameParts;
      cells.push(joinName(first >= 0 ? cells[first]! : '', last >= 0 ? cells[last]! : ''));
    }
    if (cells.length !== header.length) {
      if (span > 1) led.reject(line, null, '', 'unterminated_quote', cells, `line ${line} to ${line + span - 1} read as one row of ${cells.length} fields`);
      else led.reject(line, null, '', 'ragged_row', cells, `${cells.length} fields, header ${header.length}`);
      return;
    }
    if (!log) {
      if (virtual.length) addVirtual(cells, line);
      readRow(cells, line);
      return;
    }
    // the row's outcome, in case it turns out to repeat an earlier row (hashed on the file's own cells)
    const i = log.add(cells, line);
    if (virtual.length) addVirtual(cells, line);
    const accepted = led.accepted, excluded = led.excluded, rejects = led.rejects.length;
    readRow(cells, line);
    log.outcome[i] = led.accepted > accepted ? accepted : led.excluded > excluded ? EXCLUDED : rejectedOutcome(rejects);
  };

  /** a row with the header's number of cells: excluded, rejected with a reason, or accepted */
  const readRow = (record: string[], line: number) => {
    let cells = record;
    // a row in another currency is read in its own minor unit, then converted below
    const foreign = rowCurrency ? rowCurrency.of(cells) : null;
    ctx.money = foreign ?? reporting;
    if (orderRows) {
      cells = orderRows.cells(record);
      if (orderRows.excludes(cells)) { led.excluded++; return; }
    }

    for (let k = 0; k < plan.length; k++) {
      const p = plan[k]!;
      // a column the file does not have: empty (or the schema default, e.g. staff.active)
      if (p.index < 0) { values[k] = p.kind === 'boolean' ? undefined : null; continue; }
      const cell = cells[p.index]!;
      // hostile cells are rejected with their column before any parsing (robustness fixes:
      // a NUL byte used to pass into ids and names, a 10 MB cell into the published bundle)
      if (cell.length > MAX_CELL_CHARS) {
        led.reject(line, p.column, cell.slice(0, 40) + '…', 'value_too_long', cells, `${cell.length} characters, at most ${MAX_CELL_CHARS}`);
        return;
      }
      if (hasNul && cell.includes('\u0000')) {
        led.reject(line, p.column, cell.replaceAll('\u0000', '\\0').slice(0, 80), 'nul_byte', cells);
        return;
      }
      if (p.kind === 'id' && looksScientific(cell)) led.warn('excel_scientific_id', p.column, line, cell);
      const v = coerceCell(p, cell, ctx);
      if (v instanceof CellFailure) {
        const f = v.f;
        if (f.reason === 'needs_date_order') {
          // one error per column, the rest of the file still read: every problem listed at once
          if (!dateProblems.has(p.column)) dateProblems.set(p.column, ambiguousDateError(name, file, line, p.column, f.raw));
          return;
        }
        led.reject(line, f.column, f.raw, f.reason, cells, f.detail);
        return;
      }
      values[k] = v;
    }
    const row = makeRow(values);
    for (const p of dimPlans) {
      const cell = cells[p.index]!;
      if (cell.length > MAX_CELL_CHARS || (hasNul && cell.includes('\u0000'))) {
        const long = cell.length > MAX_CELL_CHARS;
        led.reject(line, p.column, long ? cell.slice(0, 40) + '…' : cell.replaceAll('\u0000', '\\0').slice(0, 80), long ? 'value_too_long' : 'nul_byte', cells, long ? `${cell.length} characters, at most ${MAX_CELL_CHARS}` : '');
        return;
      }
      const v = coerceCell(p, cell, ctx);
      if (v instanceof CellFailure) { led.reject(line, v.f.column, v.f.raw, v.f.reason as ReasonCode, cells, v.f.detail); return; }
      row[p.column] = v;
    }
    if (amountPlan >= 0 && row.amount === null && qtyPlan >= 0 && pricePlan >= 0) {
      const q = row.quantity as number | null;
      const pr = row.unit_price as number | null;
      // exact decimal product, rounded half to even to the minor unit (lib/money.ts)
      if (q !== null && pr !== null) row.amount = productToMinor(q, pr, ctx.money.digits);
    }
    if (foreign && typeof row.order_date === 'number') {
      for (const c of ['amount', 'refund_amount'] as const) {
        const v = row[c];
        if (typeof v !== 'number') continue;
        const x = rowCurrency!.convert(v, foreign, row.order_date);
        if (x === null) { led.reject(line, c, cells[match!.index.get(c)!] ?? '', 'amount_too_large', cells); return; }
        // no rate in force: counted, and the build stops (currency-check.ts)
        if (x !== 'no_rate') row[c] = x;
      }
      led.countCurrency(`converted:${foreign.currency}`);
    }
    if (currencyPlan >= 0 && row.currency != null) led.countCurrency(`column:${String(row.currency).toUpperCase()}`);
    const rule = checkRowRules(name, row);
    if (rule) {
      const idx = rule.column ? match!.index.get(rule.column) : undefined;
      led.reject(line, rule.column, idx !== undefined ? cells[idx]! : '', rule.reason, cells);
      return;
    }
    const valid = zodEveryRow || led.accepted < ZOD_GUARD_ROWS
      ? validateRow(spec.schema as z.ZodType<Record<string, unknown>>, row)
      : { ok: true as const, data: row };
    if (!valid.ok) {
      const idx = valid.column ? match!.index.get(valid.column) ?? dims.find((d) => DIMENSION_PREFIX + d.name === valid.column)?.index : undefined;
      led.reject(line, valid.column, idx !== undefined ? cells[idx]! : '', valid.reason, cells, valid.detail);
      return;
    }
    const data = valid.data;
    if (keyColumn) {
      const key = data[keyColumn] as string;
      const first = seenKeys.get(key);
      if (first !== undefined) { led.reject(line, keyColumn, key, 'duplicate_key', cells, String(first)); return; }
      seenKeys.set(key, line);
    }
    const n = led.accepted++ - base;
    if (n === tail) raiseTail(n);
    setRow(colArrays, data, n);
    for (const d of dims) out[DIMENSION_PREFIX + d.name]![n] = data[DIMENSION_PREFIX + d.name] ?? null;
    lines[n] = line;
    orderRows?.accepted(data, cells);
    if (cov) {
      const t = data[cov] as number | null;
      if (t !== null && t !== undefined) led.cover(t);
    }
    if (batch && n + 1 === batch) handOver();
  };

  /** pass the accepted rows so far to `onBatch` and start new column arrays */
  const handOver = () => {
    const rows = led.accepted - base;
    if (rows === 0) return;
    for (const c in out) out[c]!.length = rows;
    lines.length = rows;
    onBatch!({ columns: out, line: lines, rows });
    for (const c in out) out[c] = new Array(batch);
    colArrays = stored.map((p) => out[p.column]!);
    lines = new Array(batch);
    base = led.accepted;
  };

  let failed: BuildError[] | null = null;
  /** ambiguous date columns: column → the error naming its first ambiguous value */
  const dateProblems = new Map<string, BuildError>();
  const stream = new CsvStream(delimiter, onRecord, onHeader, range ? { header: range.header, line: range.line } : undefined);
  if (range) {
    try {
      onHeader(range.header);
    } catch (e) {
      if (!(e instanceof Abort)) throw e;
      failed = e.errors;
    }
  }
  let position = bodyStart;
  const readTo = (end: number, between?: () => void) => {
    if (failed || end <= position) return;
    try {
      if (!chunksOf) throw new Error(`${file}: read after release`);
      for (const piece of chunksOf(position, end)) {
        if (!hasNul && piece.includes('\u0000')) hasNul = true;
        stream.push(piece);
        between?.();
      }
    } catch (e) {
      if (!(e instanceof Abort)) throw e;
      failed = e.errors;
    }
    position = end;
  };

  /**
   * Rows of the rest of the file, read by another thread, arrive while this thread still reads
   * its own (so they do not pile up in the message queue). They are stored from index `tail`
   * (`reserve`: above this part's expected rows); this part's rows below it. If this part has
   * more rows than expected, the stored rows move up (`raiseTail`); at the end they move down
   * to just after this part's rows (`absorbEnd`).
   */
  let tail = -1;
  /** rows stored from `tail`, not yet counted in the ledger */
  let pending = 0;
  const reserve = (rows: number): void => {
    if (tail < 0 && pending === 0) tail = Math.max(rows, led.accepted);
  };
  const cols = () => [...Object.values(out), lines] as unknown[][];
  const moveRows = (from: number, to: number, count: number) => {
    const all = cols();
    moveRowsFactory(all.length)(all, from, to, count);
  };
  const raiseTail = (n: number) => {
    const to = n + Math.max(1024, Math.ceil(n / 16));
    moveRows(tail, to, pending);
    tail = to;
  };
  const absorbRows = (rows: PackedRows): void => {
    if (failed) return;
    if (tail < 0) tail = led.accepted;
    const at = tail + pending;
    // the column arrays were sized for the whole file: append in place
    for (const c in out) {
      const p = rows.columns[c];
      if (!p) throw new Error(`${file}: the other thread's rows have no column ${c}`);
      const k = plan.findIndex((x) => x.column === c);
      const intern = k >= 0 && plan[k]!.intern ? (v: string) => internValue(plan[k]!, v) : undefined;
      unpackColumn(p, out[c]!, at, intern);
    }
    unpackColumn(rows.line, lines, at);
    pending += packedRows(rows.line);
  };
  const absorbEnd = (part: PackedPartEnd): void => {
    if (failed) return;
    if (part.ledger.accepted !== pending) throw new Error(`${file}: the other thread sent ${pending} rows, its ledger says ${part.ledger.accepted}`);
    if (tail > led.accepted) moveRows(tail, led.accepted, pending);
    tail = -1;
    if (log && part.rows) log.append(part.rows, led.accepted, led.rejects.length);
    led.absorb(part.ledger);
    pending = 0;
    position = total;
  };

  const release = (): void => {
    source = null;
    chunksOf = null;
  };

  /** take back the rows that repeat an earlier row (see exact-duplicates.ts) */
  const dropRepeats = () => {
    if (!log) return;
    const pairs = findRepeats(log);
    // the amount of the accepted lines that repeat an earlier line (orders)
    const amounts = name === 'orders' ? (out.amount as (number | null)[] | undefined) : undefined;
    let atStake = 0;
    for (let k = 0; k < pairs.length; k += 2) {
      const o = log.outcome[pairs[k]!]!;
      if (o >= 0 && amounts) atStake += amounts[o] ?? 0;
    }
    duplicateLines = { policy: duplicatePolicy, count: pairs.length / 2, amount: amounts ? atStake : null };
    if (pairs.length === 0 || duplicatePolicy === 'keep') return;
    const rows: number[] = [];
    const rejects = new Set<number>();
    const repeats: { line: number; first: number }[] = [];
    for (let k = 0; k < pairs.length; k += 2) {
      const i = pairs[k]!;
      const o = log.outcome[i]!;
      if (o >= 0) rows.push(o);
      else if (o === EXCLUDED) led.excluded--;
      else rejects.add(rejectIndex(o));
      repeats.push({ line: log.line[i]!, first: log.line[pairs[k + 1]!]! });
    }
    if (rows.length) {
      // rows are in file order: close the gaps in one pass over each column
      const all = cols();
      removeRowsFactory(all.length)(all, rows, led.accepted);
      led.accepted -= rows.length;
    }
    led.dropDuplicates(rejects, repeats);
  };

  const result = (whole: boolean): ReadInputResult<N> | FileFailure | CsvResult => {
    const csv = stream.end();
    if (failed || dateProblems.size) {
      const errors = [...(failed ?? []), ...dateProblems.values()];
      return { ok: false, error: errors[0]!, errors };
    }
    if (whole) dropRepeats();
    if (csv.header === null) {
      return {
        ok: false,
        error: buildError({
          code: 'empty_file', file,
          message: { en: `${file} is empty: no header row and no records.`, 'zh-CN': `${file} 是空文件：没有表头，也没有数据。` },
          hint: name === 'orders' ? null : {
            en: `Delete the file if you have no ${name} data: it is optional.`,
            'zh-CN': `如果没有这类数据，请删除该文件（它是可选的）。`,
          },
        }),
      };
    }
    if (csv.unterminated) {
      const u = csv.unterminated;
      return {
        ok: false,
        error: buildError({
          code: 'unterminated_quote', file, line: u.line,
          message: {
            en: `${file}: a quote opened on line ${u.line} is never closed, so the last ${u.lines} line(s) would be read as one field.`,
            'zh-CN': `${file}：第 ${u.line} 行开始的引号没有闭合，之后的 ${u.lines} 行会被当作同一个字段。`,
          },
          hint: {
            en: `Check line ${u.line} for a stray " (a value like 5" screen must be written "5"" screen").`,
            'zh-CN': `请检查第 ${u.line} 行是否有多余的 "（值中的引号应写成两个 ""）。`,
          },
        }),
      };
    }
    if (!batch) {
      for (const c in out) out[c]!.length = led.accepted;
      lines.length = led.accepted;
    }
    return csv;
  };

  /** the raw cells of some lines, parsed again (null once the bytes are let go: a file read on two threads fills them in ingest.ts) */
  const cellsAt = (want: ReadonlySet<number>): Map<number, string[]> | null =>
    source && !range && !headOnly ? cellsOfLines(source, settings, want) : null;

  /** rows dated long after the bulk of the file's dates: taken back and rejected (after-bulk.ts) */
  const rejectAfterBulk = () => {
    const margin = settings.futureMargin;
    const dates = cov ? out[cov] : undefined;
    if (margin === 'off' || !cov || !dates || (shape[cov] && fieldMeta(shape[cov])?.planned)) return;
    const late = afterBulk(dates, led.accepted, margin);
    if (!late) return;
    const taken = late.rows.map((i) => ({ line: lines[i]!, t: dates[i] as number }));
    const cells = cellsAt(new Set(taken.map((x) => x.line)));
    const tz = timeZone(config.timezone);
    removeRowsFactory(cols().length)(cols(), late.rows, led.accepted);
    led.accepted -= late.rows.length;
    for (const c in out) out[c]!.length = led.accepted;
    lines.length = led.accepted;
    for (const { line, t } of taken) {
      const c = cells?.get(line) ?? [];
      // the value as read (its local day), the same whether or not the raw line is at hand
      led.reject(line, cov, localDay(t, tz), 'after_bulk', c, afterBulkDetail(t, late.bulkEnd, tz));
    }
    led.rejects.sort((a, b) => a.line - b.line);
    led.min = Infinity;
    led.max = -Infinity;
    for (let i = 0; i < led.accepted; i++) if (typeof dates[i] === 'number') led.cover(dates[i] as number);
  };

  /** the currency marks the money columns' cells carried, into the ledger's counts (once) */
  const countMarks = () => {
    for (const p of plan) if (p.marks) { for (const [k, n] of p.marks) led.countCurrency(`mark:${k}`, n); p.marks.clear(); }
  };

  const finish = (late?: string): ReadInputResult<N> => {
    const r = result(true);
    if ('ok' in r) return r as ReadInputResult<N>;
    const quotes = checkQuotes(led, name, file);
    if (quotes) return { ok: false, error: quotes, errors: [quotes] };
    rejectAfterBulk();
    countMarks();
    const mixed = currencyStop(file, led.currencies, config.currency, rates);
    if (mixed) return { ok: false, error: mixed };
    const m = match as HeaderMatch | null;
    const sales = orderRows ? (orderRows as OrderRows).finish(out, led.accepted) : null;
    if (sales && !sales.ok) return sales;
    if (keep && !keep.includes('refund_amount')) delete out.refund_amount;
    const ledger = led.toLedger(
      { name, file, encoding, delimiter, mapping: m?.mapping ?? {}, fingerprint: late ?? fingerprint },
      cov,
    );
    if (duplicateLines) ledger.duplicateLines = duplicateLines;
    if (sales) {
      ledger.notes = sales.notes;
      const statusHeader = m?.mapping.status;
      if (statusHeader && led.orders && config.orders.statusRule !== 'none') ledger.statuses = { header: statusHeader, values: [...led.orders.statuses.values()] };
    }
    const converted = rates ? conversionNote(led.currencies, config.currency, rates.file) : null;
    if (converted) ledger.notes = [...(ledger.notes ?? []), converted];
    const table = { name, rows: led.accepted, columns: out, line: lines } as unknown as InputTable<N>;
    return { ok: true, table, ledger, rejects: led.rejects, header, dimensions: dims.map((d) => d.name) };
  };

  const part = (): { ok: true; part: InputPart } | FileFailure => {
    const r = result(false);
    if ('ok' in r) return r as FileFailure;
    handOver();
    countMarks();
    return { ok: true, part: { ledger: led.snapshot(), rows: log ? log.data() : null } };
  };

  const headerPreview = sniffed.headerPreview;

  const reader: InputReader<N> = {
    encoding,
    bodyStart,
    delimiter,
    headerPreview,
    get position() { return position; },
    readTo,
    release,
    reserve,
    absorbRows,
    absorbEnd,
    finish,
  };
  return { ok: true, reader, part };
}

/**
 * The whole file's verdict on quoted line breaks (stray-quotes.ts), once both parts are in: a
 * value spanning lines is flagged only while it is the file's only one; too many rows lost to
 * stray quotes stop the build.
 */
function checkQuotes(led: LedgerBuilder, name: InputName, file: string): BuildError | null {
  let lone = 0;
  for (const w of led.warnings.values()) if (w.code === 'quoted_line_break') lone += w.count;
  if (lone > 1) for (const [k, w] of led.warnings) if (w.code === 'quoted_line_break') led.warnings.delete(k);
  let bad = 0;
  const lines: number[] = [];
  for (const r of led.reasons.values()) {
    if (r.code !== 'stray_quote' && r.code !== 'unterminated_quote') continue;
    bad += r.count;
    for (const e of r.examples) lines.push(e.line);
  }
  if (!strayQuotesStop(bad, led.read)) return null;
  const at = lines.sort((a, b) => a - b).join(', ');
  return buildError({
    code: 'stray_quotes', file, line: lines[0] ?? null,
    message: {
      en: `${file}: ${bad} of ${led.read} rows are broken by stray quotes (a quote that joins lines into one record; e.g. lines ${at}): the file's quoting cannot be trusted.`,
      'zh-CN': `${file}：${led.read} 行中有 ${bad} 行被多余的引号打乱（引号把多行连成一条记录；例如第 ${at} 行），无法确定该文件的引号是否可信。`,
    },
    hint: {
      en: `Fix the quotes in the file (a quote inside a value is written ""), or, if its values really span lines, read the quotes as written:\nfiles:\n  ${name}:\n    quotedLineBreaks: trust`,
      'zh-CN': `请修正文件中的引号（值中的引号写作 ""）；如果值确实跨行，可以按原样读取引号：\nfiles:\n  ${name}:\n    quotedLineBreaks: trust`,
    },
  });
}

/** The raw cells of the records starting on some physical lines of a file (parsed again). */
export function cellsOfLines(bytes: Uint8Array, settings: Config['files'][InputName], want: ReadonlySet<number>): Map<number, string[]> | null {
  const sniffed = sniffFile(bytes, settings, 1 << 20);
  if (!sniffed.ok) return null;
  const got = new Map<number, string[]>();
  const again = new CsvStream(sniffed.delimiter, (c, l) => { if (want.has(l)) got.set(l, c); });
  for (const piece of sniffed.dec.chunks()) again.push(piece);
  again.end();
  return got;
}

const PEEKED = Symbol('peeked');

/**
 * A file's encoding (decode.ts), delimiter (setting, else detected on the first piece: at least
 * 64 Ki characters or the whole file) and header row (the first record of that piece, as the
 * parse will read it; null when it is not there).
 */
export function sniffFile(
  bytes: Uint8Array,
  settings: Config['files'][InputName],
  chunkBytes: number,
): { ok: true; dec: Extract<DecodedStream, { ok: true }>; delimiter: string; headerPreview: string[] | null } | { ok: false; dec: DecodeFailure } {
  const dec = decodeStream(bytes, settings.encoding, chunkBytes);
  if (!dec.ok) return { ok: false, dec };
  let firstText = '';
  for (const p of dec.chunks()) {
    firstText += p;
    if (firstText.length >= 1 << 16) break;
  }
  const delimiter = settings.delimiter === 'auto' ? detectDelimiter(firstText) : settings.delimiter;
  let headerPreview: string[] | null = null;
  const peek = new CsvStream(delimiter, () => { throw PEEKED; }, (h) => { headerPreview = h.map((x) => x.trim()); throw PEEKED; });
  try {
    peek.push(firstText);
  } catch (e) {
    if (e !== PEEKED) throw e;
  }
  return { ok: true, dec, delimiter, headerPreview };
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

/** A row object with a fixed shape, built by generated code: one hidden class for every row. */
function rowFactory(columns: string[]): (v: unknown[]) => Record<string, unknown> {
  const body = `return {${columns.map((c, i) => `${JSON.stringify(c)}: v[${i}]`).join(', ')}};`;
  return new Function('v', body) as (v: unknown[]) => Record<string, unknown>;
}

/**
 * Move `count` rows of each column from index `from` to `to` (the ranges may overlap). Generated
 * with one loop per column, as removeRowsFactory, for the same reasons: a shared loop boxes
 * doubles, and copyWithin on these (holey) arrays took 1 s for 3M rows × 13 columns.
 */
const movers = new Map<number, (cols: unknown[][], from: number, to: number, count: number) => void>();
function moveRowsFactory(count: number): (cols: unknown[][], from: number, to: number, n: number) => void {
  let f = movers.get(count);
  if (!f) {
    const loop = (k: number) => `{ const col = cols[${k}];
      if (to > from) for (let i = n - 1; i >= 0; i--) col[to + i] = col[from + i];
      else for (let i = 0; i < n; i++) col[to + i] = col[from + i]; }`;
    f = new Function('cols', 'from', 'to', 'n', Array.from({ length: count }, (_, k) => loop(k)).join('\n')) as (cols: unknown[][], from: number, to: number, n: number) => void;
    movers.set(count, f);
  }
  return f;
}

/**
 * Remove rows (ascending indexes) from each column, keeping the order of the rest. Generated with
 * one loop per column so that each loop's element copies see one kind of array: a single loop for
 * all columns turns generic and stores doubles boxed (and copyWithin per kept run was 1 s at 5M
 * lines with ten thousand repeats).
 */
const removers = new Map<number, (cols: unknown[][], rows: number[], n: number) => void>();
function removeRowsFactory(count: number): (cols: unknown[][], rows: number[], n: number) => void {
  let f = removers.get(count);
  if (!f) {
    const loop = (k: number) => `{ const col = cols[${k}]; let w = rows[0], r = 0;
      for (let j = rows[0]; j < n; j++) { if (r < rows.length && j === rows[r]) { r++; continue; } col[w++] = col[j]; } }`;
    f = new Function('cols', 'rows', 'n', Array.from({ length: count }, (_, k) => loop(k)).join('\n')) as (cols: unknown[][], rows: number[], n: number) => void;
    removers.set(count, f);
  }
  return f;
}

/**
 * Store a validated row's values at index `n` of the column arrays. Generated so that each column
 * has its own store site (monomorphic: a column of numbers stays an unboxed double array).
 */
function setterFactory(columns: string[]): (cols: unknown[][], data: Record<string, unknown>, n: number) => void {
  const body = columns.map((c, i) => `cols[${i}][n] = d[${JSON.stringify(c)}] ?? null;`).join('\n');
  return new Function('cols', 'd', 'n', body) as (cols: unknown[][], data: Record<string, unknown>, n: number) => void;
}

/** rows to expect: the file's size (default: of `bytes`) over the mean line length of its first 64 KiB, plus 5 % */
export function estimateRows(bytes: Uint8Array, size = bytes.length): number {
  const n = Math.min(bytes.length, 1 << 16);
  let breaks = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 10) breaks++;
  if (breaks === 0) return 16;
  return Math.ceil((size / (n / breaks)) * 1.05) + 16;
}

/**
 * The tallies' view of a row in another currency (order-rows.ts: excluded and unpaid rows are not
 * read further): its amount cell's minor units, in the row's currency, converted on the row's
 * order date; 0 when its date is unreadable (the row's amount is then not a sale's anyway).
 */
function foreignTally(rc: RowCurrency, datePlan: FieldPlan, ctx: CoerceContext): OrderRowsSetup['foreign'] {
  return {
    of: (cells) => rc.of(cells),
    toReporting: (cells, minor, from) => {
      const when = datePlan.index >= 0 ? coerceCell(datePlan, cells[datePlan.index]!, ctx) : null;
      if (typeof when !== 'number') return 0;
      const x = rc.convert(minor, from, when);
      return typeof x === 'number' ? x : 0;
    },
  };
}

function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : d;
}

function ambiguousDateError(name: InputName, file: string, line: number, column: string, raw: string): BuildError {
  const parts = raw.trim().split(/[^\d]+/).map(Number);
  const guess = parts[0]! > 12 ? 'dmy' : parts[1]! > 12 ? 'mdy' : null;
  const which = guess ?? 'dmy';
  return buildError({
    code: 'ambiguous_dates', file, line, field: column,
    message: {
      en: `${file}, line ${line}, ${column}: "${raw}" could be day/month/year or month/day/year, and files.${name}.dateOrder is not set. Dates are never guessed.`,
      'zh-CN': `${file} 第 ${line} 行 ${column}：“${raw}”可能是 日/月/年，也可能是 月/日/年，且未设置 files.${name}.dateOrder。系统不会猜测日期。`,
    },
    hint: {
      en: `Add files.${name}.dateOrder: ${which} (dmy = day first, mdy = month first) to data/config.yaml:\nfiles:\n  ${name}:\n    dateOrder: ${which}${guess ? '' : '   # or mdy'}`,
      'zh-CN': `在 data/config.yaml 中添加 files.${name}.dateOrder: ${which}（dmy = 日在前，mdy = 月在前）：\nfiles:\n  ${name}:\n    dateOrder: ${which}${guess ? '' : '   # 或 mdy'}`,
    },
  });
}
