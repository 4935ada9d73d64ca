import { DAY, END, HOUR, formatDateTime } from './calendar.ts';
import { toCsv, type Cell } from './csv.ts';
import { ownerAt, type Customer } from './customers.ts';
import { defectById } from './defects.ts';
import type { Purchase } from './orders.ts';
import type { Random } from './random.ts';
import type { Person } from './staff.ts';
import type { Ticket } from './tickets.ts';

interface Draft {
  customerId: string;
  t: number;
  channel: string;
  ticketId: string | null;
  /** latent satisfaction on the 1–5 scale */
  mood: number;
  skill: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));

/**
 * surveys.csv: post-ticket surveys (ticket_id set, attributed to the ticket's handler) and
 * post-purchase surveys (attributed to the customer's owner). Scores follow the responsible
 * person's skill, so CSAT differs by person; small books give fewer than 30 responses a quarter.
 */
export function buildSurveys(
  rnd: Random,
  customers: readonly Customer[],
  staff: readonly Person[],
  tickets: readonly Ticket[],
  purchases: readonly Purchase[],
): string {
  const person = new Map(staff.map((p) => [p.id, p]));
  const byId = new Map(customers.map((c) => [c.id, c]));
  const drafts: Draft[] = [];

  for (const tk of tickets) {
    if (tk.resolvedAt === null || !rnd.chance(0.55)) continue;
    const t = tk.resolvedAt + rnd.int(1, 72) * HOUR + rnd.int(0, 59) * 60_000;
    if (t > END) continue;
    const skill = person.get(tk.ownerId)!.skill;
    const slow = (tk.resolvedAt - tk.openedAt) / HOUR > 72 ? -0.6 : 0;
    drafts.push({ customerId: tk.customerId, t, channel: rnd.pick(['短信', '微信']), ticketId: tk.id, mood: 3.8 + 0.8 * skill + slow, skill });
  }
  for (const p of purchases) {
    if (!rnd.chance(0.16)) continue;
    const t = p.t + rnd.int(2, 10) * DAY + rnd.int(0, 10) * HOUR;
    if (t > END) continue;
    const owner = person.get(ownerAt(byId.get(p.customerId)!, p.t))!;
    drafts.push({ customerId: p.customerId, t, channel: rnd.pick(['短信', '微信', '邮件', '电话回访']), ticketId: null, mood: 3.95 + 0.5 * owner.skill, skill: owner.skill });
  }
  drafts.sort((a, b) => a.t - b.t || a.customerId.localeCompare(b.customerId));

  const seq = new Map<string, number>();
  const rows: Cell[][] = [];
  const bad = defectById('survey-csat-out-of-range');
  for (const d of drafts) {
    const dt = new Date(d.t);
    const prefix = `SV${dt.getUTCFullYear()}${String(dt.getUTCMonth() + 1).padStart(2, '0')}`;
    const n = (seq.get(prefix) ?? 0) + 1;
    seq.set(prefix, n);
    const x = d.mood + rnd.normal() * 0.85;
    const dim = (shift: number) => (rnd.chance(0.12) ? null : clamp(x + shift + rnd.normal() * 0.7, 1, 5));
    rows.push([
      `${prefix}${String(n).padStart(4, '0')}`, d.customerId, formatDateTime(d.t), d.channel, d.ticketId,
      clamp(x, 1, 5), rnd.chance(0.06) ? null : clamp(2.2 * x - 1.2 + rnd.normal() * 1.1, 0, 10),
      dim(0.1), dim(-0.45), dim(-0.1), dim(0.35 * d.skill),
    ]);
    if (prefix === 'SV202509' && n === 40) {
      // a hand-keyed paper survey with a CSAT of 6 on a 1–5 scale (defects.ts)
      rows.push([bad.key, d.customerId, formatDateTime(d.t + 60_000), '电话回访', null, bad.value, 9, 5, 4, 5, 5]);
    }
  }
  if (!rows.some((r) => r[0] === bad.key)) throw new Error('survey defect not placed');
  return toCsv(
    ['response_id', 'customer_id', 'responded_at', 'channel', 'ticket_id', 'csat', 'nps', 'dim_quality', 'dim_price', 'dim_delivery', 'dim_service'],
    rows,
  );
}
