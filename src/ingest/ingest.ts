import { posix } from 'node:path';
import type { Config } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { FileSystem } from '../lib/effects.ts';
import type { LedgerFile, RejectedRow } from '../model/ledger.ts';
import type { Dataset } from '../model/tables.ts';
import { inputFiles, inputNames, type InputName } from '../validate/schemas/index.ts';
import { absentLedger } from './ledger.ts';
import { countOrphans } from './orphans.ts';
import { readInputFile, type ReadInputResult } from './read-input-file.ts';

export { readInputFile } from './read-input-file.ts';
export type { ReadInputOptions, ReadInputResult } from './read-input-file.ts';

/**
 * The ingest stage: every input of `inputFiles` from `dataDir`, one after another (one file's
 * text in memory at a time). orders.csv is required; a missing optional file gives a ledger
 * entry with `present: false` and a null table. The first unusable file stops with its error.
 */
export type IngestResult =
  | {
      ok: true;
      dataset: Dataset;
      ledger: LedgerFile[];
      rejects: RejectedRow[];
      /** each present file's header row, by input name */
      headers: Partial<Record<InputName, string[]>>;
    }
  | { ok: false; error: BuildError };

export interface IngestOptions {
  dataDir: string;
  config: Config;
  fs: FileSystem;
  /** the clock's now, for the accepted year range when config.asOf is unset (default Date.now()) */
  now?: number;
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
  const tables: Record<string, unknown> = {};
  const ledger: LedgerFile[] = [];
  const rejects: RejectedRow[] = [];
  const headers: Partial<Record<InputName, string[]>> = {};
  let surveyDimensions: string[] = [];

  for (const name of inputNames) {
    const spec = inputFiles[name];
    const file = config.files[name].path ?? spec.file;
    const path = posix.join(dataDir, file);
    if (!(await fs.exists(path))) {
      if (spec.required) {
        return {
          ok: false,
          error: buildError({
            code: 'missing_file', file,
            message: {
              en: `${file} was not found in ${dataDir}: it is required (one row per order or order line).`,
              'zh-CN': `在 ${dataDir} 中找不到 ${file}：这是必需的文件（每行一个订单或订单明细）。`,
            },
            hint: {
              en: `Put your orders export at ${path}, or point to it:\nfiles:\n  orders:\n    path: my-orders-export.csv`,
              'zh-CN': `请把订单导出文件放到 ${path}，或指定其路径：\nfiles:\n  orders:\n    path: my-orders-export.csv`,
            },
          }),
        };
      }
      ledger.push(absentLedger(name, file));
      tables[name] = null;
      continue;
    }
    const bytes = await fs.readFile(path);
    const r: ReadInputResult<typeof name> = readInputFile({ name, file, bytes, config, chunkBytes: INGEST_CHUNK_BYTES, ...(opts.now !== undefined ? { now: opts.now } : {}) });
    if (!r.ok) return r;
    tables[name] = r.table;
    ledger.push(r.ledger);
    for (const x of r.rejects) rejects.push(x);
    headers[name] = r.header;
    if (name === 'surveys') surveyDimensions = r.dimensions;
  }

  const dataset = { ...tables, surveyDimensions } as unknown as Dataset;
  countOrphans(dataset, ledger);
  return { ok: true, dataset, ledger, rejects, headers };
}
