import { COMPANY, type EntityRef } from './kpi-rows.ts';
import { NONE, type OrderBook } from './orders.ts';

/**
 * Entities as dense integers: 0 = company, then people, teams, regions (order of first
 * appearance). Each customer and each order rolls up to at most four of them (docs/metrics.md,
 * "Attribution to people"): company, person, that person's team, region.
 */
export interface EntityIndex {
  count: number;
  refs: EntityRef[];
  /** 4 slots per customer: company, owner, owner's team, customer's region (NONE = absent) */
  ofCustomer: Int32Array;
  /**
   * The (up to 4) entities of order i into out[0..3]: company, order owner, their team, the
   * customer's region else the order's. Computed on the fly (a stored table is 16 bytes/order).
   */
  ofOrder(i: number, out: Int32Array): void;
}

export function entityIndex(book: OrderBook): EntityIndex {
  const { names, customers: cf, orders: o, teamOfPerson } = book;
  const personOff = 1;
  const teamOff = personOff + names.people.size;
  const regionOff = teamOff + names.teams.size;
  const count = regionOff + names.regions.size;
  const refs: EntityRef[] = [COMPANY];
  for (const p of names.people.names) refs.push({ entity_type: 'person', entity_id: p });
  for (const t of names.teams.names) refs.push({ entity_type: 'team', entity_id: t });
  for (const r of names.regions.names) refs.push({ entity_type: 'region', entity_id: r });

  const ofCustomer = new Int32Array(cf.count * 4).fill(NONE);
  for (let c = 0; c < cf.count; c++) {
    ofCustomer[c * 4] = 0;
    if (cf.owner[c] !== NONE) ofCustomer[c * 4 + 1] = personOff + cf.owner[c]!;
    if (cf.team[c] !== NONE) ofCustomer[c * 4 + 2] = teamOff + cf.team[c]!;
    if (cf.region[c] !== NONE) ofCustomer[c * 4 + 3] = regionOff + cf.region[c]!;
  }
  const ofOrder = (i: number, out: Int32Array): void => {
    out[0] = 0;
    const p = o.owner[i]!;
    out[1] = p !== NONE ? personOff + p : NONE;
    out[2] = p !== NONE && teamOfPerson[p] !== NONE ? teamOff + teamOfPerson[p]! : NONE;
    const c = o.customer[i]!;
    const r = c !== NONE && cf.fileRegion[c] !== NONE ? cf.fileRegion[c]! : o.region[i]!;
    out[3] = r !== NONE ? regionOff + r : NONE;
  };
  return { count, refs, ofCustomer, ofOrder };
}
