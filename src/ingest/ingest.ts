import { isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import type { Config } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { FileSystem } from '../lib/effects.ts';
import type { LedgerFile, RejectedRow } from '../model/ledger.ts';
import type { Dataset } from '../model/tables.ts';
import type { InputName } from '../validate/schemas/index.ts';
import { indexCustomers } from './customer-index.ts';
import { inputPaths, unreadablePaths } from './input-paths.ts';
import { loadRates } from './rates.ts';
import { absentLedger } from './ledger.ts';
import { countOrphans } from './orphans.ts';
import { estimateRows } from './column-store.ts';
import { openInputFile, readInputFile, type ReadInputResult } from './read-input-file.ts';
import { cellsOfLines, sniffFile } from './sniff-file.ts';
import { countLineBreaks, recordBoundaryAfter } from './split-records.ts';
import type { PartSource, WorkerJob, WorkerMessage } from './worker-job.ts';
import { workerThread, type StartThread } from './worker-thread.ts';

export { readInputFile } from './read-input-file.ts';
export type { ReadInputOptions, ReadInputResult } from './read-input-file.ts';

/**
 * The ingest stage: every input of `inputFiles` from `dataDir`. orders.csv is required; a missing
 * optional file gives a ledger entry with `present: false` and a null table. The first unusable
 * file does not stop the others: every file is read, and the result lists every problem of every
 * file (in `inputNames` order), so one build shows them all.
 *
 * A large orders.csv is read on two threads: this one reads its first part while a worker reads
 * the other files and the rest of orders.csv, cut at a record boundary (split-records.ts); the
 * parts are merged into exactly what one thread gives (same rows, ledger, rejects and order).
 */
export type IngestResult =
  | {
      ok: true;
      dataset: Dataset;
      ledger: LedgerFile[];
      rejects: RejectedRow[];
      /** each present file's header row, by input name */
      headers: Partial<Record<InputName, string[]>>;
      /** threads the files were read on (2 when orders.csv is large: see PARALLEL_MIN_BYTES) */
      threads: number;
    }
  | { ok: false; error: BuildError; errors: BuildError[] };

export interface IngestOptions {
  dataDir: string;
  config: Config;
  fs: FileSystem;
  /** the clock's now, for the accepted year range when config.asOf is unset (default Date.now()) */
  now?: number;
  /** read on two threads when orders.csv has at least this many bytes (default PARALLEL_MIN_BYTES; Infinity: never) */
  parallelMinBytes?: number;
  /** how the second thread is started (default: a worker thread) */
  thread?: StartThread;
  /** the share of orders.csv the main thread reads (default: from the cost model below; tests set it) */
  mainShare?: number;
  /** bytes of a tail on disk read at a time, by either thread (default TAIL_PIECE_BYTES; tests set it small) */
  pieceBytes?: number;
  /** the columns to keep of each file (readInputFile's `keep`; default all): the build keeps ORDER_LINE_COLUMNS of orders.csv */
  keep?: Partial<Record<InputName, readonly string[]>>;
}

/**
 * Bytes decoded and parsed at a time. 64 KiB keeps each decoded piece (and the partial record
 * glued to the next one) a regular young-generation string that dies in a scavenge; 2 MiB
 * pieces are large objects in the old generation (4 MB as UTF-16 with any CJK text), and at
 * 5 M lines their garbage forced a full mark-compact of the growing heap every second of
 * ingest. Measured: about 10 % less CPU for a 1 M-line orders.csv.
 */
export const INGEST_CHUNK_BYTES = 64 << 10;

export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const { dataDir, config, fs } = opts;
  // one clock reading for every file and both threads: the future-date cut-off must not differ between them
  const now = opts.now ?? Date.now();
  const minBytes = opts.parallelMinBytes ?? PARALLEL_MIN_BYTES;
  const pieceBytes = opts.pieceBytes ?? TAIL_PIECE_BYTES;
  const start = opts.thread ?? workerThread;
  const paths = inputPaths(dataDir, config);
  const unreadable = await unreadablePaths(paths, fs);
  if (unreadable) return { ok: false, error: unreadable, errors: [unreadable] };
  const present = new Map<InputName, boolean>();
  for (const p of paths) present.set(p.name, await fs.exists(p.path));
  const orders = paths[0]!;
  if (!present.get('orders')) {
    const error = missingOrders(orders.file, orders.path, dataDir);
    return { ok: false, error, errors: [error] };
  }

  const rated = await loadRates(dataDir, config, fs);
  if (!rated.ok) return { ok: false, error: rated.error, errors: [rated.error] };
  const rates = rated.rates;
  const keepOf = (name: InputName) => ({ ...(opts.keep?.[name] ? { keep: opts.keep[name] } : {}), ...(name === 'orders' && rates ? { rates } : {}) });
  const read = (f: { name: InputName; file: string }, bytes: Uint8Array) =>
    readInputFile({ name: f.name, file: f.file, bytes, config, chunkBytes: INGEST_CHUNK_BYTES, ...keepOf(f.name), now });

  const results = new Map<InputName, ReadInputResult<InputName>>();
  let threads = 1;
  const rest = paths.slice(1).filter((f) => present.get(f.name));
  const size = fs.size ? await fs.size(orders.path) : null;
  const worthCutting = (n: number) => n >= minBytes;
  // the other files' sizes weigh in the cut (their bytes are read later, one file at a time)
  const otherBytes = async () => {
    let n = 0;
    for (const f of rest) n += fs.size ? await fs.size(f.path) : (await fs.readFile(f.path)).length;
    return n;
  };
  const cut = size !== null && worthCutting(size) ? await cutOrders(fs, orders.path, size, config, await otherBytes(), opts.mainShare) : null;
  if (!cut) {
    const bytes = await fs.readFile(orders.path);
    const cutWhole = worthCutting(bytes.length) ? cutBytes(bytes, config, await otherBytes(), opts.mainShare) : null;
    if (cutWhole) results.set('orders', await readOnTwoThreads(cutWhole));
    else results.set('orders', read(orders, bytes));
  } else {
    results.set('orders', await readOnTwoThreads(cut));
  }

  /**
   * orders.csv cut in two: this thread reads the head, then the other files; a worker the tail.
   * A tail left on disk (cutOrders) is read by the worker a piece at a time; this thread then
   * hashes it (the file's fingerprint) and checks it is UTF-8 after the other files. If it is
   * not, the file is read again on one thread, as it would have been had we known.
   */
  async function readOnTwoThreads(c: Cut): Promise<ReadInputResult<InputName>> {
    const thread = start();
    try {
      threads = 2;
      const opened = openInputFile({
        name: 'orders', file: orders.file, bytes: c.head, config, chunkBytes: INGEST_CHUNK_BYTES,
        whole: { fingerprint: c.fingerprint ?? '', size: c.size }, ...keepOf('orders'), now,
      });
      if (!opened.ok) {
        thread.stop();
        return opened;
      }
      const reader = opened.reader;
      const got: { end: Extract<WorkerMessage, { kind: 'end' }>['part'] | null } = { end: null };
      // bytes in memory move to the worker (their memory goes with the thread)
      const job: WorkerJob = {
        config, now, chunkBytes: INGEST_CHUNK_BYTES, pieceBytes, ...keepOf('orders'),
        part: { name: 'orders', file: orders.file, source: c.tail, line: 1 + countLineBreaks(c.head, 0, c.head.length), header: c.header, delimiter: c.delimiter },
      };
      c.tail = { bytes: new Uint8Array(0) };
      const answer = thread.run(job, (m) => {
        if (m.kind === 'rows') reader.absorbRows(m.rows);
        else got.end = m.part;
      });
      reader.reserve(estimateRows(c.head.subarray(reader.bodyStart)));
      reader.readTo(c.head.length, () => thread.poll());
      // the head is read: its bytes can go before the other files are read
      reader.release();
      c.head = new Uint8Array(0);
      for (const f of rest.splice(0)) {
        thread.poll();
        const bytes = await fs.readFile(f.path);
        thread.poll();
        results.set(f.name, read(f, bytes));
      }
      const fingerprint = c.fingerprint ?? (c.onDisk ? await hashTail(c.onDisk, () => thread.poll()) : null);
      if (fingerprint === null) {
        // the tail is not UTF-8 (or the file changed): what the worker read is not used
        thread.stop();
        threads = 1;
        return read(orders, await fs.readFile(orders.path));
      }
      await answer;
      const end = got.end;
      if (end && !end.ok) {
        // the first error in file order: the head comes first
        const mine = reader.finish(fingerprint);
        if (mine.ok) return end;
        // both parts' problems, once each (the same column's problem is found by both)
        const errors = [...(mine.errors ?? [mine.error])];
        for (const e of end.errors ?? [end.error]) if (!errors.some((x) => x.code === e.code && x.field === e.field)) errors.push(e);
        return { ok: false, error: errors[0]!, errors };
      }
      if (end) reader.absorbEnd(end.end);
      const done = reader.finish(fingerprint);
      // rows taken back at the end (after-bulk.ts) get their raw cells from the file read again
      const bare = done.ok ? done.rejects.filter((r) => r.cells.length === 0 && r.reason === 'after_bulk') : [];
      if (bare.length) {
        const cells = cellsOfLines(await fs.readFile(orders.path), config.files.orders, new Set(bare.map((r) => r.line)));
        for (const r of bare) r.cells = cells?.get(r.line) ?? [];
      }
      return done;
    } catch (e) {
      thread.stop();
      throw e;
    }
  }

  /**
   * The fingerprint of a file whose head is hashed and whose tail is on disk: the tail read in
   * pieces, each checked as UTF-8 (up to its last ASCII byte, a character boundary; the rest
   * goes with the next piece). Null when the tail is not UTF-8 or its size changed.
   */
  async function hashTail(d: NonNullable<Cut['onDisk']>, between: () => void): Promise<string | null> {
    let carry = new Uint8Array(0);
    // one buffer for every piece (see readTextPieces)
    const buffer = new Uint8Array(Math.min(pieceBytes, d.end - d.start));
    for (let at = d.start; at < d.end; at += pieceBytes) {
      const end = Math.min(d.end, at + pieceBytes);
      const piece = await fs.readRange!(d.path, at, end, buffer);
      if (piece.length !== end - at) return null;
      d.hash.update(piece);
      const bytes = carry.length ? concat(carry, piece) : piece;
      let cut = bytes.length;
      if (end < d.end) while (cut > 0 && bytes[cut - 1]! >= 0x80) cut--;
      if (!isUtf8(bytes.subarray(0, cut))) return null;
      carry = bytes.slice(cut);
      between();
    }
    return carry.length ? null : d.hash.digest('hex');
  }

  // one file's bytes in memory at a time
  for (const f of rest) results.set(f.name, read(f, await fs.readFile(f.path)));

  const tables: Record<string, unknown> = {};
  const ledger: LedgerFile[] = [];
  const rejects: RejectedRow[] = [];
  const headers: Partial<Record<InputName, string[]>> = {};
  let surveyDimensions: string[] = [];
  const errors: BuildError[] = [];
  for (const { name, file } of paths) {
    const r = results.get(name);
    if (!r) {
      ledger.push(absentLedger(name, file));
      tables[name] = null;
      continue;
    }
    if (!r.ok) {
      errors.push(...(r.errors ?? [r.error]));
      continue;
    }
    tables[name] = r.table;
    ledger.push(r.ledger);
    for (const x of r.rejects) rejects.push(x);
    headers[name] = r.header;
    if (name === 'surveys') surveyDimensions = r.dimensions;
  }

  if (errors.length) return { ok: false, error: errors[0]!, errors };
  const dataset = { ...tables, surveyDimensions } as unknown as Dataset;
  dataset.customerIndex = indexCustomers(dataset);
  countOrphans(dataset, ledger);
  return { ok: true, dataset, ledger, rejects, headers, threads };
}

