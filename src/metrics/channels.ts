import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { countRow, entitiesOf, ratioRow } from './kpi-rows.ts';
import { NONE, ordersFromLines, type OrderBook } from './orders.ts';
import {
  emitRows,
  entityPeriodBuckets,
  GRAINS,
  periodIdsOf,
  periodIdsOfDay,
  periodsByGrain,
  regionOf,
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
  interactions: number;
  customers: Set<string>;
  conversions: number;
  tickets: number;
  complaints: number;
  csatN: number;
  csatGood: number;
  purchases: number;
  grossSales: number;
}

const newChannelAcc = (): ChannelAcc => ({
  interactions: 0,
  customers: new Set(),
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
  const { pStart, pDay } = book.customers;
  return (customerId, day) => {
    const c = book.names.customers.get(customerId);
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
  const converted = conversionTest(ob, ctx.config.conversionWindowDays);

  // channel (null = not recorded) → period id → accumulator
  const channels = new Map<string | null, Map<string, ChannelAcc>>();
  const accsOf = (channel: string | null, ids: PeriodIds): ChannelAcc[] => {
    let m = channels.get(channel);
    if (m === undefined) {
      m = new Map();
      channels.set(channel, m);
    }
    const out: ChannelAcc[] = [];
    for (const pid of [ids.month, ids.quarter, ids.year]) {
      let acc = m.get(pid);
      if (acc === undefined) {
        acc = newChannelAcc();
        m.set(pid, acc);
      }
      out.push(acc);
    }
    return out;
  };

  const kb = entityPeriodBuckets(() => ({ interactions: 0, conversions: 0 }));
  const it = ds.interactions;
  if (it !== null) {
    for (const e of staffEntities(a)) kb.addEntity(e);
    const c = it.columns;
    for (let i = 0; i < c.interaction_id.length; i++) {
      const at = c.occurred_at[i] ?? null;
      if (at === null || at > ctx.asOfEnd) continue;
      const cid = c.customer_id[i]!;
      const owner = c.owner_id[i]!;
      const ids = idsOf(at);
      const conv = converted(cid, ids.day);
      kb.update(entitiesOf(owner, a.teamOf(owner), regionOf(a, cid, owner)), ids, (acc) => {
        acc.interactions++;
        if (conv) acc.conversions++;
      });
      for (const acc of accsOf(channelOfInteraction(c.channel[i], c.type[i]!), ids)) {
        acc.interactions++;
        acc.customers.add(cid);
        if (conv) acc.conversions++;
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
  for (let i = 0; i < o.count; i++) {
    const amount = o.amount[i]!;
    if (!(amount > 0)) continue;
    const ch = o.channel[i]!;
    for (const acc of accsOf(ch === NONE ? null : ob.names.channels.names[ch]!, idsOfDay(o.day[i]!))) {
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
          customers_reached: acc.customers.size,
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
