import type { Config } from '../config/schema.ts';
import type { BuildError } from '../lib/build-error.ts';
import type { InputName } from '../validate/schemas/index.ts';
import { readInputPart, type PackedPartEnd, type PackedRows } from './read-input-file.ts';
import { packColumn, transferables, type PackedColumn } from './table-transfer.ts';

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
  /** the bytes after the cut, their first physical line, and the header and delimiter the main thread read */
  part: { name: InputName; file: string; bytes: Uint8Array; line: number; header: string[]; delimiter: string };
  /** accepted rows a batch (default BATCH_ROWS) */
  batchRows?: number;
}

export const BATCH_ROWS = 4096;

/** The thread's messages, in this order: the part's row batches, then its end. */
export type WorkerMessage =
  | { kind: 'rows'; rows: PackedRows }
  | { kind: 'end'; part: { ok: true; end: PackedPartEnd } | { ok: false; error: BuildError } };

export type Post = (message: WorkerMessage, transfer: ArrayBuffer[]) => void;

export function runWorkerJob(job: WorkerJob, post: Post): void {
  const p = job.part;
  const r = readInputPart({
    name: p.name, file: p.file, bytes: p.bytes, config: job.config, chunkBytes: job.chunkBytes,
    ...(job.now !== undefined ? { now: job.now } : {}),
    part: { start: 0, end: p.bytes.length, header: p.header, delimiter: p.delimiter, line: p.line },
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
