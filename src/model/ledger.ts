import type { Localized } from './kpi.ts';

/** Nothing is lost silently: read = accepted + excluded + rejected + duplicates, per file. */
export interface LedgerReason {
  code: string;
  column: string | null;
  count: number;
  message: Localized;
  /**
   * up to a few examples, raw values already masked for publication; `detail` is the row's own
   * part of the message (field counts, the line repeated), for the build's console ledger
   */
  examples: { line: number; column: string | null; raw: string; detail?: string }[];
}

export interface LedgerFile {
  /** canonical input name, e.g. `orders` */
  name: string;
  /** file path relative to data/ */
  file: string;
  present: boolean;
  encoding: string | null;
  delimiter: string | null;
  /** column mapping applied: canonical name → header in the file */
  mapping: Record<string, string>;
  read: number;
  accepted: number;
  excluded: number;
  rejected: number;
  duplicates: number;
  /** kept rows whose reference points nowhere, e.g. { kind: 'unknown_customer', count } */
  orphans: { kind: string; column: string; count: number }[];
  reasons: LedgerReason[];
  /** earliest and latest value of the file's main date column (epoch ms) */
  coverage: { column: string; min: number; max: number } | null;
  /** sha256 of the file's bytes */
  fingerprint: string | null;
}

/** One rejected row, written to the local quarantine folder (never published). */
export interface RejectedRow {
  file: string;
  line: number;
  column: string | null;
  raw: string;
  reason: string;
  message: Localized;
  /** the row's own part of the message (see LedgerReason's examples) */
  detail?: string;
  /** the original cells, in file order */
  cells: string[];
  /** the file's header row (one shared array per file), for the quarantine CSV's header */
  header?: string[];
}
