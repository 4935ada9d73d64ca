import { DAY, END, HOUR, MONTHS, drawDay, drawOfficeTime, formatDate, formatDateTime, seasonality } from './calendar.ts';
import { money, toCsv, type Cell } from './csv.ts';
import { currentOwner, ownerAt, type Customer } from './customers.ts';
import { defectById } from './defects.ts';
import type { Random } from './random.ts';
import { isActiveAt, stories, type Person } from './staff.ts';

/** month activity of a customer: before their first purchase, buying, or lapsed */
export const NOT_YET = 0;
export const ACTIVE = 1;
export const LAPSED = 2;

export interface Purchase {
  orderId: string;
  customerId: string;
  t: number;
  amount: number;
  /** staff credited (explicit line owner, else the customer's owner at the export) */
  ownerId: string;
}

export interface OrdersResult {
  csv: string;
  purchases: Purchase[];
  /** per customer, per month index: NOT_YET / ACTIVE / LAPSED */
  activity: Map<string, Uint8Array>;
  /** lifetime net spend per customer (drives member levels) */
  spend: Map<string, number>;
}

const catalogue: readonly { category: string; product: string; price: number }[] = [
  { category: '办公设备', product: '商务笔记本', price: 5999 },
  { category: '办公设备', product: '激光打印机', price: 1899 },
  { category: '办公设备', product: '显示器', price: 1299 },
  { category: '办公设备', product: '人体工学椅', price: 899 },
  { category: '办公耗材', product: 'A4复印纸', price: 189 },
  { category: '办公耗材', product: '硒鼓', price: 329 },
  { category: '办公耗材', product: '文件柜', price: 1280 },
  { category: '数码配件', product: '键鼠套装', price: 199 },
  { category: '数码配件', product: '移动硬盘', price: 599 },
  { category: '数码配件', product: '蓝牙耳机', price: 399 },
  { category: '家用电器', product: '空气净化器', price: 2199 },
  { category: '家用电器', product: '咖啡机', price: 1599 },
  { category: '家用电器', product: '电热水壶', price: 199 },
  { category: '食品饮料', product: '茶叶礼盒', price: 468 },
  { category: '食品饮料', product: '咖啡豆', price: 128 },
  { category: '食品饮料', product: '坚果礼盒', price: 168 },
  { category: '礼品定制', product: '定制礼盒', price: 268 },
  { category: '礼品定制', product: '保温杯', price: 89 },
];

interface Line {
  quantity: number;
  unitPrice: number;
  product: string;
  category: string;
}

interface OrderDraft {
  t: number;
  customerId: string | null;
  ownerId: string | null;
  creditedTo: string | null;
  status: string;
  channel: string;
  region: string;
  lines: Line[];
  refund: boolean;
  dateOnly: boolean;
  /** a raw cell override for a deliberate defect */
  raw?: Record<string, string>;
  fixedId?: string;
}

const regions = ['华东', '华南', '华北', '西南'];
/** the churn wave: customers lost to a competitor's price war in 2025-H1 (months 15–20) */
const inChurnWave = (m: number) => m >= 15 && m <= 20;

/** 华南组 starts weak and improves steadily: churn falls, buying frequency rises */
function teamChurnFactor(team: string, m: number): number {
  if (team === stories.improvingTeam) return 1.7 - (1.15 * m) / (MONTHS - 1);
  return team === '华北组' ? 1.1 : 1;
}
function teamRateFactor(team: string, m: number): number {
  if (team === stories.improvingTeam) return 0.8 + (0.45 * m) / (MONTHS - 1);
  return 1;
}

function makeLines(rnd: Random, value: number): Line[] {
  const n = rnd.weighted([1, 2, 3, 4], [62, 24, 10, 4]);
  const lines: Line[] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const share = value / n;
    // big budgets buy expensive items; small budgets buy cheap ones
    const fits = catalogue.filter((p) => p.price <= share * 1.3 && !used.has(p.product));
    const item = fits.length > 0 ? rnd.pick(fits) : catalogue.reduce((a, b) => (a.price < b.price ? a : b));
    used.add(item.product);
    const quantity = Math.max(1, Math.round(share / item.price));
    const unitPrice = Math.round(item.price * rnd.range(0.82, 1) * 100) / 100;
    lines.push({ quantity, unitPrice, product: item.product, category: item.category });
  }
  return lines;
}

