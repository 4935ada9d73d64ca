import { toMajor } from '../lib/money.ts';
import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { CellCounters, EntityGroups, rollUp, soleMembers } from './entity-groups.ts';
import { countRow, ratioRow } from './kpi-rows.ts';
import { NONE, ordersFromLines, type OrderBook } from './orders.ts';
import { staffEntities } from './period-buckets.ts';
import { eachEntitySlot, periodGrid, type PeriodGrid } from './period-grid.ts';
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

// per (channel, cell) counters
const INTERACTIONS = 0;
const CONVERSIONS = 1;
const TICKETS = 2;
const COMPLAINTS = 3;
const CSAT_N = 4;
const CSAT_GOOD = 5;
const WIDTH = 6;

/**
 * `book` is the order book of src/metrics/orders.ts; pass the one already built for the sales
 * and lifecycle families to avoid a second pass over the order lines.
 */
export function channelMetrics(ds: Dataset, ctx: MetricContext, book?: OrderBook): ChannelMetrics {
  const ob = book ?? ordersFromLines(ds, ctx.tz, ctx.attribution, ctx.asOfEnd);
  const a = ctx.attribution;
  const { asOfEnd, tz } = ctx;
  const grid = periodGrid(ctx);
  const S = grid.slots;

  // Channels as numbers (null = not recorded), counted per (channel, cell) like groups.
  const channelIds = new Map<string | null, number>();
  const channelOf = (name: string | null): number => {
    let k = channelIds.get(name);
    if (k === undefined) channelIds.set(name, (k = channelIds.size));
    return k;
  };
  const perChannel = new CellCounters(grid.cells, WIDTH);

  const it = ds.interactions;
  const groups = new EntityGroups(a.teamOf);
  // Interactions in a reported period (k = 0 … held − 1): group, channel, cell, local day and
  // customer number (the customer's order-book index, else numbers after the book's).
  let held = 0;
  let heldGroup = new Int32Array(0);
  let heldChannel = new Int32Array(0);
  let heldCell = new Int32Array(0);
  let heldDay = new Int32Array(0);
  let heldCustomer = new Int32Array(0);
  let nCustomers = ob.names.customers.size;
  if (it !== null) {
    for (const e of staffEntities(a)) groups.entity(e);
    const c = it.columns;
    const n = c.interaction_id.length;
    heldGroup = new Int32Array(n);
    heldChannel = new Int32Array(n);
    heldCell = new Int32Array(n);
    heldDay = new Int32Array(n);
    heldCustomer = new Int32Array(n);
    const rows = a.customerRowsOf(c.customer_id);
    const rowIsBookIndex = bookFollowsCustomerRows(ob, a, ds);
    const unknownCustomers = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const at = c.occurred_at[i] ?? null;
      if (at === null || at > asOfEnd) continue;
      const cid = c.customer_id[i]!;
      const owner = c.owner_id[i]!;
      const day = tz.dayOf(at);
      const r = rows[i]!;
      let ci = r >= 0 && rowIsBookIndex ? r : ob.names.customers.get(cid);
      if (ci === NONE) {
        let x = unknownCustomers.get(cid);
        if (x === undefined) unknownCustomers.set(cid, (x = nCustomers++));
        ci = x;
      }
      // region: the customer's, else the owner's
      const g = groups.group(owner, a.regionOfRow(r) ?? a.regionOfStaff(owner));
      const ch = channelOf(channelOfInteraction(c.channel[i], c.type[i]!));
      const cell = grid.cellOfDay(day);
      if (cell < 0) continue;
      heldGroup[held] = g;
      heldChannel[held] = ch;
      heldCell[held] = cell;
      heldDay[held] = day;
      heldCustomer[held++] = ci;
    }
  }

  const tk = ds.tickets;
  if (tk !== null) {
    const c = tk.columns;
    for (let i = 0; i < c.ticket_id.length; i++) {
      const at = c.opened_at[i]!;
      if (at > asOfEnd) continue;
      const ch = channelOf(c.channel[i] ?? null);
      const cell = grid.cellOfDay(tz.dayOf(at));
      if (cell < 0) continue;
      perChannel.add(ch, cell, TICKETS);
      if (c.type[i] === 'complaint') perChannel.add(ch, cell, COMPLAINTS);
    }
  }

  const sv = ds.surveys;
  if (sv !== null) {
    const c = sv.columns;
    for (let i = 0; i < c.response_id.length; i++) {
      const at = c.responded_at[i]!;
      const csat = c.csat[i] ?? null;
      if (at > asOfEnd || csat === null) continue;
      const ch = channelOf(c.channel[i] ?? null);
      const cell = grid.cellOfDay(tz.dayOf(at));
      if (cell < 0) continue;
      perChannel.add(ch, cell, CSAT_N);
      if (csat >= 4) perChannel.add(ch, cell, CSAT_GOOD);
    }
  }

  // Purchases and gross sales per (order-book channel + 1, slot), added order by order into each
  // slot: a float sum keeps the order of its additions.
  const o = ob.orders;
  const bookChannels = ob.names.channels.names;
  const purchases = new Float64Array((bookChannels.length + 1) * S);
  const grossSales = new Float64Array((bookChannels.length + 1) * S);
  const sold = new Uint8Array(bookChannels.length + 1);
  for (let i = 0; i < o.count; i++) {
    const amount = o.amount[i]!;
    if (!(amount > 0)) continue;
    const bc = o.channel[i]! + 1; // NONE → 0
    sold[bc] = 1;
    const cell = grid.cellOfDay(o.day[i]!);
    if (cell < 0) continue;
    for (let k = 0; k < 3; k++) {
      const s = grid.slotsOfCell[3 * cell + k]!;
      if (s < 0) continue;
      purchases[bc * S + s]!++;
      grossSales[bc * S + s]! += amount;
    }
  }
  for (let bc = 0; bc < sold.length; bc++) if (sold[bc]) channelOf(bc === 0 ? null : bookChannels[bc - 1]!);

  const nCh = channelIds.size;
  const { converted, reached } = conversionsAndReach(ob, ctx.config.conversionWindowDays, grid, nCh, nCustomers, held, heldChannel, heldCell, heldDay, heldCustomer);
  const perGroup = new CellCounters(grid.cells, 2);
  for (let k = 0; k < held; k++) {
    perGroup.add(heldGroup[k]!, heldCell[k]!, INTERACTIONS);
    perChannel.add(heldChannel[k]!, heldCell[k]!, INTERACTIONS);
    if (converted[k]) {
      perGroup.add(heldGroup[k]!, heldCell[k]!, CONVERSIONS);
      perChannel.add(heldChannel[k]!, heldCell[k]!, CONVERSIONS);
    }
  }
  const sums = rollUp(soleMembers(nCh), nCh, grid, perChannel, nCh);

  const kpis: KpiRow[] = [];
  if (it !== null) {
    const k = rollUp(groups.members, groups.count, grid, perGroup, groups.refs.length);
    eachEntitySlot(groups.refs, grid, (e, t, grain, p) => {
      kpis.push(
        countRow(e, grain, p, 'interactions', k[2 * t + INTERACTIONS]!),
        ratioRow(e, grain, p, 'conversion_rate', k[2 * t + CONVERSIONS]!, k[2 * t + INTERACTIONS]!),
      );
    });
  }

  const min = ctx.config.survey.minResponses;
  const names = [...channelIds.keys()].sort((x, y) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1));
  const table: ChannelRow[] = [];
  for (const channel of names) {
    const ch = channelIds.get(channel)!;
    const bc = channel === null ? 0 : ob.names.channels.get(channel) + 1; // 0 also for "not in the book"
    const fromBook = channel === null || bc > 0;
    for (let s = 0; s < S; s++) {
      const k = (ch * S + s) * WIDTH;
      const interactions = sums[k + INTERACTIONS]!;
      const conversions = sums[k + CONVERSIONS]!;
      const csatN = sums[k + CSAT_N]!;
      const csatGood = sums[k + CSAT_GOOD]!;
      const w = csatN > 0 ? wilson(csatGood, csatN) : null;
      table.push({
        channel,
        grain: grid.slotGrain[s]!,
        period: grid.slotPeriod[s]!.id,
        interactions,
        customers_reached: reached[ch * S + s]!,
        conversions,
        conversion_rate: interactions > 0 ? conversions / interactions : null,
        tickets: sums[k + TICKETS]!,
        complaints: sums[k + COMPLAINTS]!,
        csat_n: csatN,
        csat_satisfied: csatGood,
        csat: w?.p ?? null,
        csat_low: w?.low ?? null,
        csat_high: w?.high ?? null,
        csat_too_few: csatN < min,
        purchases: fromBook ? purchases[bc * S + s]! : 0,
        gross_sales: fromBook ? toMajor(grossSales[bc * S + s]!, ctx.money) : 0,
      });
    }
  }
  return { kpis, table };
}

