import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { countRow, ratioRow } from './kpi-rows.ts';
import { NONE, ordersFromLines, type OrderBook } from './orders.ts';
import {
  emitRows,
  entityPeriodBuckets,
  GRAINS,
  periodIdsOf,
  periodIdsOfDay,
  periodsByGrain,
  regionOfRow,
  staffEntities,
  type PeriodIds,
} from './period-buckets.ts';
import { wilson } from './wilson.ts';

/**
 * Channels (docs/metrics.md, "Channels") — the 沟通渠道效果评估 view — and the follow-up KPIs
 * `interactions` and `conversion_rate` per person / team / region / company.
 *
 * - An interaction counts in the period of its occurred_at (held by asOf); a requested visit not
 *   yet held is not an interaction yet. Its channel is interactions.channel, else its type.
 * - **Conversion**: an interaction is converted when the same customer has a purchase (an order,
 *   lines summed, with amount > 0) whose local order day d satisfies
 *   interaction day ≤ d ≤ interaction day + conversionWindowDays (30). Days, not instants:
 *   order_date is usually a date without a time (midnight), so an instant rule "order after the
 *   interaction's time" would drop same-day purchases. Orders after asOf are not seen, so the
 *   window of an interaction in the last 30 days is still open (its period's rate can only rise).
 * - Per channel and period: interactions, distinct customers reached, conversions and rate,
 *   tickets and complaints (tickets.channel, by opened_at), CSAT with its Wilson interval
 *   (surveys.channel, by responded_at), purchases and gross sales (orders.channel of the
 *   order's earliest line, by order day). A missing channel is reported as channel null.
 */
export interface ChannelRow {
  /** null = no channel recorded */
  channel: string | null;
  grain: Grain;
  period: string;
  interactions: number;
  customers_reached: number;
  conversions: number;
  /** conversions / interactions; null when no interactions */
  conversion_rate: number | null;
  tickets: number;
  complaints: number;
  csat_n: number;
  /** responses with csat ≥ 4 */
  csat_satisfied: number;
  csat: number | null;
  csat_low: number | null;
  csat_high: number | null;
  /** csat_n < survey.minResponses */
  csat_too_few: boolean;
  purchases: number;
  gross_sales: number;
}

interface ChannelAcc {
  /** index in `accList` (−1: an empty placeholder) */
  id: number;
  interactions: number;
  /** distinct customers reached, counted at the end from (accumulator, customer) pairs */
  reached: number;
  conversions: number;
  tickets: number;
  complaints: number;
  csatN: number;
  csatGood: number;
  purchases: number;
  grossSales: number;
}

const newChannelAcc = (id = -1): ChannelAcc => ({
  id,
  interactions: 0,
  reached: 0,
  conversions: 0,
  tickets: 0,
  complaints: 0,
  csatN: 0,
  csatGood: 0,
  purchases: 0,
  grossSales: 0,
});

/** Conversion test over the order book's per-customer purchase days (sorted ascending). */
export function conversionTest(book: OrderBook, windowDays: number): (customerId: string, day: number) => boolean {
  const test = conversionTestByIndex(book, windowDays);
  return (customerId, day) => test(book.names.customers.get(customerId), day);
}

