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

/**
 * Something kept but worth a look, e.g. ids that Excel turned into scientific notation (they may
 * collide), or one order id spanning several dates or customers. Rows are not rejected for it.
 */
export interface LedgerWarning {
  code: string;
  column: string | null;
  count: number;
  message: Localized;
  /** up to a few examples, raw values masked as ledger examples are */
  examples: { line: number; raw: string }[];
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
  /**
   * lines identical in every cell to an earlier line (files.<name>.duplicateLines): dropped or
   * kept, how many, and (orders) the amount of those that were accepted, i.e. at stake (minor
   * units in ingest; major units once published, publish/ledger-money.ts)
   */
  duplicateLines?: { policy: 'keep' | 'drop'; count: number; amount: number | null };
  /** kept rows worth a look (absent: none) */
  warnings?: LedgerWarning[];
  /** earliest and latest value of the file's main date column (epoch ms) */
  coverage: { column: string; min: number; max: number } | null;
  /** sha256 of the file's bytes */
  fingerprint: string | null;
  /** orders: the status column's values, what each counted as (docs/data.md#statuses) */
  statuses?: { header: string; values: StatusCount[] } | null;
  /** what ingest decided about the file that a reader should know (amount chosen, refunds, unpaid rows …) */
  notes?: Localized[];
}

/**
 * One status value of orders.csv: the rows read with it (rejected rows and exact duplicates
 * included), the amount of those excluded or accepted (minor units in ingest; major units once
 * published, publish/ledger-money.ts), and what it counted as.
 */
export interface StatusCount {
  value: string;
  rows: number;
  amount: number;
  outcome: 'kept' | 'excluded' | 'unknown';
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
