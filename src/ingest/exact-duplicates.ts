import { hashCells, HASH } from './row-hash.ts';

/**
 * Exact duplicates (rows identical in every cell), found after the parse instead of during it.
 *
 * Why: checking each row against a hash table of every earlier row touches a random slot of a
 * table tens of MB large for every row: a cache (and TLB) miss each time, about a quarter of the
 * time to read a million-line orders.csv. Here each row's hash is appended to a log in file order
 * (sequential writes), and the repeats are found at the end by partitioning the log by hash
 * into buckets small enough to dedupe in cache. A repeated row has the same cells as its first
 * occurrence, so it was read to the same outcome (accepted, excluded or rejected for the same
 * reason); the reader then takes that outcome back (ledger.ts `dropDuplicates`).
 */
export const EXCLUDED = -1;

/** `outcome` of a rejected row: −2 − its index in the rejects list */
export const rejectedOutcome = (index: number): number => -2 - index;
export const rejectIndex = (outcome: number): number => -2 - outcome;

export class RowLog {
  count = 0;
  /** the three hash lanes of each logged row */
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  /** the row's physical line */
  line: Int32Array;
  /** accepted row index (≥ 0), EXCLUDED, or rejectedOutcome(index in the rejects list) */
  outcome: Int32Array;

  constructor(capacity = 1024) {
    [this.a, this.b, this.c, this.line, this.outcome] = lanes(Math.max(16, capacity), 5);
  }

  /** Log a row's cells; returns its index (set its outcome once known). */
  add(cells: readonly string[], line: number): number {
    if (this.count === this.a.length) this.grow(this.count * 2);
    hashCells(cells);
    const i = this.count++;
    this.a[i] = HASH[0]!;
    this.b[i] = HASH[1]!;
    this.c[i] = HASH[2]!;
    this.line[i] = line;
    return i;
  }

  /**
   * Append the log of the rest of the file, read elsewhere: its outcomes are shifted by the rows
   * accepted and rejected here before it.
   */
  append(part: RowLogData, acceptedBefore: number, rejectsBefore: number): void {
    const n = part.count;
    if (this.count + n > this.a.length) this.grow(this.count + n);
    const at = this.count;
    this.a.set(part.a.subarray(0, n), at);
    this.b.set(part.b.subarray(0, n), at);
    this.c.set(part.c.subarray(0, n), at);
    this.line.set(part.line.subarray(0, n), at);
    for (let k = 0; k < n; k++) {
      const o = part.outcome[k]!;
      this.outcome[at + k] = o >= 0 ? o + acceptedBefore : o === EXCLUDED ? EXCLUDED : rejectedOutcome(rejectIndex(o) + rejectsBefore);
    }
    this.count += n;
  }

  /** the log as plain typed arrays (the first `count` entries hold rows), to send to another thread */
  data(): RowLogData {
    return { count: this.count, a: this.a, b: this.b, c: this.c, line: this.line, outcome: this.outcome };
  }

  private grow(size: number): void {
    const [a, b, c, line, outcome] = lanes(size, 5);
    const n = this.count;
    a!.set(this.a.subarray(0, n)); b!.set(this.b.subarray(0, n)); c!.set(this.c.subarray(0, n));
    line!.set(this.line.subarray(0, n)); outcome!.set(this.outcome.subarray(0, n));
    [this.a, this.b, this.c, this.line, this.outcome] = [a!, b!, c!, line!, outcome!];
  }
}

/**
 * `k` Int32Arrays of `n` entries carved out of one buffer. One large allocation is its own memory
 * mapping, returned to the system when freed; several smaller ones (under the allocator's 32 MB
 * mapping threshold) stay in its heap after they are freed and still count in the peak of the
 * next stage (measured: about 150 MB at 5M lines).
 */
function lanes(n: number, k: number): Int32Array[] {
  const buffer = new ArrayBuffer(n * k * 4);
  return Array.from({ length: k }, (_, i) => new Int32Array(buffer, i * n * 4, n));
}

export interface RowLogData {
  count: number;
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  line: Int32Array;
  outcome: Int32Array;
}

/**
 * Every logged row that repeats an earlier one, as pairs [row, its first occurrence] in row order.
 * Rows are partitioned by the top bits of one hash lane (a counting sort: sequential passes),
 * then each bucket, a few thousand rows, is deduplicated with a small table that stays in cache.
 */
export function findRepeats(log: RowLogData): Int32Array {
  const n = log.count;
  const { a, b, c } = log;
  let bits = 0;
  while (bits < 16 && n >> bits > 2048) bits++;
  const shift = 32 - bits;
  const buckets = 1 << bits;
  const bucketOf = (i: number) => (bits === 0 ? 0 : Math.imul(b[i]! ^ (a[i]! >>> 16), 0x9e3779b1) >>> shift);

  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) start[bucketOf(i) + 1]!++;
  for (let k = 0; k < buckets; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, buckets);
  // rows in bucket order (file order within a bucket), with two lanes alongside for the probes
  const [ord, pa, pb] = lanes(Math.max(1, n), 3) as [Int32Array, Int32Array, Int32Array];
  let largest = 0;
  for (let k = 0; k < buckets; k++) largest = Math.max(largest, start[k + 1]! - start[k]!);
  for (let i = 0; i < n; i++) {
    const j = fill[bucketOf(i)]!++;
    ord[j] = i;
    pa[j] = a[i]!;
    pb[j] = b[i]!;
  }

  let cap = 16;
  while (cap < largest * 2) cap <<= 1;
  const table = new Int32Array(cap);
  const pairs: number[] = [];
  for (let k = 0; k < buckets; k++) {
    const s = start[k]!, e = start[k + 1]!;
    let m = 16;
    while (m < (e - s) * 2) m <<= 1;
    const mask = m - 1;
    table.fill(-1, 0, m);
    for (let j = s; j < e; j++) {
      const x = pa[j]!, y = pb[j]!;
      let h = (x ^ (x >>> 15)) & mask;
      for (;;) {
        const q = table[h]!;
        if (q === -1) { table[h] = j; break; }
        if (pa[q] === x && pb[q] === y && c[ord[q]!] === c[ord[j]!]) { pairs.push(ord[j]!, ord[q]!); break; }
        h = (h + 1) & mask;
      }
    }
  }
  // buckets come out interleaved: put the pairs in row order
  const idx = Array.from({ length: pairs.length / 2 }, (_, k) => k).sort((p, q) => pairs[2 * p]! - pairs[2 * q]!);
  const out = new Int32Array(pairs.length);
  idx.forEach((p, k) => { out[2 * k] = pairs[2 * p]!; out[2 * k + 1] = pairs[2 * p + 1]!; });
  return out;
}
