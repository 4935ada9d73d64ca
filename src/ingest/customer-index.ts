import { Interner } from '../lib/interner.ts';
import type { Dataset } from '../model/tables.ts';

/** The files with a customer_id column that the index codes. */
export const CODED_FILES = ['orders', 'tickets', 'interactions', 'surveys'] as const;
export type CodedFile = (typeof CODED_FILES)[number];

/**
 * The customer of every row as a small integer, looked up once for the whole build. Codes:
 * customers.csv's ids in file order (0 … known − 1: with its ids unique, a known code is the
 * customer's row), then ids first seen in orders.csv, tickets, interactions and surveys; −1 =
 * no customer. The orphan count (orphans.ts), the reduction of lines to orders
 * (metrics/orders.ts) and the service families' customer rows (metrics/attribution.ts) read the
 * codes: each used to look the ids up again, and at 5M lines every change of customer along
 * the order lines (2.5 million) is a lookup in a 500k-entry hash table that misses the cache
 * one to three times: 1–1.6 s a pass.
 */
export interface CustomerIndex {
  ids: Interner;
  /** codes below this are customers.csv's */
  known: number;
  /** each row's customer code (−1 = empty), by file (absent files, and orders once released, have none) */
  codes: Partial<Record<CodedFile, Int32Array>>;
}

type Tables = Pick<Dataset, 'customers' | CodedFile>;

export function indexCustomers(ds: Tables): CustomerIndex {
  const fileIds = ds.customers?.columns.customer_id ?? null;
  const ids = new Interner((fileIds?.length ?? 0) + (ds.orders.rows >> 3));
  if (fileIds) for (const id of fileIds) ids.id(id);
  const known = ids.size;
  const codes: CustomerIndex['codes'] = {};
  for (const f of CODED_FILES) {
    const t = ds[f];
    if (t) codes[f] = codesOf(ids, t.columns.customer_id as readonly (string | null)[], t.rows);
  }
  return { ids, known, codes };
}

function codesOf(ids: Interner, values: readonly (string | null)[], rows: number): Int32Array {
  const out = new Int32Array(rows);
  // rows in a row often share their customer (the lines of one order): one lookup for them
  let prev: string | null | undefined;
  let code = -1;
  for (let i = 0; i < rows; i++) {
    const v = values[i];
    if (v !== prev) {
      prev = v;
      code = v === null || v === undefined ? -1 : ids.id(v);
    }
    out[i] = code;
  }
  return out;
}