const lineAmount = (l: Line) => Math.round(l.quantity * l.unitPrice * 100) / 100;

export function buildOrders(rnd: Random, customers: readonly Customer[], staff: readonly Person[]): OrdersResult {
  const person = new Map(staff.map((p) => [p.id, p]));
  const drafts: OrderDraft[] = [];
  const activity = new Map<string, Uint8Array>();

  for (const c of customers) {
    const months = new Uint8Array(MONTHS);
    activity.set(c.id, months);
    if (c.firstMonth === null) continue;
    let alive = true;
    let returnMonth = Infinity;
    for (let m = c.firstMonth; m < MONTHS; m++) {
      if (!alive && m >= returnMonth) {
        alive = true;
        returnMonth = Infinity;
      }
      months[m] = alive ? ACTIVE : LAPSED;
      if (!alive) continue;
      const owner = person.get(ownerAt(c, drawDay(rnd, m)))!;
      const isFirst = m === c.firstMonth;
      const isReturn = m > c.firstMonth && months[m - 1] === LAPSED;
      const lambda = c.rate * seasonality(m) * (1 + 0.3 * owner.skill) * teamRateFactor(c.team, m);
      let k = rnd.poisson(lambda);
      if (isFirst || isReturn) k = Math.max(1, k);
      for (let i = 0; i < k; i++) {
        let t = drawDay(rnd, m) + drawOfficeTime(rnd, c.kind === 'person' ? 0.35 : 0.05);
        // nobody buys before their customer record exists
        if (t < c.createdAt) t = Math.min(END, c.createdAt + rnd.int(1, 72) * HOUR);
        if (t > END) continue;
        const credited = ownerAt(c, t);
        let ownerId: string | null = null;
        if (credited !== currentOwner(c)) ownerId = credited; // before a reassignment: credit stays with the old owner
        else if (rnd.chance(0.12)) ownerId = credited;
        else if (rnd.chance(0.08)) {
          // a teammate covering (holiday, joint visit) gets the credit
          const mates = staff.filter((p) => p.team === c.team && p.id !== credited && isActiveAt(p, t) && p.role !== 'crm-specialist');
          if (mates.length > 0) ownerId = rnd.pick(mates).id;
        }
        const channel = rnd.chance(0.7) ? c.channel : rnd.pick(c.kind === 'company' ? ['大客户直销', '电话', '微信', '线上商城'] : ['线上商城', '门店', '微信']);
        const value = c.orderValue * rnd.logNormal(1, 0.35) * (1 + 0.15 * person.get(credited)!.skill);
        const cancelled = rnd.chance(0.025);
        const status = cancelled ? '已取消' : END - t < 5 * DAY && rnd.chance(0.6) ? '已发货' : '已完成';
        const order: OrderDraft = {
          t, customerId: c.id, ownerId, creditedTo: ownerId ?? currentOwner(c), status, channel, region: c.region,
          lines: makeLines(rnd, value), refund: false, dateOnly: channel === '大客户直销',
        };
        drafts.push(order);
        if (!cancelled && rnd.chance(0.03)) {
          const rt = t + rnd.int(2, 20) * DAY + rnd.int(0, 8) * HOUR;
          const line = rnd.pick(order.lines);
          if (rt <= END)
            drafts.push({
              ...order, t: rt, status: '已退款', refund: true, dateOnly: false,
              lines: [{ ...line, quantity: -rnd.int(1, line.quantity) }],
            });
        }
      }
      if (m > c.firstMonth) {
        // churn hazard: owner skill, team trend, the 2025-H1 wave; individuals churn faster
        const hazard =
          0.032 * (1 - 0.45 * owner.skill) * teamChurnFactor(c.team, m) *
          (inChurnWave(m) ? (c.region === '华北' ? 4 : 2.8) : 1) * (c.kind === 'person' ? 1.3 : 1);
        if (rnd.chance(hazard)) {
          alive = false;
          // some come back: relationship managers win back more
          const winBack = owner.role === 'customer-relationship-manager' ? 0.5 : 0.32;
          if (rnd.chance(winBack)) returnMonth = m + 4 + Math.floor(rnd.logNormal(6, 0.6));
        }
      }
    }
  }

  // anonymous walk-in sales at the shops: revenue without a customer
  for (let m = 0; m < MONTHS; m++) {
    const k = rnd.poisson(22 * seasonality(m));
    for (let i = 0; i < k; i++) {
      const t = drawDay(rnd, m) + drawOfficeTime(rnd, 0.3);
      if (t > END) continue;
      drafts.push({
        t, customerId: null, ownerId: null, creditedTo: null, status: '已完成', channel: '门店', region: rnd.pick(regions),
        lines: makeLines(rnd, rnd.logNormal(350, 0.5)), refund: false, dateOnly: false,
      });
    }
  }

  addDefects(rnd, drafts, customers);

  // ids in time order, one sequence per month and kind (SO = sale, TH = 退货 return)
  drafts.sort((a, b) => a.t - b.t || (a.customerId ?? '').localeCompare(b.customerId ?? ''));
  const seq = new Map<string, number>();
  const purchases: Purchase[] = [];
  const spend = new Map<string, number>();
  const rows: Cell[][] = [];
  for (const o of drafts) {
    const d = new Date(o.t);
    const prefix = `${o.refund ? 'TH' : 'SO'}${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const n = (seq.get(prefix) ?? 0) + 1;
    seq.set(prefix, n);
    if (n >= 9000) throw new Error(`order sequence overflow in ${prefix}`);
    const orderId = o.fixedId ?? `${prefix}${String(n).padStart(4, '0')}`;
    let total = 0;
    for (const l of o.lines) {
      const amount = lineAmount(l);
      total += amount;
      rows.push([
        orderId, o.customerId, o.raw?.order_date ?? (o.dateOnly ? formatDate(o.t) : formatDateTime(o.t)),
        o.raw?.amount ?? money(amount), o.raw?.quantity ?? l.quantity, o.raw?.unit_price ?? money(l.unitPrice),
        o.ownerId, o.status, o.channel, l.product, l.category, o.region,
      ]);
    }
    if (o.status === '已取消' || o.customerId === null || o.raw) continue;
    spend.set(o.customerId, (spend.get(o.customerId) ?? 0) + total);
    if (!o.refund) purchases.push({ orderId, customerId: o.customerId, t: o.t, amount: total, ownerId: o.creditedTo! });
  }
  const csv = toCsv(
    ['order_id', 'customer_id', 'order_date', 'amount', 'quantity', 'unit_price', 'owner_id', 'status', 'channel', 'product', 'category', 'region'],
    rows,
  );
  return { csv, purchases, activity, spend };
}

/** the deliberate defects of defects.ts, as order rows placed at their dates */
function addDefects(rnd: Random, drafts: OrderDraft[], customers: readonly Customer[]): void {
  const companies = customers.filter((c) => c.kind === 'company' && c.firstMonth !== null && c.firstMonth < 12);
  const base = (t: number, c: Customer | null): OrderDraft => ({
    t, customerId: c?.id ?? null, ownerId: null, creditedTo: null, status: '已完成', channel: c?.channel ?? '线上商城',
    region: c?.region ?? '华东', lines: [{ quantity: 1, unitPrice: 12800, product: '商务笔记本', category: '办公设备' }],
    refund: false, dateOnly: false,
  });
  const badDate = defectById('order-bad-date');
  drafts.push({ ...base(Date.UTC(2025, 1, 28, 10, 15), rnd.pick(companies)), fixedId: badDate.key, raw: { order_date: badDate.value } });
  const orphan = defectById('order-orphan-customer');
  const o = base(Date.UTC(2025, 5, 18, 14, 2, 11), null);
  drafts.push({ ...o, customerId: orphan.value, fixedId: orphan.key, raw: {} });
  const currency = defectById('order-currency-amount');
  drafts.push({ ...base(Date.UTC(2024, 10, 11, 20, 41, 5), rnd.pick(companies)), fixedId: currency.key, raw: { amount: currency.value } });
  const bad = defectById('order-unparsable-amount');
  drafts.push({
    ...base(Date.UTC(2026, 2, 9, 11, 30), rnd.pick(companies)), fixedId: bad.key,
    raw: { amount: bad.value, quantity: '', unit_price: '' },
  });
}


