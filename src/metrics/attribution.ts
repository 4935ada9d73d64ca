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

export function attribution(ds: Pick<Dataset, 'customers' | 'staff'>): Attribution {
  // one map id → row (the last row of an id, as separate maps set in file order would keep)
  // instead of three maps of values: a third of the inserts and of the memory at 10⁵–10⁶ customers
  const rowOf = new Map<string, number>();
  const c = ds.customers?.columns;
  if (c) {
    for (let i = 0; i < c.customer_id.length; i++) rowOf.set(c.customer_id[i]!, i);
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
    const i = rowOf.get(id);
    return i === undefined ? null : (values![i] ?? null);
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
    customerRow: (id) => rowOf.get(id) ?? -1,
    customerRowsOf(ids) {
      let rows = rowsMemo.get(ids);
      if (rows === undefined) {
        rows = new Int32Array(ids.length);
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i];
          rows[i] = id === null || id === undefined ? -1 : (rowOf.get(id) ?? -1);
        }
        rowsMemo.set(ids, rows);
      }
      return rows;
    },
    ownerOfRow: byRow(c?.owner_id),
    regionOfRow: byRow(c?.region),
    customerColumns: c ?? null,
    uniqueCustomerIds: c ? rowOf.size === c.customer_id.length : true,
  };
}
