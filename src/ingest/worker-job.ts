import type { Config } from '../config/schema.ts';
import type { BuildError } from '../lib/build-error.ts';
import type { InputName } from '../validate/schemas/index.ts';
import type { PackedRows } from './column-store.ts';
import { readInputPart, type PackedPartEnd } from './read-input-file.ts';
import { packColumn, transferables, type PackedColumn } from './table-transfer.ts';
import type { RateTable } from './rates.ts';

/**
 * What the ingest worker thread does, as a function of its job and of `post` (its way to send a
 * message): read the part of orders.csv after the cut. The accepted rows go back in small
 * batches as they are read, packed (table-transfer.ts) with the buffers to transfer, then the
 * part's ledger and row log. Small batches die young in the thread's heap: with batches of 64 Ki
 * rows the thread's heap grew to 250 MB at a million lines, with 4 Ki rows it stays under 90 MB.
 * ingest-worker.ts is the thread's entry; tests run this on the calling thread.
 */
export interface WorkerJob {
  config: Config;
  now: number | undefined;
  chunkBytes: number;
  /**
   * the bytes after the cut (in memory, or a byte range of the file at `path` that the thread
   * reads a piece at a time), their first physical line, and the header and delimiter the main
   * thread read
   */
  part: { name: InputName; file: string; source: PartSource; line: number; header: string[]; delimiter: string };
  /** bytes of a part on disk read at a time (default: readTextPieces') */
  pieceBytes?: number;
  /** the columns to keep (readInputFile's `keep`; default all) */
  keep?: readonly string[];
  /** orders.csv: the rates file (readInputFile's `rates`) */
  rates?: RateTable;
  /** accepted rows a batch (default BATCH_ROWS) */
  batchRows?: number;
}

export const BATCH_ROWS = 4096;

export type PartSource = { bytes: Uint8Array } | { path: string; start: number; end: number };

/** A synchronous read of a file from `position` into `into`; the bytes read (the thread's only effect). */
export type ReadRangeSync = (path: string, position: number, into: Uint8Array) => number;

/** The thread's messages, in this order: the part's row batches, then its end. */
export type WorkerMessage =
  | { kind: 'rows'; rows: PackedRows }
  | { kind: 'end'; part: { ok: true; end: PackedPartEnd } | { ok: false; error: BuildError; errors?: BuildError[] } };

export type Post = (message: WorkerMessage, transfer: ArrayBuffer[]) => void;

export function runWorkerJob(job: WorkerJob, post: Post, readRange: ReadRangeSync): void {
  const p = job.part;
  const src = p.source;
  const inFile = 'path' in src ? src : null;
  const bytes = 'bytes' in src ? src.bytes : new Uint8Array(0);
  const r = readInputPart({
    name: p.name, file: p.file, bytes, config: job.config, chunkBytes: job.chunkBytes,
    ...(job.now !== undefined ? { now: job.now } : {}),
    ...(inFile ? { read: (position: number, into: Uint8Array) => readRange(inFile.path, inFile.start + position, into) } : {}),
    ...(job.pieceBytes !== undefined ? { pieceBytes: job.pieceBytes } : {}),
    ...(job.keep ? { keep: job.keep } : {}),
    ...(job.rates ? { rates: job.rates } : {}),
    part: { start: 0, end: inFile ? inFile.end - inFile.start : bytes.length, header: p.header, delimiter: p.delimiter, line: p.line },
    batchRows: job.batchRows ?? BATCH_ROWS,
    onBatch: (b) => {
      const transfer: ArrayBuffer[] = [];
      const pack = (col: unknown[]): PackedColumn => {
        const x = packColumn(col, b.rows);
        transfer.push(...transferables(x));
        return x;
      };
      const columns: Record<string, PackedColumn> = {};
      for (const c in b.columns) columns[c] = pack(b.columns[c]!);
      post({ kind: 'rows', rows: { columns, line: pack(b.line) } }, transfer);
    },
  });
  if (!r.ok) { post({ kind: 'end', part: r }, []); return; }
  const log = r.part.rows;
  const transfer: ArrayBuffer[] = [];
  // (the log's lanes share one buffer: listed once)
  if (log) for (const b of new Set([log.a, log.b, log.c, log.line, log.outcome].map((x) => x.buffer as ArrayBuffer))) transfer.push(b);
  post({ kind: 'end', part: { ok: true, end: { ledger: r.part.ledger, rows: log } } }, transfer);
}
