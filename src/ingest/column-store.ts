import { packedRows, unpackColumn, type PackedColumn } from './table-transfer.ts';

/**
 * The accepted rows of one file, column by column, and the two-thread merge (read-input-file.ts).
 *
 * Column arrays are allocated once at about the final size (no copies while growing: a
 * million-row file would otherwise leave ~100 MB of outgrown arrays behind); they still grow if
 * the estimate is short, and are cut to the row count at the end. A part read by another thread
 * hands its rows over in batches (`onBatch`), so that thread never holds them all.
 *
 * The other thread's rows arrive while this thread still reads its own (so they do not pile up in
 * the message queue). They are stored from index `tail` (`reserve`: above this part's expected
 * rows); this part's rows below it. If this part has more rows than expected, the stored rows move
 * up; at the end (`absorbEnd`) they move down to just after this part's rows.
 */

/**
 * A batch of accepted rows (the column arrays are handed over: the store starts new ones). Valid
 * during the `onBatch` call only: the `columns` object is the store's own, refilled after.
 */
export interface RowBatch {
  columns: Record<string, unknown[]>;
  line: number[];
  rows: number;
}

/** A batch of accepted rows packed for postMessage (table-transfer.ts). */
export interface PackedRows {
  columns: Record<string, PackedColumn>;
  line: PackedColumn;
}

export class ColumnStore {
  /** the column arrays by column name, in the order defined */
  readonly columns: Record<string, unknown[]> = {};
  /** the file line of each row */
  lines: number[];
  /** rows stored: this reader's accepted rows, and the other thread's once absorbed */
  rows = 0;
  private colArrays: unknown[][] = [];
  private setRow: (cols: unknown[][], data: Record<string, unknown>, n: number) => void = () => {};
  /** rows handed over before the current column arrays */
  private base = 0;
  /** where the other thread's rows start (−1: none yet) */
  private tail = -1;
  /** the other thread's rows stored from `tail`, not yet counted in `rows` */
  private pending = 0;

  private readonly capacity: number;
  private readonly batch: number;
  private readonly onBatch: ((batch: RowBatch) => void) | undefined;
  private readonly file: string;

  /**
   * `capacity`: rows to allocate for (ignored with `batch`); `batch` > 0: hand the rows over to
   * `onBatch` every `batch` rows (and at `handOver`). `file` names the file in error messages.
   */
  constructor(o: { capacity: number; batch?: number; onBatch?: (batch: RowBatch) => void; file?: string }) {
    this.capacity = o.capacity;
    this.batch = o.batch ?? 0;
    this.onBatch = o.onBatch;
    this.file = o.file ?? '';
    if (this.batch && !this.onBatch) throw new Error(`${this.file}: a part hands its rows over through onBatch`);
    this.lines = new Array(this.batch || this.capacity);
  }

  /** the columns to store, in order (the store's `columns` keep it) */
  define(columns: readonly string[]): void {
    for (const c of columns) this.columns[c] = new Array(this.batch || this.capacity);
    this.colArrays = columns.map((c) => this.columns[c]!);
    this.setRow = setterFactory(columns);
  }

  /** store an accepted row (missing values as null) */
  add(data: Record<string, unknown>, line: number): void {
    const n = this.rows++ - this.base;
    if (n === this.tail) this.raiseTail(n);
    this.setRow(this.colArrays, data, n);
    this.lines[n] = line;
    if (this.batch && n + 1 === this.batch) this.handOver();
  }

  /** pass the rows stored since the last hand-over to `onBatch`, and start new column arrays */
  handOver(): void {
    const rows = this.rows - this.base;
    if (rows === 0) return;
    for (const c in this.columns) this.columns[c]!.length = rows;
    this.lines.length = rows;
    this.onBatch!({ columns: this.columns, line: this.lines, rows });
    for (const c in this.columns) this.columns[c] = new Array(this.batch);
    this.colArrays = Object.values(this.columns);
    this.lines = new Array(this.batch);
    this.base = this.rows;
  }

  /** keep the first `rows` slots for this reader's rows (the other thread's go above them) */
  reserve(rows: number): void {
    if (this.tail < 0 && this.pending === 0) this.tail = Math.max(rows, this.rows);
  }

  /** the other thread's next batch, appended in place; `intern` shares a text column's values */
  absorbRows(packed: PackedRows, intern: (column: string) => ((v: string) => string) | undefined): void {
    if (this.tail < 0) this.tail = this.rows;
    const at = this.tail + this.pending;
    for (const c in this.columns) {
      const p = packed.columns[c];
      if (!p) throw new Error(`${this.file}: the other thread's rows have no column ${c}`);
      unpackColumn(p, this.columns[c]!, at, intern(c));
    }
    unpackColumn(packed.line, this.lines, at);
    this.pending += packedRows(packed.line);
  }

  /** the other thread is done and says it sent `rows` rows: they move down after this reader's */
  absorbEnd(rows: number): void {
    if (rows !== this.pending) throw new Error(`${this.file}: the other thread sent ${this.pending} rows, its ledger says ${rows}`);
    if (this.tail > this.rows) this.moveRows(this.tail, this.rows, this.pending);
    this.tail = -1;
    this.rows += this.pending;
    this.pending = 0;
  }

  /** take out rows (ascending indexes), keeping the order of the rest */
  removeRows(rows: readonly number[]): void {
    if (rows.length === 0) return;
    const all = this.all();
    removeRowsFactory(all.length)(all, rows, this.rows);
    this.rows -= rows.length;
  }

  /** cut the arrays to the rows stored (a store that hands over in batches keeps them for `handOver`) */
  end(): void {
    if (this.batch) return;
    for (const c in this.columns) this.columns[c]!.length = this.rows;
    this.lines.length = this.rows;
  }

  private all(): unknown[][] {
    return [...Object.values(this.columns), this.lines];
  }

  private moveRows(from: number, to: number, count: number): void {
    const all = this.all();
    moveRowsFactory(all.length)(all, from, to, count);
  }

  private raiseTail(n: number): void {
    const to = n + Math.max(1024, Math.ceil(n / 16));
    this.moveRows(this.tail, to, this.pending);
    this.tail = to;
  }
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
const removers = new Map<number, (cols: unknown[][], rows: readonly number[], n: number) => void>();
function removeRowsFactory(count: number): (cols: unknown[][], rows: readonly number[], n: number) => void {
  let f = removers.get(count);
  if (!f) {
    const loop = (k: number) => `{ const col = cols[${k}]; let w = rows[0], r = 0;
      for (let j = rows[0]; j < n; j++) { if (r < rows.length && j === rows[r]) { r++; continue; } col[w++] = col[j]; } }`;
    f = new Function('cols', 'rows', 'n', Array.from({ length: count }, (_, k) => loop(k)).join('\n')) as (cols: unknown[][], rows: readonly number[], n: number) => void;
    removers.set(count, f);
  }
  return f;
}

/**
 * Store a row's values at index `n` of the column arrays. Generated so that each column has its
 * own store site (monomorphic: a column of numbers stays an unboxed double array).
 */
function setterFactory(columns: readonly string[]): (cols: unknown[][], data: Record<string, unknown>, n: number) => void {
  const body = columns.map((c, i) => `cols[${i}][n] = d[${JSON.stringify(c)}] ?? null;`).join('\n');
  return new Function('cols', 'd', 'n', body) as (cols: unknown[][], data: Record<string, unknown>, n: number) => void;
}
