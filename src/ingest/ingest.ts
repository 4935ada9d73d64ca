import { posix } from 'node:path';
import type { Config } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { FileSystem } from '../lib/effects.ts';
import type { LedgerFile, RejectedRow } from '../model/ledger.ts';
import type { Dataset } from '../model/tables.ts';
import { inputFiles, inputNames, type InputName } from '../validate/schemas/index.ts';
import { absentLedger } from './ledger.ts';
import { countOrphans } from './orphans.ts';
import { openInputFile, readInputFile, type InputReader, type ReadInputResult } from './read-input-file.ts';
import { recordBoundaryAfter } from './split-records.ts';
import type { WorkerJob, WorkerMessage } from './worker-job.ts';
import { workerThread, type StartThread } from './worker-thread.ts';

export { readInputFile } from './read-input-file.ts';
export type { ReadInputOptions, ReadInputResult } from './read-input-file.ts';

/**
 * The ingest stage: every input of `inputFiles` from `dataDir`. orders.csv is required; a missing
 * optional file gives a ledger entry with `present: false` and a null table. The first unusable
 * file (in `inputNames` order) stops with its error.
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
  | { ok: false; error: BuildError };

export interface IngestOptions {
  dataDir: string;
  config: Config;
  fs: FileSystem;
  /** the clock's now, for the accepted year range when config.asOf is unset (default Date.now()) */
  now?: number;
  /** read on two threads when orders.csv has at least this many bytes (default PARALLEL_MIN_BYTES; Infinity: never) */
  parallelMinBytes?: number;
  /** … and at most this many (default PARALLEL_MAX_BYTES) */
  parallelMaxBytes?: number;
  /** how the second thread is started (default: a worker thread) */
  thread?: StartThread;
  /** the share of orders.csv the main thread reads (default: from the cost model below; tests set it) */
  mainShare?: number;
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
  const minBytes = opts.parallelMinBytes ?? PARALLEL_MIN_BYTES;
  const maxBytes = opts.parallelMaxBytes ?? PARALLEL_MAX_BYTES;
  const start = opts.thread ?? workerThread;
  const paths = inputNames.map((name) => {
    const file = config.files[name].path ?? inputFiles[name].file;
    return { name, file, path: posix.join(dataDir, file) };
  });
  const present = new Map<InputName, boolean>();
  for (const p of paths) present.set(p.name, await fs.exists(p.path));
  const orders = paths[0]!;
  if (!present.get('orders')) return { ok: false, error: missingOrders(orders.file, orders.path, dataDir) };

  const read = (f: { name: InputName; file: string }, bytes: Uint8Array) =>
    readInputFile({ name: f.name, file: f.file, bytes, config, chunkBytes: INGEST_CHUNK_BYTES, ...(opts.now !== undefined ? { now: opts.now } : {}) });

  const results = new Map<InputName, ReadInputResult<InputName>>();
  let threads = 1;
  const rest = paths.slice(1).filter((f) => present.get(f.name));
  const size = fs.size ? await fs.size(orders.path) : null;
  const plain = size !== null && (size < minBytes || size > maxBytes) ? await fs.readFile(orders.path) : null;
  // bytes the worker reads too: in a SharedArrayBuffer (no copy between the threads)
  const ordersBytes = plain ?? await readShared(fs, orders.path);
  if (ordersBytes.length < minBytes || ordersBytes.length > maxBytes) {
    results.set('orders', read(orders, ordersBytes));
  } else {
    // the thread starts now: it loads its modules while this one reads the other files' bytes
    const thread = start();
    try {
      // the other files' sizes set the cut; their bytes are read one file at a time, later
      let otherBytes = 0;
      for (const f of rest) otherBytes += fs.size ? await fs.size(f.path) : (await fs.readFile(f.path)).length;
      const opened = openInputFile({ name: 'orders', file: orders.file, bytes: ordersBytes, config, chunkBytes: INGEST_CHUNK_BYTES, ...(opts.now !== undefined ? { now: opts.now } : {}) });
      if (!opened.ok) {
        thread.stop();
        return opened;
      }
      const reader = opened.reader;
      const cut = cutPoint(reader, ordersBytes, otherBytes, opts.mainShare);
      let answer: Promise<void> | null = null;
      const got: { end: Extract<WorkerMessage, { kind: 'end' }>['part'] | null } = { end: null };
      if (cut < 0) thread.stop();
      else {
        threads = 2;
        const job: WorkerJob = {
          config, now: opts.now, chunkBytes: INGEST_CHUNK_BYTES,
          part: { name: 'orders', file: orders.file, bytes: ordersBytes, start: cut, header: reader.headerPreview!, delimiter: reader.delimiter },
        };
        answer = thread.run(job, (m) => {
          if (m.kind === 'rows') reader.absorbRows(m.rows);
          else got.end = m.part;
        });
      }
      if (cut >= 0) reader.reserve(rowsIn(ordersBytes, reader.bodyStart, cut));
      reader.readTo(cut < 0 ? ordersBytes.length : cut, () => thread.poll());
      // the other files on this thread meanwhile, one after another
      for (const f of rest.splice(0)) {
        thread.poll();
        const bytes = await fs.readFile(f.path);
        thread.poll();
        results.set(f.name, read(f, bytes));
      }
      if (answer) await answer;
      const end = got.end;
      if (end && !end.ok) {
        // the first error in file order: this thread's part comes first
        const mine = reader.finish();
        results.set('orders', mine.ok ? end : mine);
      } else {
        if (end) reader.absorbEnd(end.end);
        results.set('orders', reader.finish());
      }
    } catch (e) {
      thread.stop();
      throw e;
    }
  }
  // one file's bytes in memory at a time
  for (const f of rest) results.set(f.name, read(f, await fs.readFile(f.path)));

  const tables: Record<string, unknown> = {};
  const ledger: LedgerFile[] = [];
  const rejects: RejectedRow[] = [];
  const headers: Partial<Record<InputName, string[]>> = {};
  let surveyDimensions: string[] = [];
  for (const { name, file } of paths) {
    const r = results.get(name);
    if (!r) {
      ledger.push(absentLedger(name, file));
      tables[name] = null;
      continue;
    }
    if (!r.ok) return r;
    tables[name] = r.table;
    ledger.push(r.ledger);
    for (const x of r.rejects) rejects.push(x);
    headers[name] = r.header;
    if (name === 'surveys') surveyDimensions = r.dimensions;
  }

  const dataset = { ...tables, surveyDimensions } as unknown as Dataset;
  countOrphans(dataset, ledger);
  return { ok: true, dataset, ledger, rejects, headers, threads };
}

