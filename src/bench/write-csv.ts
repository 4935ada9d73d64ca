import { minorText } from '../lib/money.ts';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize, type SynthOptions, type SynthSizes } from './generate.ts';

/**
 * Streams the synthetic dataset to CSV files in `dir` (orders, customers, staff, tickets,
 * surveys, interactions), in ~1 MB chunks: memory stays flat at any size. Times are written as
 * Asia/Shanghai wall times (`YYYY-MM-DD HH:mm:ss`), as a Chinese CRM export would.
 */
const local = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
const opt = (v: string | number | null): string => (v === null ? '' : String(v));

class Out {
  readonly #fd: number;
  #buf: string[] = [];
  #size = 0;
  rows = 0;
  constructor(path: string, header: string) {
    this.#fd = openSync(path, 'w');
    this.push(header);
    this.rows = 0;
  }
  push(row: string): void {
    this.#buf.push(row);
    this.#size += row.length;
    this.rows++;
    if (this.#size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.#buf.length) writeSync(this.#fd, this.#buf.join('\n') + '\n');
    this.#buf = [];
    this.#size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}

export function writeSyntheticCsv(dir: string, opts: SynthOptions): SynthSizes & { lines: number } {
  const f = {
    orders: new Out(join(dir, 'orders.csv'), 'order_id,customer_id,order_date,amount,owner_id,status,channel,product,region'),
    customers: new Out(join(dir, 'customers.csv'), 'customer_id,name,owner_id,created_at,region,member_level'),
    staff: new Out(join(dir, 'staff.csv'), 'staff_id,name,role,team,region'),
    tickets: new Out(join(dir, 'tickets.csv'), 'ticket_id,customer_id,owner_id,opened_at,first_response_at,resolved_at,type,channel,satisfaction'),
    surveys: new Out(join(dir, 'surveys.csv'), 'response_id,customer_id,responded_at,channel,csat,nps,dim_quality'),
    interactions: new Out(join(dir, 'interactions.csv'), 'interaction_id,customer_id,owner_id,type,occurred_at,channel'),
  };
  const sizes = synthesize(opts, {
    staff: (s) => f.staff.push(`${s.staff_id},${s.name},${s.role},${s.team},${s.region}`),
    customer: (c) =>
      f.customers.push(`${c.customer_id},${c.name},${opt(c.owner_id)},${local(c.created_at)},${opt(c.region)},${opt(c.member_level)}`),
    line: (l) =>
      f.orders.push(
        `${l.order_id},${opt(l.customer_id)},${local(l.order_date)},${minorText(l.amount, 2)},${opt(l.owner_id)},${l.status},${l.channel},${l.product},${opt(l.region)}`,
      ),
    ticket: (t) =>
      f.tickets.push(
        `${t.ticket_id},${t.customer_id},${t.owner_id},${local(t.opened_at)},${t.first_response_at === null ? '' : local(t.first_response_at)},${t.resolved_at === null ? '' : local(t.resolved_at)},${t.type},${t.channel},${opt(t.satisfaction)}`,
      ),
    survey: (s) =>
      f.surveys.push(`${s.response_id},${s.customer_id},${local(s.responded_at)},${s.channel},${opt(s.csat)},${opt(s.nps)},${opt(s.dim_quality)}`),
    interaction: (i) => f.interactions.push(`${i.interaction_id},${i.customer_id},${i.owner_id},${i.type},${local(i.occurred_at)},${i.channel}`),
  });
  const lines = f.orders.rows;
  for (const o of Object.values(f)) o.close();
  return { ...sizes, lines };
}