/**
 * orders.csv from this size on is read on two threads (below it, starting a thread costs more
 * than it saves: the thread loads its modules in about 0.1 s). The second thread costs some
 * memory (its heap, batches in flight), less than the tail it no longer holds: at the bench's
 * 5M lines the ingest peak is 1.4–1.5 GB on two threads (docs/development.md).
 */
export const PARALLEL_MIN_BYTES = 16 << 20;

/**
 * The cost model of the cut, in bytes of orders.csv read on this thread (measured on the bench's
 * files, with the build's `keep`): a byte of the other files costs 1.6 bytes of orders (40 ns
 * against 23 at 5M lines); each byte of the tail costs this thread 0.03 bytes (taking in the
 * worker's batches, hashing the tail); the worker's start about 4 MB (it loads its modules while
 * this thread finds the cut). With these, at 5M lines both threads finish within 0.1 s of each
 * other (the previous model, without the tail's cost, left this thread 0.7 s behind).
 */
const OTHER_BYTE_COST = 1.6;
const TAIL_BYTE_COST = 0.03;
const START_BYTES = 4 << 20;

/** orders.csv cut at a record boundary: the head (read here) and the tail (read by the worker) */
interface Cut {
  head: Uint8Array;
  /** in memory (moved to the worker), or a byte range the worker reads from disk */
  tail: PartSource;
  size: number;
  /** sha256 of the whole file, null while the tail on disk is not hashed yet */
  fingerprint: string | null;
  /** the tail on disk: the hash of the head, to go on over the tail (ingest's hashTail) */
  onDisk: { path: string; start: number; end: number; hash: Hash } | null;
  header: string[];
  delimiter: string;
}

