import type { Dataset } from '../model/tables.ts';
import { synthesize, type SynthOptions } from './generate.ts';

/**
 * The synthetic data as an in-memory Dataset, as ingest would hand it over: cancelled lines are
 * dropped (ingest excludes them), columns are arrays, empty = null. Orders, customers and staff
 * only (the order/customer metrics' inputs).
 */
export function syntheticDataset(opts: SynthOptions): Dataset {
  const o = {
    order_id: [] as string[], customer_id: [] as (string | null)[], order_date: [] as number[], amount: [] as number[],
    quantity: [] as (number | null)[], unit_price: [] as (number | null)[], owner_id: [] as (string | null)[],
    status: [] as (string | null)[], channel: [] as (string | null)[], product: [] as (string | null)[],
    category: [] as (string | null)[], region: [] as (string | null)[],
  };
  const c = {
    customer_id: [] as string[], name: [] as (string | null)[], owner_id: [] as (string | null)[], created_at: [] as (number | null)[],
    region: [] as (string | null)[], industry: [] as (string | null)[], member_level: [] as (string | null)[],
    phone: [] as (string | null)[], email: [] as (string | null)[],
  };
  const s = {
    staff_id: [] as string[], name: [] as string[], role: [] as string[], team: [] as (string | null)[], team_id: [] as (string | null)[],
    manager_id: [] as (string | null)[], region: [] as (string | null)[], hired_at: [] as (number | null)[], active: [] as boolean[],
  };
  synthesize(opts, {
    staff(x) {
      s.staff_id.push(x.staff_id); s.name.push(x.name); s.role.push(x.role); s.team.push(x.team); s.team_id.push(null);
      s.manager_id.push(null); s.region.push(x.region); s.hired_at.push(null); s.active.push(true);
    },
    customer(x) {
      c.customer_id.push(x.customer_id); c.name.push(x.name); c.owner_id.push(x.owner_id); c.created_at.push(x.created_at);
      c.region.push(x.region); c.industry.push(null); c.member_level.push(x.member_level); c.phone.push(null); c.email.push(null);
    },
    line(l) {
      if (l.status === 'cancelled') return;
      o.order_id.push(l.order_id); o.customer_id.push(l.customer_id); o.order_date.push(l.order_date); o.amount.push(l.amount);
      o.quantity.push(null); o.unit_price.push(null); o.owner_id.push(l.owner_id); o.status.push(l.status);
      o.channel.push(l.channel); o.product.push(l.product); o.category.push(null); o.region.push(l.region);
    },
  });
  const line = (n: number) => Array.from({ length: n }, (_, i) => i + 2);
  return {
    orders: { name: 'orders', rows: o.order_id.length, columns: o, line: line(o.order_id.length) },
    customers: { name: 'customers', rows: c.customer_id.length, columns: c, line: line(c.customer_id.length) },
    staff: { name: 'staff', rows: s.staff_id.length, columns: s, line: line(s.staff_id.length) },
    tickets: null,
    interactions: null,
    surveys: null,
    targets: null,
    tasks: null,
    surveyDimensions: [],
  };
}
