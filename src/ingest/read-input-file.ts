import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Config } from '../config/schema.ts';
import type { BuildError } from '../lib/build-error.ts';
import { moneyFor } from '../lib/money.ts';
import { timeZone } from '../lib/time-zone.ts';
import type { LedgerFile, RejectedRow } from '../model/ledger.ts';
import type { InputTable } from '../model/tables.ts';
import { fieldMeta, isOptionalField } from '../validate/schemas/fields.ts';
import { DIMENSION_PREFIX, inputFiles, type InputName } from '../validate/schemas/index.ts';
import { afterBulk, afterBulkDetail, localDay } from './after-bulk.ts';
import { coerceCell, internValue, planFields, type CoerceContext, type FieldPlan } from './coerce-row.ts';
import { ColumnStore, estimateRows, type PackedRows, type RowBatch } from './column-store.ts';
import { conversionNote, currencyStop } from './currency-check.ts';
import type { Encoding } from './decode.ts';
import { decodeError } from './encoding-error.ts';
import { EXCLUDED, findRepeats, rejectedOutcome, rejectIndex, RowLog, type RowLogData } from './exact-duplicates.ts';
import { ambiguousDateError, emptyFileError, notATableError, strayQuotesError, unterminatedQuoteError } from './file-errors.ts';
import { matchHeaders, missingColumnError, type HeaderMatch } from './headers.ts';
import { LedgerBuilder, type LedgerPart } from './ledger.ts';
import { joinName, namePartsFor, type NameParts } from './name-parts.ts';
import { OrderRows, type OrderRowsSetup } from './order-rows.ts';
import { newOrderTallies } from './order-tallies.ts';
import { CsvStream, type CsvResult } from './parse-csv.ts';
import { DateParser } from './parse-date.ts';
import { presetRules } from './presets/index.ts';
import type { RateTable } from './rates.ts';
import { coercionCovers, RowDecider, type RowSink } from './row-decisions.ts';
import { RowCurrency } from './row-currency.ts';
import { firstBytes, openSource } from './sniff-file.ts';
import { judgeQuotedBreaks, strayQuotesStop } from './stray-quotes.ts';
import { givenColumns, virtualColumns, type VirtualColumn } from './virtual-columns.ts';

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

/** The end of a part read elsewhere: its ledger and row log (its rows came as PackedRows). */
export interface PackedPartEnd {
  ledger: LedgerPart;
  rows: RowLogData | null;
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
  // `bytes` and `o` are not used by the closures below, only `source` (sniff-file.ts): `release`
  // can then let the file's bytes go while the reader lives on
  const { name, file, bytes, config } = o;
  /** the rates file (orders), taken out of `o` so that no closure holds the options (and their bytes) */
  const rates: RateTable | null = o.rates ?? null;
  const spec = inputFiles[name];
  const settings = config.files[name];
  const chunkBytes = o.chunkBytes ?? 2 << 20;
  const total = bytes.length;
  // a part is a piece of a file already fingerprinted, decoded and checked as UTF-8
  const fingerprint = range ? '' : o.whole ? o.whole.fingerprint : createHash('sha256').update(bytes).digest('hex');
  const keep = o.keep;
  /** `bytes` is only the head of the file (the rest read on another thread) */
  const headOnly = !!o.whole;
  const part = range && { start: range.start, end: range.end, delimiter: range.delimiter, read: o.read, pieceBytes: o.pieceBytes };
  const opened = openSource(bytes, settings, chunkBytes, part);
  if (!opened.ok) return { ok: false, error: decodeError(name, file, opened.dec) };
  const source = opened.source;
  const { encoding, bodyStart, delimiter } = source;
  // NUL bytes: looked for in each decoded piece (a native indexOf); only once one is seen are the
  // cells of later records checked one by one (a record is parsed after the piece it ends in)
  let hasNul = false;