/** bytes of a tail on disk read at a time (by the worker to parse, by this thread to hash) */
export const TAIL_PIECE_BYTES = 4 << 20;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Where this thread stops reading orders.csv: it reads the bytes before the cut and then the
 * other files, the worker the bytes after it, so both have about the same work:
 * head + OTHER·other + TAIL·(size − head) = START + (size − head).
 */
function cutTarget(size: number, otherBytes: number, share?: number): number {
  const balanced = (START_BYTES + size * (1 - TAIL_BYTE_COST) - OTHER_BYTE_COST * otherBytes) / (2 - TAIL_BYTE_COST);
  return Math.floor(share !== undefined ? share * size : Math.max(0.05 * size, balanced));
}

/**
 * Cut a file already read whole. Null = not cut: not UTF-8, no header in the first piece, too
 * small to be worth it, or no record boundary after the target.
 */
function cutBytes(bytes: Uint8Array, config: Config, otherBytes: number, share?: number): Cut | null {
  const target = cutTarget(bytes.length, otherBytes, share);
  const s = sniffFile(bytes, config.files.orders, INGEST_CHUNK_BYTES);
  if (!s.ok || (s.dec.encoding !== 'utf-8' && s.dec.encoding !== 'utf-8-bom') || !s.headerPreview || target >= bytes.length) return null;
  const at = recordBoundaryAfter(bytes, Math.max(target, s.dec.bodyStart), s.delimiter, s.dec.bodyStart);
  if (at < 0) return null;
  return {
    // a copy of the tail in its own buffer (Buffer#slice would be a view: moving its buffer to
    // the worker would take the head with it)
    head: bytes.subarray(0, at), tail: { bytes: Uint8Array.prototype.slice.call(bytes, at) }, size: bytes.length,
    fingerprint: createHash('sha256').update(bytes).digest('hex'), onDisk: null, header: s.headerPreview, delimiter: s.delimiter,
  };
}