/** The same test by the customer's index in the order book (NONE: not in the book). */
function conversionTestByIndex(book: OrderBook, windowDays: number): (c: number, day: number) => boolean {
  const { pStart, pDay } = book.customers;
  return (c, day) => {
    if (c === NONE) return false;
    // First purchase day ≥ the interaction's day (binary search in the customer's run).
    let lo = pStart[c]!;
    let hi = pStart[c + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pDay[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo < pStart[c + 1]! && pDay[lo]! <= day + windowDays;
  };
}

const channelOfInteraction = (channel: string | null | undefined, type: string): string => channel ?? type;

export interface ChannelMetrics {
  /** interactions and conversion_rate per entity × grain × period */
  kpis: KpiRow[];
  table: ChannelRow[];
}

/**
 * `book` is the order book of src/metrics/orders.ts; pass the one already built for the sales
 * and lifecycle families to avoid a second pass over the order lines.
 */
export function channelMetrics(ds: Dataset, ctx: MetricContext, book?: OrderBook): ChannelMetrics {
  const ob = book ?? ordersFromLines(ds, ctx.tz, ctx.attribution, ctx.asOfEnd);
  const a = ctx.attribution;
  const idsOf = periodIdsOf(ctx.tz);
  const idsOfDay = periodIdsOfDay();
  const converted = conversionTestByIndex(ob, ctx.config.conversionWindowDays);

  // channel (null = not recorded) → period id → accumulator
  const channels = new Map<string | null, Map<string, ChannelAcc>>();
  const accList: ChannelAcc[] = [];
  // channel → month id → its [month, quarter, year] accumulators (no allocation per row)
  const triples = new Map<string | null, Map<string, readonly ChannelAcc[]>>();
  const accsOf = (channel: string | null, ids: PeriodIds): readonly ChannelAcc[] => {
    let t = triples.get(channel);
    if (t === undefined) {
      t = new Map();
      triples.set(channel, t);
    }
    const hit = t.get(ids.month);
    if (hit !== undefined) return hit;
    let m = channels.get(channel);
    if (m === undefined) {
      m = new Map();
      channels.set(channel, m);
    }
    const out: ChannelAcc[] = [];
    for (const pid of [ids.month, ids.quarter, ids.year]) {
      let acc = m.get(pid);
      if (acc === undefined) {
        acc = newChannelAcc(accList.length);
        accList.push(acc);
        m.set(pid, acc);
      }
      out.push(acc);
    }
    t.set(ids.month, out);
    return out;
  };

  const kb = entityPeriodBuckets(() => ({ interactions: 0, conversions: 0 }));
  const it = ds.interactions;
  const bookCustomers = ob.names.customers.size;
  const unknownCustomers = new Map<string, number>();
  // (accumulator id, customer number) of each interaction's channel accumulators
  const pairAcc: number[] = [];
  const pairCustomer: number[] = [];
  if (it !== null) {
    for (const e of staffEntities(a)) kb.addEntity(e);
    const c = it.columns;
    const rows = a.customerRowsOf(c.customer_id);
    for (let i = 0; i < c.interaction_id.length; i++) {
      const at = c.occurred_at[i] ?? null;
      if (at === null || at > ctx.asOfEnd) continue;
      const cid = c.customer_id[i]!;
      const owner = c.owner_id[i]!;
      const ids = idsOf(at);
      // the customer as a number: its order-book index, else one after the book's
      let ci = ob.names.customers.get(cid);
      const conv = converted(ci, ids.day);
      if (ci === NONE) {
        let x = unknownCustomers.get(cid);
        if (x === undefined) unknownCustomers.set(cid, (x = bookCustomers + unknownCustomers.size));
        ci = x;
      }
      for (const acc of kb.accsOf(owner, a.teamOf(owner), regionOfRow(a, rows[i]!, owner), ids)) {
        acc.interactions++;
        if (conv) acc.conversions++;
      }
      for (const acc of accsOf(channelOfInteraction(c.channel[i], c.type[i]!), ids)) {
        acc.interactions++;
        pairAcc.push(acc.id);
        pairCustomer.push(ci);
        if (conv) acc.conversions++;
      }
    }
    // customers reached: distinct (accumulator, customer) pairs, counted per customer after a
    // counting sort of the pairs by customer (linear; no Set of ids per channel and period)
    const nC = bookCustomers + unknownCustomers.size;
    const start = new Int32Array(nC + 1);
    for (let k = 0; k < pairCustomer.length; k++) start[pairCustomer[k]! + 1]!++;
    for (let k = 0; k < nC; k++) start[k + 1]! += start[k]!;
    const next = start.slice(0, nC);
    const accOfPair = new Int32Array(pairAcc.length);
    for (let k = 0; k < pairAcc.length; k++) accOfPair[next[pairCustomer[k]!]!++] = pairAcc[k]!;
    const lastCustomer = new Int32Array(accList.length).fill(-1);
    for (let cu = 0; cu < nC; cu++) {
      for (let k = start[cu]!; k < start[cu + 1]!; k++) {
        const id = accOfPair[k]!;
        if (lastCustomer[id] !== cu) {
          lastCustomer[id] = cu;
          accList[id]!.reached++;
        }
      }
    }
  }

  const tk = ds.tickets;
  if (tk !== null) {
    const c = tk.columns;
    for (let i = 0; i < c.ticket_id.length; i++) {
      const at = c.opened_at[i]!;
      if (at > ctx.asOfEnd) continue;
      const complaint = c.type[i] === 'complaint';
      for (const acc of accsOf(c.channel[i] ?? null, idsOf(at))) {
        acc.tickets++;
        if (complaint) acc.complaints++;
      }
    }
  }

  const sv = ds.surveys;
  if (sv !== null) {
    const c = sv.columns;
    for (let i = 0; i < c.response_id.length; i++) {
      const at = c.responded_at[i]!;
      const csat = c.csat[i] ?? null;
      if (at > ctx.asOfEnd || csat === null) continue;
      for (const acc of accsOf(c.channel[i] ?? null, idsOf(at))) {
        acc.csatN++;
        if (csat >= 4) acc.csatGood++;
      }
    }
  }

  const o = ob.orders;
  // (day, channel index) → the accumulators of its periods: one numeric-key lookup per order
  const nCh = ob.names.channels.names.length + 1;
  const byDayChannel = new Map<number, readonly ChannelAcc[]>();
  for (let i = 0; i < o.count; i++) {
    const amount = o.amount[i]!;
    if (!(amount > 0)) continue;
    const ch = o.channel[i]!;
    const day = o.day[i]!;
    const key = day * nCh + (ch === NONE ? 0 : ch + 1);
    let accs = byDayChannel.get(key);
    if (accs === undefined) {
      accs = accsOf(ch === NONE ? null : ob.names.channels.names[ch]!, idsOfDay(day));
      byDayChannel.set(key, accs);
    }
    for (const acc of accs) {
      acc.purchases++;
      acc.grossSales += amount;
    }
  }

  const kpis = it === null
    ? []
    : emitRows(ctx, kb, (e, grain, p, acc) => [
        countRow(e, grain, p.id, 'interactions', acc?.interactions ?? 0),
        ratioRow(e, grain, p.id, 'conversion_rate', acc?.conversions ?? 0, acc?.interactions ?? 0),
      ]);

  const min = ctx.config.survey.minResponses;
  const byGrain = periodsByGrain(ctx);
  const names = [...channels.keys()].sort((x, y) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1));
  const table: ChannelRow[] = [];
  for (const channel of names) {
    const m = channels.get(channel)!;
    for (const grain of GRAINS) {
      for (const p of byGrain[grain]) {
        const acc = m.get(p.id) ?? newChannelAcc();
        const w = acc.csatN > 0 ? wilson(acc.csatGood, acc.csatN) : null;
        table.push({
          channel,
          grain,
          period: p.id,
          interactions: acc.interactions,
          customers_reached: acc.reached,
          conversions: acc.conversions,
          conversion_rate: acc.interactions > 0 ? acc.conversions / acc.interactions : null,
          tickets: acc.tickets,
          complaints: acc.complaints,
          csat_n: acc.csatN,
          csat_satisfied: acc.csatGood,
          csat: w?.p ?? null,
          csat_low: w?.low ?? null,
          csat_high: w?.high ?? null,
          csat_too_few: acc.csatN < min,
          purchases: acc.purchases,
          gross_sales: acc.grossSales,
        });
      }
    }
  }
  return { kpis, table };
}

/** The per-channel table only. */
export const channelTable = (ds: Dataset, ctx: MetricContext, book?: OrderBook): ChannelRow[] =>
  channelMetrics(ds, ctx, book).table;
