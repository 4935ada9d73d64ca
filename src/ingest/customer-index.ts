import { Interner } from '../lib/interner.ts';
import { CODED_FILES, type CodedFile, type CustomerIndex } from '../model/customer-index.ts';
import type { Dataset } from '../model/tables.ts';

type Tables = Pick<Dataset, 'customers' | CodedFile>;

/** Codes every file's customer ids once (the codes are described in model/customer-index.ts). */
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