/**
 * orders.csv from this size on is read on two threads (below it, starting a thread costs more
 * than it saves: the thread loads its modules in about 0.1 s).
 */
export const PARALLEL_MIN_BYTES = 16 << 20;

/**
 * … and up to this size: the second thread costs memory (its own heap, the row batches in
 * flight, memory the allocator keeps), measured at +15 to +25 % of the peak. At the bench's 5M
 * lines (350 MB) that took the peak from 1.8 GB to 2.0–2.3 GB, over the 2 GB budget, so larger
 * files are read on one thread. Reading the file in pieces instead of whole (its bytes are a
 * fifth of the peak) is what would let both threads work on files this large.
 */
export const PARALLEL_MAX_BYTES = 192 << 20;

/**
 * The cost model of the cut, in bytes of orders.csv (measured on the bench's files): a byte of the
 * other files costs 1.3 bytes of orders at 1M lines (38 ns against 29) and 1.9 at 5M (47 against
 * 25: a larger heap to collect), so 1.6; the thread's start plus its first, not yet optimised,
 * second of code cost about 10 MB of orders (0.25 s).
 */
const OTHER_BYTE_COST = 1.6;
const START_BYTES = 10 << 20;

/**
 * Where orders.csv is cut between the threads: this thread reads the bytes before the cut and
 * then the other files, the worker the bytes after it, so both have about the same work. -1 =
 * not cut (not UTF-8, no header in the first piece, too small to be worth it, or no record
 * boundary after the target).
 */
function cutPoint(reader: InputReader<'orders'>, bytes: Uint8Array, otherBytes: number, share?: number): number {
  if (reader.encoding !== 'utf-8' && reader.encoding !== 'utf-8-bom') return -1;
  if (!reader.headerPreview) return -1;
  const body = bytes.length - reader.bodyStart;
  const balanced = (body + START_BYTES - OTHER_BYTE_COST * otherBytes) / 2;
  const mine = share !== undefined ? share * body : Math.max(0.05 * body, balanced);
  if (mine >= body) return -1;
  return recordBoundaryAfter(bytes, reader.bodyStart + Math.floor(mine), reader.delimiter, reader.bodyStart);
}

/** rows expected in bytes [from, to): their size over the mean line length of the first 64 KiB, plus 5 % */
function rowsIn(bytes: Uint8Array, from: number, to: number): number {
  const n = Math.min(to - from, 1 << 16);
  let breaks = 0;
  for (let i = from; i < from + n; i++) if (bytes[i] === 10) breaks++;
  return breaks === 0 ? 16 : Math.ceil(((to - from) / (n / breaks)) * 1.05) + 16;
}

/** A file's bytes in a SharedArrayBuffer: the worker thread reads them without a copy. */
async function readShared(fs: FileSystem, path: string): Promise<Uint8Array> {
  if (fs.readFileShared) return fs.readFileShared(path);
  const b = await fs.readFile(path);
  const shared = new Uint8Array(new SharedArrayBuffer(b.length));
  shared.set(b);
  return shared;
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
