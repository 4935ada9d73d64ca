import { DAY, END, HOUR, MONTHS, drawDay, drawOfficeTime, formatDateTime, monthStart } from './calendar.ts';
import { toCsv, type Cell } from './csv.ts';
import type { Customer } from './customers.ts';
import { defectById } from './defects.ts';
import { ACTIVE, LAPSED } from './orders.ts';
import type { Random } from './random.ts';
import { isActiveAt, type Person } from './staff.ts';

export interface Ticket {
  id: string;
  customerId: string;
  ownerId: string;
  type: 'complaint' | 'request' | 'inquiry';
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  channel: string;
  satisfaction: number | null;
}

export interface TicketsResult {
  csv: string;
  tickets: Ticket[];
}

const categories: Record<Ticket['type'], readonly string[]> = {
  complaint: ['质量问题', '物流延迟', '发票问题', '售后服务', '价格争议', '服务态度'],
  request: ['退换货', '发票问题', '安装调试', '资料变更', '售后服务'],
  inquiry: ['产品咨询', '价格咨询', '物流查询', '会员权益'],
};
/** a few rows use the Chinese label, as some CRM exports do; ingest maps them */
const chineseLabel: Record<Ticket['type'], string> = { complaint: '投诉', request: '服务请求', inquiry: '咨询' };
const channels = ['电话', '微信', '在线客服', '邮件'];

/** satisfaction 1–5 for a handled complaint: better handlers and faster fixes score higher */
function satisfactionScore(rnd: Random, skill: number, hours: number): number {
  const x = 3.7 + 0.9 * skill - (hours > 72 ? 0.7 : 0) + rnd.normal() * 0.9;
  return Math.max(1, Math.min(5, Math.round(x)));
}

export function buildTickets(
  rnd: Random,
  customers: readonly Customer[],
  staff: readonly Person[],
  activity: ReadonlyMap<string, Uint8Array>,
): TicketsResult {
  const handlers = staff.filter((p) => p.role === 'customer-service-manager');
  const drafts: Omit<Ticket, 'id'>[] = [];
  for (const c of customers) {
    const months = activity.get(c.id)!;
    for (let m = 0; m < MONTHS; m++) {
      // active customers contact service; lapsed ones rarely
      const p = months[m] === ACTIVE ? (c.kind === 'company' ? 0.12 : 0.085) : months[m] === LAPSED ? 0.01 : 0;
      if (!rnd.chance(p)) continue;
      const openedAt = drawDay(rnd, m) + drawOfficeTime(rnd, 0.25);
      if (openedAt > END || openedAt < c.createdAt) continue;
      const eligible = handlers.filter((h) => isActiveAt(h, openedAt));
      // work is shared evenly; the better handlers are given a little more
      const owner = rnd.weighted(eligible, eligible.map((h) => 1 + 0.3 * h.skill));
      const type = rnd.weighted(['complaint', 'request', 'inquiry'] as const, [45, 35, 20]);
      // first response: log-normal hours, the median set by the handler's skill; 2 % never answered
      const median = 4.5 * Math.exp(-0.9 * owner.skill);
      let firstResponseAt: number | null = rnd.chance(0.02) ? null : openedAt + Math.round(rnd.logNormal(median, 1.0) * HOUR / 60_000) * 60_000;
      if (firstResponseAt !== null && firstResponseAt > END) firstResponseAt = null;
      let resolvedAt: number | null = null;
      let satisfaction: number | null = null;
      if (firstResponseAt !== null && !rnd.chance(0.04 + 0.04 * Math.max(0, -owner.skill))) {
        const hours = type === 'complaint' ? rnd.logNormal(30 * Math.exp(-0.6 * owner.skill), 0.8) : rnd.logNormal(12, 0.8);
        const r = firstResponseAt + Math.round(hours * 60) * 60_000;
        if (r <= END) {
          resolvedAt = r;
          if (type === 'complaint' && rnd.chance(0.8)) satisfaction = satisfactionScore(rnd, owner.skill, (r - openedAt) / HOUR);
        }
      }
      drafts.push({ customerId: c.id, ownerId: owner.id, type, openedAt, firstResponseAt, resolvedAt, channel: rnd.pick(channels), satisfaction });
    }
  }
  drafts.sort((a, b) => a.openedAt - b.openedAt || a.customerId.localeCompare(b.customerId));

  const seq = new Map<string, number>();
  const tickets: Ticket[] = [];
  const rows: Cell[][] = [];
  const row = (t: Ticket, category: string, priority: string, label: string): Cell[] => [
    t.id, t.customerId, t.ownerId, formatDateTime(t.openedAt),
    t.firstResponseAt === null ? null : formatDateTime(t.firstResponseAt),
    t.resolvedAt === null ? null : formatDateTime(t.resolvedAt),
    label, t.channel, category, priority, t.satisfaction,
  ];
  const dup = defectById('ticket-duplicate-id');
  let dupRow: Cell[] | null = null;
  for (const d of drafts) {
    const dt = new Date(d.openedAt);
    const prefix = `TK${dt.getUTCFullYear()}${String(dt.getUTCMonth() + 1).padStart(2, '0')}`;
    const n = (seq.get(prefix) ?? 0) + 1;
    seq.set(prefix, n);
    const t: Ticket = { id: `${prefix}${String(n).padStart(4, '0')}`, ...d };
    tickets.push(t);
    const category = rnd.pick(categories[t.type]);
    const priority = rnd.weighted(['高', '中', '低'], t.type === 'complaint' ? [30, 50, 20] : [10, 50, 40]);
    const label = rnd.chance(0.02) ? chineseLabel[t.type] : t.type;
    rows.push(row(t, category, priority, label));
    if (t.id === dup.key) {
      // exported again a day later: the copy carries a (later) resolution
      const again = { ...t, resolvedAt: t.resolvedAt ?? Math.min(END, t.openedAt + 2 * DAY) };
      dupRow = row(again, category, priority, label);
    }
  }
  if (!dupRow) throw new Error(`defect ticket ${dup.key} was not generated`);
  // the duplicate sits a few rows after the original, as a re-export appended late would
  const at = rows.findIndex((r) => r[0] === dup.key);
  rows.splice(at + 7, 0, dupRow);

  // response before opening: a workstation clock set wrong (defects.ts)
  const skew = defectById('ticket-response-before-open');
  const customer = customers.find((c) => c.createdAt < monthStart(9))!;
  const skewRow: Cell[] = [skew.key, customer.id, handlers[0].id, '2024-08-14 10:20:00', skew.value, '2024-08-14 16:40:00', 'complaint', '电话', '物流延迟', '中', 4];
  rows.splice(rows.findIndex((r) => String(r[3]) > '2024-08-14 10:20:00'), 0, skewRow);

  const csv = toCsv(
    ['ticket_id', 'customer_id', 'owner_id', 'opened_at', 'first_response_at', 'resolved_at', 'type', 'channel', 'category', 'priority', 'satisfaction'],
    rows,
  );
  return { csv, tickets };
}
