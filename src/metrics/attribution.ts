import { CODED_FILES, type CodedFile } from '../model/customer-index.ts';
import type { Dataset } from '../model/tables.ts';

/**
 * Who a figure belongs to (docs/metrics.md, "Attribution to people"): customer-based KPIs go to
 * the customer's owner, order amounts to the order's owner, tickets/interactions/tasks to their
 * owner. Teams come from staff.team. The region of a figure is the customer's region when the
 * figure is about a customer, else the person's region.
 */
export interface Attribution {
  ownerOfCustomer(customerId: string): string | null;
  regionOfCustomer(customerId: string): string | null;
  memberLevelOfCustomer(customerId: string): string | null;
  teamOf(staffId: string | null): string | null;
  regionOfStaff(staffId: string | null): string | null;
  /** every staff id, in file order */
  staffIds: readonly string[];
  /** the row of a customer id in `customerColumns` (its last row), −1 when absent */
  customerRow(customerId: string): number;
  /** the customers columns this was built from (null without customers) */
  customerColumns: unknown;
  /** every customer id is on exactly one row (always after ingest: customer_id is a key) */
  uniqueCustomerIds: boolean;
  /**
   * `customerRow` of each value of a customer_id column (−1 for null or unknown), computed once
   * per column and remembered: the service families read the same interactions' customers
   * several times, and at 10⁵–10⁶ customers each id lookup is a few cache misses.
   */
  customerRowsOf(ids: readonly (string | null | undefined)[]): Int32Array;
  /** ownerOfCustomer / regionOfCustomer by row (−1: null) */
  ownerOfRow(row: number): string | null;
  regionOfRow(row: number): string | null;
}

export function attribution(ds: Pick<Dataset, 'customers' | 'staff' | 'customerIndex'> & Partial<Pick<Dataset, CodedFile>>): Attribution {
  const c = ds.customers?.columns;
  // The customer index (customer-index.ts) numbers customers.csv's ids first, in file order: when
  // they are unique (always after ingest) a known code is the customer's row, and the other
  // files' customers are already coded. Otherwise one map id → row (the last row of an id, as
  // separate maps set in file order would keep).
  const index = ds.customerIndex;
  const coded = index && c && index.known === c.customer_id.length ? index : null;
  let rowOf: (id: string) => number;
  let unique = true;
  if (coded) {
    rowOf = (id) => {
      const k = coded.ids.get(id);
      return k < coded.known ? k : -1;
    };
  } else {
    const map = new Map<string, number>();
    if (c) for (let i = 0; i < c.customer_id.length; i++) map.set(c.customer_id[i]!, i);
    rowOf = (id) => map.get(id) ?? -1;
    unique = c ? map.size === c.customer_id.length : true;
  }
  const team = new Map<string, string | null>();
  const sRegion = new Map<string, string | null>();
  const s = ds.staff?.columns;
  if (s) {
    for (let i = 0; i < s.staff_id.length; i++) {
      team.set(s.staff_id[i]!, s.team[i] ?? null);
      sRegion.set(s.staff_id[i]!, s.region[i] ?? null);
    }
  }
  const col = (values: readonly (string | null | undefined)[] | undefined) => (id: string): string | null => {
    const i = rowOf(id);
    return i < 0 ? null : (values![i] ?? null);
  };
  const lookUpRows = (ids: readonly (string | null | undefined)[]): Int32Array => {
    const rows = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      rows[i] = id === null || id === undefined ? -1 : rowOf(id);
    }
    return rows;
  };
  /** the rows of a coded file's customer_id column, from its codes (null: not such a column) */
  const rowsFromCodes = (ids: readonly unknown[]): Int32Array | null => {
    if (!coded) return null;
    for (const f of CODED_FILES) {
      const codes = coded.codes[f];
      if (!codes || ds[f]?.columns.customer_id !== ids || codes.length !== ids.length) continue;
      const rows = new Int32Array(codes.length);
      for (let i = 0; i < codes.length; i++) rows[i] = codes[i]! < coded.known ? codes[i]! : -1;
      return rows;
    }
    return null;
  };
  const byRow = (values: readonly (string | null | undefined)[] | undefined) => (i: number): string | null =>
    i < 0 ? null : (values![i] ?? null);
  const rowsMemo = new WeakMap<object, Int32Array>();
  return {
    ownerOfCustomer: col(c?.owner_id),
    regionOfCustomer: col(c?.region),
    memberLevelOfCustomer: col(c?.member_level),
    teamOf: (id) => (id === null ? null : (team.get(id) ?? null)),
    regionOfStaff: (id) => (id === null ? null : (sRegion.get(id) ?? null)),
    staffIds: s ? s.staff_id.slice() : [],
    customerRow: rowOf,
    customerRowsOf(ids) {
      let rows = rowsMemo.get(ids);
      if (rows === undefined) {
        rows = rowsFromCodes(ids) ?? lookUpRows(ids);
        rowsMemo.set(ids, rows);
      }
      return rows;
    },
    ownerOfRow: byRow(c?.owner_id),
    regionOfRow: byRow(c?.region),
    customerColumns: c ?? null,
    uniqueCustomerIds: unique,
  };
}
