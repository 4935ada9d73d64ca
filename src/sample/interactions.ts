import { DAY, END, HOUR, MONTHS, drawDay, drawOfficeTime, formatDateTime, monthEnd, monthStart } from './calendar.ts';
import { toCsv, type Cell } from './csv.ts';
import { ownerAt, type Customer } from './customers.ts';
import { defectById } from './defects.ts';
import { ACTIVE, LAPSED, NOT_YET, type Purchase } from './orders.ts';
import type { Random } from './random.ts';
import { isActiveAt, type Person } from './staff.ts';

type Kind = 'visit' | 'call' | 'message' | 'email' | 'meeting';

interface Draft {
  customerId: string;
  ownerId: string;
  type: Kind;
  occurredAt: number | null;
  requestedAt: number | null;
  outcome: string;
  campaign: boolean;
}

const chineseLabel: Record<Kind, string> = { visit: '上门拜访', call: '电话', message: '微信', email: '邮件', meeting: '会议' };
const outcomes = ['有意向', '需再跟进', '暂无需求', '已报价', '已下单'];

function channelOf(rnd: Random, type: Kind): string {
  if (type === 'meeting') return rnd.chance(0.6) ? '线下会议' : '视频会议';
  return { visit: '上门', call: '电话', message: '微信', email: '邮件' }[type];
}

/** visits happen 9:00–19:00: a time outside that moves to the next opening */
function officeHours(rnd: Random, t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  const hour = (t - day) / HOUR;
  if (hour < 9) return day + 9 * HOUR + rnd.int(0, 59) * 60_000;
  if (hour >= 19) return day + DAY + 9 * HOUR + rnd.int(0, 59) * 60_000;
  return t;
}

/**
 * interactions.csv. Owners follow up their book each month (better people reach more of it),
 * some touches come just before a purchase (so follow-up conversion means something),
 * customers ask for visits (the 48 h visit SLA clock), and CRM specialists run outreach
 * campaigns to lapsed customers.
 */
export function buildInteractions(
  rnd: Random,
  customers: readonly Customer[],
  staff: readonly Person[],
  activity: ReadonlyMap<string, Uint8Array>,
  purchases: readonly Purchase[],
): string {
  const person = new Map(staff.map((p) => [p.id, p]));
  const drafts: Draft[] = [];

  const touch = (c: Customer, owner: Person, t: number, campaign: boolean, outcome?: string) => {
    const type: Kind = campaign
      ? rnd.weighted(['message', 'call', 'email'] as const, [55, 30, 15])
      : c.kind === 'company'
        ? rnd.weighted(['visit', 'call', 'message', 'email', 'meeting'] as const, [22, 28, 25, 12, 13])
        : rnd.weighted(['call', 'message', 'email'] as const, [40, 50, 10]);
    let requestedAt: number | null = null;
    let occurredAt: number | null = t;
    if (type === 'visit' && rnd.chance(0.6)) {
      // the customer asked for the visit: held after a delay that depends on the owner
      requestedAt = t;
      const hours = rnd.logNormal(20 * Math.exp(-0.6 * owner.skill), 0.75);
      occurredAt = rnd.chance(0.015) ? null : officeHours(rnd, t + Math.round(hours * 60) * 60_000);
      if (occurredAt !== null && occurredAt > END) occurredAt = null;
    }
    const o = outcome ?? (type === 'call' && rnd.chance(0.12) ? '未接通' : rnd.pick(outcomes.slice(0, 3)));
    drafts.push({ customerId: c.id, ownerId: owner.id, type, occurredAt, requestedAt, outcome: o, campaign });
  };

  for (const c of customers) {
    const months = activity.get(c.id)!;
    for (let m = 0; m < MONTHS; m++) {
      if (monthEnd(m) < c.createdAt) continue;
      const state = months[m];
      const day = drawDay(rnd, m) + drawOfficeTime(rnd);
      const owner = person.get(ownerAt(c, day))!;
      if (!isActiveAt(owner, day)) continue;
      const base = state === ACTIVE ? 0.22 : state === LAPSED ? 0.08 : state === NOT_YET && c.firstMonth === null ? 0.12 : 0.05;
      if (day <= END && day >= c.createdAt && rnd.chance(base * (1 + 0.55 * owner.skill))) touch(c, owner, day, false);
    }
  }

  // a follow-up a few days before some purchases: the conversion the channel page measures
  const byId = new Map(customers.map((c) => [c.id, c]));
  for (const p of purchases) {
    if (!rnd.chance(0.18)) continue;
    const c = byId.get(p.customerId)!;
    // during office hours, one to twenty days before the purchase
    const t = Math.floor(p.t / DAY - rnd.int(1, 20)) * DAY + drawOfficeTime(rnd);
    if (t < monthStart(0) || t < c.createdAt) continue;
    const owner = person.get(ownerAt(c, t))!;
    if (isActiveAt(owner, t)) touch(c, owner, t, false, rnd.chance(0.5) ? '已报价' : '有意向');
  }

  // outreach campaigns to lapsed customers by the CRM specialists
  const specialists = staff.filter((p) => p.role === 'crm-specialist');
  for (let m = 0; m < MONTHS; m++) {
    const lapsed = customers.filter((c) => activity.get(c.id)![m] === LAPSED);
    if (lapsed.length === 0) continue;
    for (const s of specialists) {
      const k = rnd.poisson(16 * (1 + 0.4 * s.skill));
      for (let i = 0; i < k; i++) {
        const t = drawDay(rnd, m) + drawOfficeTime(rnd);
        if (t <= END && isActiveAt(s, t)) touch(rnd.pick(lapsed), s, t, true, rnd.pick(['暂无需求', '有意向', '需再跟进', '未回复']));
      }
    }
  }

  const at = (d: Draft) => d.occurredAt ?? d.requestedAt!;
  drafts.sort((a, b) => at(a) - at(b) || a.customerId.localeCompare(b.customerId));
  const seq = new Map<string, number>();
  const rows: Cell[][] = [];
  for (const d of drafts) {
    const dt = new Date(d.requestedAt ?? d.occurredAt!);
    const prefix = `IN${dt.getUTCFullYear()}${String(dt.getUTCMonth() + 1).padStart(2, '0')}`;
    const n = (seq.get(prefix) ?? 0) + 1;
    seq.set(prefix, n);
    if (n >= 9000) throw new Error(`interaction sequence overflow in ${prefix}`);
    rows.push([
      `${prefix}${String(n).padStart(4, '0')}`, d.customerId, d.ownerId,
      rnd.chance(0.02) ? chineseLabel[d.type] : d.type,
      d.occurredAt === null ? null : formatDateTime(d.occurredAt),
      d.requestedAt === null ? null : formatDateTime(d.requestedAt),
      channelOf(rnd, d.type), d.outcome,
    ]);
  }
  // an interaction logged under a staff id that is not in staff.csv (defects.ts)
  const orphan = defectById('interaction-unknown-owner');
  const c = customers.find((x) => x.kind === 'company' && activity.get(x.id)![33] === ACTIVE)!;
  const orphanRow: Cell[] = [orphan.key, c.id, orphan.value, 'call', '2026-07-15 15:20:00', null, '电话', '需再跟进'];
  rows.splice(rows.findIndex((r) => String(r[4] ?? r[5]) > '2026-07-15 15:20:00'), 0, orphanRow);
  return toCsv(['interaction_id', 'customer_id', 'owner_id', 'type', 'occurred_at', 'requested_at', 'channel', 'outcome'], rows);
}
