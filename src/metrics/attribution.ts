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
}

export function attribution(ds: Pick<Dataset, 'customers' | 'staff'>): Attribution {
  const owner = new Map<string, string | null>();
  const cRegion = new Map<string, string | null>();
  const level = new Map<string, string | null>();
  const c = ds.customers?.columns;
  if (c) {
    for (let i = 0; i < c.customer_id.length; i++) {
      const id = c.customer_id[i]!;
      owner.set(id, c.owner_id[i] ?? null);
      cRegion.set(id, c.region[i] ?? null);
      level.set(id, c.member_level[i] ?? null);
    }
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
  return {
    ownerOfCustomer: (id) => owner.get(id) ?? null,
    regionOfCustomer: (id) => cRegion.get(id) ?? null,
    memberLevelOfCustomer: (id) => level.get(id) ?? null,
    teamOf: (id) => (id === null ? null : (team.get(id) ?? null)),
    regionOfStaff: (id) => (id === null ? null : (sRegion.get(id) ?? null)),
    staffIds: s ? s.staff_id.slice() : [],
  };
}