/**
 * Cut a file without reading it whole (at 5M lines it is 350 MB): the head is read a little past
 * the target to find the record boundary; the tail stays on disk, for the worker to read a piece
 * at a time (at 5M lines its 240 MB used to be held until the end of ingest, the time of the peak).
 * Null = read it whole instead (see cutBytes). The tail must be UTF-8, as one read would have
 * found: readOnTwoThreads checks it while hashing it.
 */
async function cutOrders(fs: FileSystem, path: string, size: number, config: Config, otherBytes: number, share?: number): Promise<Cut | null> {
  if (!fs.readRange) return null;
  const target = cutTarget(size, otherBytes, share);
  if (target >= size) return null;
  const head0 = await fs.readRange(path, 0, Math.min(size, target + (1 << 20)));
  // sniffed on the head up to its last line break (a whole character in UTF-8)
  const s = sniffFile(head0.subarray(0, head0.lastIndexOf(10) + 1), config.files.orders, INGEST_CHUNK_BYTES);
  if (!s.ok || (s.dec.encoding !== 'utf-8' && s.dec.encoding !== 'utf-8-bom') || !s.headerPreview) return null;
  const at = recordBoundaryAfter(head0, Math.max(target, s.dec.bodyStart), s.delimiter, s.dec.bodyStart);
  if (at < 0) return null;
  // (the head was checked by sniffFile, up to the last line break of head0)
  const head = head0.subarray(0, at);
  return {
    head, tail: { path, start: at, end: size }, size, fingerprint: null,
    onDisk: { path, start: at, end: size, hash: createHash('sha256').update(head) }, header: s.headerPreview, delimiter: s.delimiter,
  };
}

function missingOrders(file: string, path: string, dataDir: string): BuildError {
  return buildError({
    code: 'missing_file', file,
    message: {
      en: `${file} was not found in ${dataDir}: it is required (one row per order or order line).`,
      'zh-CN': `在 ${dataDir} 中找不到 ${file}：这是必需的文件（每行一个订单或订单明细）。`,
    },
    hint: {
      en: `Put your orders export at ${path}, or point to it:\nfiles:\n  orders:\n    path: my-orders-export.csv`,
      'zh-CN': `请把订单导出文件放到 ${path}，或指定其路径：\nfiles:\n  orders:\n    path: my-orders-export.csv`,
    },
  });
}
