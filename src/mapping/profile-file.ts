import { fileSettings } from '../config/schema.ts';
import type { Encoding } from '../ingest/decode.ts';
import { CsvStream } from '../ingest/parse-csv.ts';
import { sniffFile } from '../ingest/sniff-file.ts';
import { DateParser } from '../ingest/parse-date.ts';

/**
 * What `npm run map` knows about one file before deciding what it is: its encoding and delimiter
 * (found by the ingest stage's own sniffing, `sniffFile`), its header, how many records it has, and
 * per column the first values, the distinct values (while there are few) and the evidence on the
 * order of day and month in dates like 05/03/2021 (read by the ingest stage's `DateParser`, so
 * the helper and the build read a date the same way).
 */
export const SAMPLE_VALUES = 200;
/** distinct values counted per column; a column with more is free text or an id */
export const MAX_DISTINCT = 60;

export interface OrderEvidence {
  /** rows whose value reads only day first (the first number is over 12), with the first such value */
  dmy: number;
  dmyExample: string | null;
  /** rows whose value reads only month first (the second number is over 12) */
  mdy: number;
  mdyExample: string | null;
  /** rows with a day/month-first value that reads either way (both numbers 12 or less) */
  either: number;
}

export interface ColumnProfile {
  header: string;
  index: number;
  /** non-empty cells */
  filled: number;
  /** the first SAMPLE_VALUES non-empty cells */
  samples: string[];
  /** value → rows, null once the column has more than MAX_DISTINCT values */
  distinct: Map<string, number> | null;
  /** present when the column holds dates written day/month first */
  order: OrderEvidence | null;
}

export interface FileProfile {
  file: string;
  encoding: Encoding;
  delimiter: string;
  header: string[];
  records: number;
  columns: ColumnProfile[];
}

export type ProfileResult =
  | { ok: true; profile: FileProfile }
  | { ok: false; file: string; reason: 'binary' | 'undecodable' | 'no_header'; detail: string };

const autoSettings = fileSettings.parse({});

/** `now` bounds the accepted years as the build does (1970 … next year). */
export function profileFile(file: string, bytes: Uint8Array, now: number): ProfileResult {
  const sniffed = sniffFile(bytes, autoSettings, 1 << 20);
  if (!sniffed.ok) {
    const d = sniffed.dec;
    return { ok: false, file, reason: d.reason === 'binary' ? 'binary' : 'undecodable', detail: `${d.encoding}, line ${d.line}` };
  }
  const { dec, delimiter } = sniffed;
  const maxYear = new Date(now).getUTCFullYear() + 1;
  const parsers = {
    none: new DateParser({ timezone: 'UTC', minYear: 1970, maxYear }),
    dmy: new DateParser({ dateOrder: 'dmy', timezone: 'UTC', minYear: 1970, maxYear }),
    mdy: new DateParser({ dateOrder: 'mdy', timezone: 'UTC', minYear: 1970, maxYear }),
  };
  let header: string[] = [];
  let columns: ColumnProfile[] = [];
  const onHeader = (h: string[]) => {
    header = h.map((x) => x.trim());
    columns = header.map((x, index) => ({ header: x, index, filled: 0, samples: [], distinct: new Map(), order: null }));
  };
  const onRecord = (cells: string[]) => {
    for (const c of columns) {
      const raw = (cells[c.index] ?? '').trim();
      if (raw === '') continue;
      c.filled++;
      if (c.samples.length < SAMPLE_VALUES) c.samples.push(raw);
      if (c.distinct) {
        c.distinct.set(raw, (c.distinct.get(raw) ?? 0) + 1);
        if (c.distinct.size > MAX_DISTINCT) c.distinct = null;
      }
      if (c.order || c.filled <= SAMPLE_VALUES) weighOrder(c, raw, parsers);
    }
  };
  const csv = new CsvStream(delimiter, onRecord, onHeader);
  for (const piece of dec.chunks()) csv.push(piece);
  const end = csv.end();
  if (end.header === null || header.filter((h) => h !== '').length < 2) {
    return { ok: false, file, reason: 'no_header', detail: header.join(delimiter).slice(0, 120) };
  }
  return { ok: true, profile: { file, encoding: dec.encoding, delimiter, header, records: end.records, columns } };
}

/**
 * One cell's evidence on day/month order: a value the parser refuses without `dateOrder`
 * (`needs_date_order`) is tried day first and month first; it proves the order when only one
 * reading is a real date. A column is watched from its first such value (within its first
 * SAMPLE_VALUES values: a column whose early values are not dates is not a date column).
 */
function weighOrder(c: ColumnProfile, raw: string, p: Record<'none' | 'dmy' | 'mdy', DateParser>): void {
  const v = p.none.parse(raw);
  if (!(v !== null && Number.isNaN(v) && p.none.error === 'needs_date_order')) return;
  const o = (c.order ??= { dmy: 0, dmyExample: null, mdy: 0, mdyExample: null, either: 0 });
  const d = p.dmy.parse(raw), m = p.mdy.parse(raw);
  const dOk = d !== null && Number.isFinite(d), mOk = m !== null && Number.isFinite(m);
  if (dOk && mOk) o.either++;
  else if (dOk) { o.dmy++; o.dmyExample ??= raw; }
  else if (mOk) { o.mdy++; o.mdyExample ??= raw; }
}