  const shape = (spec.schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  const personal = new Set(Object.keys(shape).filter((c) => fieldMeta(shape[c]!)?.personal));
  const { minYear, maxYear } = yearRange(config, o.now ?? Date.now());
  const ctx: CoerceContext = {
    dates: new DateParser({ dateOrder: settings.dateOrder, twoDigitYearPivot: settings.twoDigitYearPivot, timezone: config.timezone, minYear, maxYear }),
    latest: latestEventDate(config, o.now ?? Date.now()),
    decimal: settings.decimal,
    wan: settings.wan,
    percentColumns: settings.percentColumns,
    money: moneyFor(config.currency),
  };

  /** the mapped header (mapHeader), once read */
  let layout: FileLayout | null = null;
  let header: string[] = [];
  /** `name` joined from first and last name columns (name-parts.ts): an extra cell after the file's own */
  let nameParts: NameParts | null = null;
  /** config's columns (constants, an order identity) appended to a record's cells */
  let virtual: VirtualColumn[] = [];
  /** what happens to each record (row-decisions.ts) */
  let decider: RowDecider | null = null;
  let led = new LedgerBuilder(file, personal);
  // a part hands its accepted rows over in batches (`onBatch`), so its thread never holds them all
  const batch = range ? Math.max(1, o.batchRows ?? 1 << 16) : 0;
  // the first bytes read, to estimate the rows (a statement, not a closure: see `bytes` above)
  const head = firstBytes(bytes, part);
  const capacity = batch || estimateRows(head, o.whole?.size);
  // the accepted rows, column by column, and the merge of a part read by another thread
  const store = new ColumnStore({ capacity, batch, onBatch: o.onBatch, file });
  const out = store.columns;

  // lines identical in every cell (by a 96-bit hash of the raw cells, found once the file is
  // read: exact-duplicates.ts): dropped or kept (files.<name>.duplicateLines); orders' are always
  // found, for the amount at stake on the data page (a preset whose export has no line id says
  // identical lines are real lines: presets/types.ts linesRepeat)
  const linesRepeat = !!(settings.preset && presetRules[settings.preset].linesRepeat);
  const duplicatePolicy = settings.duplicateLines ?? (name === 'orders' && config.orders.dropExactDuplicates && !linesRepeat ? 'drop' : 'keep');
  const dedupe = duplicatePolicy === 'drop' || name === 'orders';
  let duplicateLines: LedgerFile['duplicateLines'];
  const log = dedupe ? new RowLog(batch ? estimateRows(head, range!.end - range!.start) : capacity) : null;
  /** orders: which rows are sales and for how much (status, unpaid, first-line layout, refunds) */
  let orderRows: OrderRows | null = null;
  const cov = coverageColumn[name];

  const onHeader = (h: string[]) => {
    const l = mapHeader(h, { name, file, settings, shape, ctx, delimiter });
    layout = l;
    ({ header, nameParts, virtual } = l);
    // the refund column is netted into the amounts at the end (order-rows.ts), so it is stored until then
    const kept = keep ? new Set([...keep, 'refund_amount']) : null;
    store.define([...l.plan.filter((p) => !kept || kept.has(p.column)).map((p) => p.column), ...l.dims.map((d) => DIMENSION_PREFIX + d.name)]);
    led = new LedgerBuilder(file, personal, virtual.length ? [...header, ...virtual.map((c) => `(${c.column})`)] : header);
    let rowCurrency: RowCurrency | null = null;
    if (name === 'orders') {
      led.orders = newOrderTallies();
      const labels = [...header, ...virtual.map((c) => c.label)];
      const currencyAt = l.match.index.get('currency');
      if (rates && currencyAt !== undefined) {
        const zone = timeZone(config.timezone);
        rowCurrency = new RowCurrency({ index: currencyAt, reporting: ctx.money, rates, dayOf: (t) => zone.dayOf(t), count: (k) => led.countCurrency(k) });
      }
      const foreign = rowCurrency ? foreignTally(rowCurrency, l.plan.find((p) => p.column === 'order_date')!, ctx) : undefined;
      orderRows = new OrderRows({ file, header: labels, index: l.match.index, config, settings, num: { decimal: ctx.decimal, wan: ctx.wan, percent: false }, tallies: led.orders, foreign });
    }
    decider = new RowDecider({
      name, schema: spec.schema as z.ZodType<Record<string, unknown>>, headerLength: header.length, plan: l.plan, dimPlans: l.dimPlans, ctx,
      index: l.match.index, zodEveryRow: l.zodEveryRow, keyColumn: spec.key ?? undefined, orderRows, rowCurrency,
    });
    decider.hasNul = hasNul;
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
    for (const [c, i] of layout?.match.index ?? []) if (i === v.field) column = c;
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

  /** a record as parsed: its cells completed (joined name, config's columns), then decided */
  const onRecord = (cells: string[], line: number, span: number, raw?: () => string[]) => {
    if (raw && quotedBreaks(cells, line, span, raw)) return;
    led.read++;
    if (nameParts && cells.length === header.length - 1) {
      const { first, last } = nameParts;
      cells.push(joinName(first >= 0 ? cells[first]! : '', last >= 0 ? cells[last]! : ''));
    }
    const d = decider!;
    if (d.misshapen(cells, line, span, sink)) return;
    if (!log) {
      if (virtual.length) addVirtual(cells, line);
      d.decide(cells, line, sink);
      return;
    }
    // the row's outcome, in case it turns out to repeat an earlier row (hashed on the file's own cells)
    const i = log.add(cells, line);
    if (virtual.length) addVirtual(cells, line);
    const accepted = led.accepted, excluded = led.excluded, rejects = led.rejects.length;
    d.decide(cells, line, sink);
    log.outcome[i] = led.accepted > accepted ? accepted : led.excluded > excluded ? EXCLUDED : rejectedOutcome(rejects);
  };

  const addVirtual = (cells: string[], line: number) => {
    for (const c of virtual) cells.push(c.value(cells, line));
  };

  /** each record's decision, into the ledger, the column store and the order tallies */
  const sink: RowSink = {
    exclude: () => { led.excluded++; },
    reject: (line, column, raw, reason, cells, detail) => led.reject(line, column, raw, reason, cells, detail),
    warn: (code, column, line, raw) => led.warn(code, column, line, raw),
    ambiguousDate: (column, line, raw) => {
      if (!dateProblems.has(column)) dateProblems.set(column, ambiguousDateError(name, file, line, column, raw));
    },
    currency: (key) => led.countCurrency(key),
    accept: (data, cells, line) => {
      led.accepted++;
      store.add(data, line);
      orderRows?.accepted(data, cells);
      if (cov) {
        const t = data[cov] as number | null;
        if (t !== null && t !== undefined) led.cover(t);
      }
    },
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
      for (const piece of source.chunks(position, end)) {
        if (!hasNul && piece.includes('\u0000')) {
          hasNul = true;
          if (decider) decider.hasNul = true;
        }
        stream.push(piece);
        between?.();
      }
    } catch (e) {
      if (!(e instanceof Abort)) throw e;
      failed = e.errors;
    }
    position = end;
  };

  /** the other thread's rows, batch by batch (column-store.ts) */
  const absorbRows = (rows: PackedRows): void => {
    if (failed) return;
    const plan = layout?.plan ?? [];
    store.absorbRows(rows, (c) => {
      const p = plan.find((x) => x.column === c);
      return p?.intern ? (v: string) => internValue(p, v) : undefined;
    });
  };
  const absorbEnd = (end: PackedPartEnd): void => {
    if (failed) return;
    store.absorbEnd(end.ledger.accepted);
    if (log && end.rows) log.append(end.rows, led.accepted, led.rejects.length);
    led.absorb(end.ledger);
    position = total;
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
    // rows are in file order: the store closes the gaps in one pass over each column
    store.removeRows(rows);
    led.accepted -= rows.length;
    led.dropDuplicates(rejects, repeats);
  };

  const result = (whole: boolean): ReadInputResult<N> | FileFailure | CsvResult => {
    const csv = stream.end();
    if (failed || dateProblems.size) {
      const errors = [...(failed ?? []), ...dateProblems.values()];
      return { ok: false, error: errors[0]!, errors };
    }
    if (whole) dropRepeats();
    if (csv.header === null) return { ok: false, error: emptyFileError(name, file) };
    if (csv.unterminated) return { ok: false, error: unterminatedQuoteError(file, csv.unterminated) };
    store.end();
    return csv;
  };

  /** rows dated long after the bulk of the file's dates: taken back and rejected (after-bulk.ts) */
  const rejectAfterBulk = () => {
    const margin = settings.futureMargin;
    const dates = cov ? out[cov] : undefined;
    if (margin === 'off' || !cov || !dates || (shape[cov] && fieldMeta(shape[cov])?.planned)) return;
    const late = afterBulk(dates, led.accepted, margin);
    if (!late) return;
    const taken = late.rows.map((i) => ({ line: store.lines[i]!, t: dates[i] as number }));
    // the raw cells, parsed again (none once the bytes are let go: a file read on two threads fills them in ingest.ts)
    const cells = headOnly ? null : source.recordsAt(new Set(taken.map((x) => x.line)));
    const tz = timeZone(config.timezone);
    store.removeRows(late.rows);
    store.end();
    led.accepted -= late.rows.length;
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
    for (const p of layout?.plan ?? []) if (p.marks) { for (const [k, n] of p.marks) led.countCurrency(`mark:${k}`, n); p.marks.clear(); }
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
    const m = (layout as FileLayout | null)?.match;
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
    if (store.rows !== led.accepted) throw new Error(`${file}: ${store.rows} rows stored, the ledger says ${led.accepted} accepted`);
    const table = { name, rows: led.accepted, columns: out, line: store.lines } as unknown as InputTable<N>;
    const dimensions = ((layout as FileLayout | null)?.dims ?? []).map((d) => d.name);
    return { ok: true, table, ledger, rejects: led.rejects, header, dimensions };
  };

  const endPart = (): { ok: true; part: InputPart } | FileFailure => {
    const r = result(false);
    if ('ok' in r) return r as FileFailure;
    store.handOver();
    countMarks();
    return { ok: true, part: { ledger: led.snapshot(), rows: log ? log.data() : null } };
  };

  const reader: InputReader<N> = {
    encoding,
    bodyStart,
    delimiter,
    headerPreview: source.headerPreview,
    get position() { return position; },
    readTo,
    release: () => source.release(),
    reserve: (rows) => store.reserve(rows),
    absorbRows,
    absorbEnd,
    finish,
  };
  return { ok: true, reader, part: endPart };
}

/** A file's header mapped to its schema (mapHeader): what each record's cells mean. */
interface FileLayout {
  /** the header as read (trimmed), with the label of a joined name column after it */
  header: string[];
  match: HeaderMatch;
  /** each schema column: its cell and how to read it (coerce-row.ts) */
  plan: FieldPlan[];
  /** survey dimension columns, and their plans (`dim_<name>`, integers 1–5) */
  dims: { name: string; index: number }[];
  dimPlans: FieldPlan[];
  virtual: VirtualColumn[];
  nameParts: NameParts | null;
  /** validate every row with zod (row-decisions.ts coercionCovers) */
  zodEveryRow: boolean;
}

/**
 * Map a file's header row to its schema's columns (headers.ts): a name joined from first and
 * last name columns (name-parts.ts), the config's constant and identity columns
 * (virtual-columns.ts), orders' amount or quantity × unit price. Throws Abort with every
 * problem found (the header is the first thing read: nothing else is known yet).
 */
function mapHeader(
  h: string[],
  f: { name: InputName; file: string; settings: Config['files'][InputName]; shape: Record<string, z.ZodType>; ctx: CoerceContext; delimiter: string },
): FileLayout {
  const { name, file, settings, shape, ctx } = f;
  const columns = Object.keys(shape);
  const required = columns.filter((c) => !isOptionalField(shape[c]!) && !(name === 'orders' && c === 'amount'));
  let header = h.map((x) => x.trim());
  if (header.filter((x) => x !== '').length < 2) throw new Abort(notATableError(name, file, header, f.delimiter));
  let mapSettings = settings;
  let nameParts: NameParts | null = null;
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
  const match = m.match;
  let virtual: VirtualColumn[] = [];
  if (given.size) {
    const v = virtualColumns(name, file, header, settings, columns, match.index);
    if (!v.ok) throw new Abort(v.error);
    virtual = v.columns;
    virtual.forEach((c, k) => { match.index.set(c.column, header.length + k); match.mapping[c.column] = c.label; });
  }
  if (name === 'orders' && !match.index.has('amount') && !(match.index.has('quantity') && match.index.has('unit_price'))) {
    const taken = new Set(match.index.values());
    throw new Abort(missingColumnError(header.filter((_, i) => !taken.has(i)), header, name, file, 'amount', settings, {
      en: ' (nor quantity and unit_price to compute it)',
      'zh-CN': '（也没有可用于计算的数量 quantity 和单价 unit_price）',
    }));
  }
  const plan = planFields(shape, match.index, ctx, [inputFiles[name].key ?? '', 'order_id']);
  // an order's amount may come from quantity × unit price (row-decisions.ts)
  for (const p of plan) if (p.column === 'amount' && name === 'orders') p.optional = true;
  const dims = match.dims;
  // survey dimension scores `dim_<name>`: integers 1–5 (the range is the schema's catchall)
  const dimPlans: FieldPlan[] = dims.map((d) => ({
    column: DIMENSION_PREFIX + d.name, kind: 'integer', meta: { kind: 'integer' }, optional: true, index: d.index,
    num: { decimal: ctx.decimal, wan: false, percent: false }, intern: null,
  }));
  return { header, match, plan, dims, dimPlans, virtual, nameParts, zodEveryRow: !coercionCovers(shape) || dims.length > 0 };
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
  return strayQuotesError(name, file, bad, led.read, lines.sort((a, b) => a - b));
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