/**
 * Whether a customer's row in customers.csv (Attribution.customerRowsOf) is its order-book index:
 * the book numbers customers.csv's ids first, in file order, so this holds when those ids are
 * unique — checked once here (the same strings: pointer comparisons) instead of comparing ids
 * per interaction.
 */
function bookFollowsCustomerRows(ob: OrderBook, a: MetricContext['attribution'], ds: Dataset): boolean {
  const cc = ds.customers?.columns;
  if (!cc || a.customerColumns !== cc) return false;
  const ids = ob.names.customers.names;
  const n = cc.customer_id.length;
  if (ids.length < n) return false;
  for (let j = 0; j < n; j++) if (ids[j] !== cc.customer_id[j]) return false;
  return true;
}

/**
 * Per held interaction k: converted[k] (conversionTestByIndex); per (channel, slot): distinct
 * customers reached. Interactions are taken customer by customer (counting sort by customer), so
 * the order book's purchase runs are read in order rather than at random, and a (channel, slot)
 * counts a customer the first time it meets it — linear, no Set of ids per channel and period.
 */
function conversionsAndReach(
  ob: OrderBook,
  windowDays: number,
  grid: PeriodGrid,
  nChannels: number,
  nCustomers: number,
  n: number,
  channel: Int32Array,
  cell: Int32Array,
  day: Int32Array,
  customer: Int32Array,
): { converted: Uint8Array; reached: Float64Array } {
  const S = grid.slots;
  const test = conversionTestByIndex(ob, windowDays);
  const inBook = ob.names.customers.size; // customers numbered from here on have no orders
  const start = new Int32Array(nCustomers + 1);
  for (let k = 0; k < n; k++) start[customer[k]! + 1]!++;
  for (let c = 0; c < nCustomers; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, nCustomers);
  const byCustomer = new Int32Array(n);
  for (let k = 0; k < n; k++) byCustomer[next[customer[k]!]!++] = k;
  const converted = new Uint8Array(n);
  const reached = new Float64Array(nChannels * S);
  const lastCustomer = new Int32Array(nChannels * S).fill(-1);
  for (let c = 0; c < nCustomers; c++) {
    for (let j = start[c]!; j < start[c + 1]!; j++) {
      const k = byCustomer[j]!;
      if (c < inBook && test(c, day[k]!)) converted[k] = 1;
      for (let u = 0; u < 3; u++) {
        const s = grid.slotsOfCell[3 * cell[k]! + u]!;
        if (s < 0) continue;
        const t = channel[k]! * S + s;
        if (lastCustomer[t] !== c) {
          lastCustomer[t] = c;
          reached[t]!++;
        }
      }
    }
  }
  return { converted, reached };
}
