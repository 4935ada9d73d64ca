import { Interner } from '../lib/interner.ts';

/**
 * The customer of each order line as a small integer, looked up once for the whole build.
 * Codes: customers.csv's ids in file order (0 … known − 1), then the ids first seen on order
 * lines; −1 = no customer. The orphan count (orphans.ts) and the reduction of lines to orders
 * (metrics/orders.ts) both read the codes: each used to look up every change of customer along
 * the lines (2.5 million at the bench's 5M lines) in a 500k-entry hash table, one to three cache
 * misses a lookup, 1–1.6 s a pass.
 */
export interface CustomerIndex {
  ids: Interner;
  /** codes below this are customers.csv's */
  known: number;
  /** each order line's customer code (−1 = empty) */
  line: Int32Array;
}

export function indexCustomers(fileIds: readonly string[] | null, lineIds: readonly (string | null)[], rows = lineIds.length): CustomerIndex {
  const ids = new Interner((fileIds?.length ?? 0) + (rows >> 3));
  if (fileIds) for (const id of fileIds) ids.id(id);
  const known = ids.size;
  const line = new Int32Array(rows);
  // the lines of one order are usually adjacent and share their customer: one lookup for them
  let prev: string | null | undefined;
  let code = -1;
  for (let i = 0; i < rows; i++) {
    const v = lineIds[i];
    if (v !== prev) {
      prev = v;
      code = v === null || v === undefined ? -1 : ids.id(v);
    }
    line[i] = code;
  }
  return { ids, known, line };
}
