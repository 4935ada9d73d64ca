import type { EntityType } from '../model/kpi.ts';
import type { EntityIndex } from './entity-index.ts';
import { NONE } from './orders.ts';

/**
 * Status at a day t (docs/metrics.md): active = last purchase within dormantDays (t − last ≤
 * dormantDays), dormant = within lostDays, lost = older, prospect = never purchased by t.
 */
export type CustomerStatus = 'active' | 'dormant' | 'lost' | 'prospect';
export const customerStatuses: readonly CustomerStatus[] = ['active', 'dormant', 'lost', 'prospect'];

export function statusAt(lastPurchaseDay: number, t: number, dormantDays: number, lostDays: number): CustomerStatus {
  if (lastPurchaseDay === NONE) return 'prospect';
  const age = t - lastPurchaseDay;
  return age <= dormantDays ? 'active' : age <= lostDays ? 'dormant' : 'lost';
}

export interface StatusCount {
  entity_type: EntityType;
  entity_id: string;
  status: CustomerStatus;
  customers: number;
}

/**
 * Customers per status for every entity (customer attribution: the customer's owner). A hand
 * loop because the bench proves it needed: as Arquero verbs (fold the four entity slots, groupby
 * entity × status, cross with the statuses, lookup; output identical) it took 290 ms CPU at 1M
 * order lines against 2 ms for this loop (measured 2026-12-03, interleaved, same process).
 */
export function statusCounts(statuses: readonly CustomerStatus[], ents: EntityIndex): StatusCount[] {
  const counts = new Float64Array(ents.count * 4);
  for (let c = 0; c < statuses.length; c++) {
    const s = customerStatuses.indexOf(statuses[c]!);
    for (let k = c * 4; k < c * 4 + 4; k++) {
      const e = ents.ofCustomer[k]!;
      if (e !== NONE) counts[e * 4 + s]!++;
    }
  }
  const out: StatusCount[] = [];
  for (let e = 0; e < ents.count; e++)
    for (let s = 0; s < 4; s++)
      out.push({ ...ents.refs[e]!, status: customerStatuses[s]!, customers: counts[e * 4 + s]! });
  return out;
}
