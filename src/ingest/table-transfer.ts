/**
 * Column arrays packed for `postMessage` from the ingest worker. Structured clone copies every
 * string of every row one by one (about 0.2 s of main-thread time for the non-order files of a
 * million-line bench); packed, a text column is its distinct values joined into one string plus
 * an Int32Array of codes, and a number column a Float64Array: a few copies, and the typed arrays
 * are transferred, not copied.
 *
 * U+0000 separates the distinct values: ingest rejects any cell holding it (`nul_byte`), so no
 * accepted value contains one.
 */
export type PackedColumn =
  | { kind: 'null'; rows: number }
  | { kind: 'text'; values: string; count: number; codes: Int32Array }
  | { kind: 'number'; values: Float64Array; nulls: Uint8Array | null }
  | { kind: 'plain'; values: unknown[] };

const SEP = '\u0000';

/**
 * Pack the first `rows` values of a column (null = empty; anything but strings and numbers goes as
 * is). One pass, typed by the first non-null value. Consecutive rows often hold the same value
 * (the lines of one order: its id, customer, owner, status): a repeat takes the previous code
 * without a lookup, which halved the worker's packing time at 5M lines.
 */
export function packColumn(col: readonly unknown[], rows: number): PackedColumn {
  let first = 0;
  while (first < rows && col[first] === null) first++;
  if (first === rows) return { kind: 'null', rows };
  const t = typeof col[first];
  if (t === 'number') return packNumbers(col, rows, first) ?? { kind: 'plain', values: col.slice(0, rows) };
  if (t === 'string') return packText(col, rows) ?? { kind: 'plain', values: col.slice(0, rows) };
  return { kind: 'plain', values: col.slice(0, rows) };
}

/** null when a value is not a number */
function packNumbers(col: readonly unknown[], rows: number, first: number): PackedColumn | null {
  const values = new Float64Array(rows);
  const isNull = first > 0 ? new Uint8Array(rows) : null;
  let nulls = isNull;
  for (let i = 0; i < first; i++) isNull![i] = 1;
  for (let i = first; i < rows; i++) {
    const v = col[i];
    if (typeof v === 'number') values[i] = v;
    else if (v === null) {
      nulls ??= new Uint8Array(rows);
      nulls[i] = 1;
    } else return null;
  }
  return { kind: 'number', values, nulls };
}

/** null when a value is not a string, or holds the separator */
function packText(col: readonly unknown[], rows: number): PackedColumn | null {
  const codes = new Int32Array(rows);
  const index = new Map<string, number>();
  const distinct: string[] = [];
  let prev: unknown = undefined;
  let prevCode = -1;
  for (let i = 0; i < rows; i++) {
    const v = col[i];
    if (v === prev) { codes[i] = prevCode; continue; }
    let c: number;
    if (v === null) c = -1;
    else if (typeof v !== 'string') return null;
    else {
      const known = index.get(v);
      if (known !== undefined) c = known;
      else {
        if (v.includes(SEP)) return null;
        c = distinct.length;
        distinct.push(v);
        index.set(v, c);
      }
    }
    codes[i] = c;
    prev = v;
    prevCode = c;
  }
  return { kind: 'text', values: distinct.join(SEP), count: distinct.length, codes };
}

/** The buffers a packed column can hand over instead of copying. */
export function transferables(p: PackedColumn): ArrayBuffer[] {
  if (p.kind === 'null') return [];
  if (p.kind === 'text') return [p.codes.buffer as ArrayBuffer];
  if (p.kind === 'number') return p.nulls ? [p.values.buffer as ArrayBuffer, p.nulls.buffer as ArrayBuffer] : [p.values.buffer as ArrayBuffer];
  return [];
}

/** Number of rows a packed column holds. */
export function packedRows(p: PackedColumn): number {
  return p.kind === 'null' ? p.rows : p.kind === 'text' ? p.codes.length : p.values.length;
}

/**
 * Write a packed column's values into `target` from index `offset`. `share` maps each distinct
 * text value to the string to store (the reader's interning, so both halves of a file share
 * strings); identity when absent.
 */
export function unpackColumn(p: PackedColumn, target: unknown[], offset: number, share?: (s: string) => string): void {
  if (p.kind === 'null') {
    for (let i = 0; i < p.rows; i++) target[offset + i] = null;
  } else if (p.kind === 'text') {
    const distinct = p.count === 0 ? [] : p.values.split(SEP);
    if (share) for (let k = 0; k < distinct.length; k++) distinct[k] = share(distinct[k]!);
    const codes = p.codes;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      target[offset + i] = c < 0 ? null : distinct[c]!;
    }
  } else if (p.kind === 'number') {
    const { values, nulls } = p;
    for (let i = 0; i < values.length; i++) target[offset + i] = nulls && nulls[i] ? null : values[i]!;
  } else {
    const v = p.values;
    for (let i = 0; i < v.length; i++) target[offset + i] = v[i];
  }
}
