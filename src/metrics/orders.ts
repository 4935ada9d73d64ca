import type { Attribution } from './attribution.ts';
import type { TimeZone } from '../lib/time-zone.ts';
import type { Dataset } from '../model/tables.ts';
import { fnv, Interner } from '../lib/interner.ts';
import { indexCustomers } from '../ingest/customer-index.ts';


/**
 * Orders and purchases (docs/metrics.md): order lines → orders → compact per-customer facts.
 *
 * Everything downstream reads these typed arrays instead of the line table: one pass over the
 * lines builds the orders, one pass over the orders builds per-customer runs sorted by day. Names
 * (customer ids, people, teams, regions, channels) are interned to small integers; −1 = none.
 *
 * Orders dated after asOf (possible when config.asOf is earlier than the data) are dropped here:
 * every figure is "as of" that day.
 */
export const NONE = -1;

/**
 * Typed arrays carved out of one ArrayBuffer. After ingest the JS heap holds the whole dataset
 * (over 1 GB at 5M lines), and every 64 MB of *new* ArrayBuffer memory makes V8 mark that whole
 * heap ("external memory pressure"): allocating a stage's arrays in one block costs one such
 * GC instead of one per 64 MB. Untouched tail pages of an over-sized block are never resident.
 */
export class Arena {
  readonly #buf: ArrayBuffer;
  #off = 0;
  constructor(bytes: number) {
    this.#buf = new ArrayBuffer(Math.max(8, Math.ceil(bytes / 8) * 8));
  }
  #take(bytes: number): number {
    const off = (this.#off + 7) & ~7;
    if (off + bytes > this.#buf.byteLength) return -1;
    this.#off = off + bytes;
    return off;
  }
  i32(n: number, fill = 0): Int32Array {
    const off = this.#take(n * 4);
    const a = off < 0 ? new Int32Array(n) : new Int32Array(this.#buf, off, n);
    if (fill !== 0) a.fill(fill);
    return a;
  }
  f64(n: number): Float64Array {
    const off = this.#take(n * 8);
    return off < 0 ? new Float64Array(n) : new Float64Array(this.#buf, off, n);
  }
}

export interface Orders {
  count: number;
  /** customer index, NONE = anonymous sale */
  customer: Int32Array;
  /** local day of the earliest line */
  day: Int32Array;
  /** Σ line amounts */
  amount: Float64Array;
  /** first non-empty line owner, else the customer's owner (person index) */
  owner: Int32Array;
  /** region / channel of the earliest line */
  region: Int32Array;
  channel: Int32Array;
}

export interface CustomerFacts {
  count: number;
  ids: string[];
  /** customers.owner_id as a person index (customer-based KPIs go there) */
  owner: Int32Array;
  /** team of that owner */
  team: Int32Array;
  /** customers.region, else the region of the customer's earliest order (customer-based KPIs) */
  region: Int32Array;
  /** customers.region only (order amounts: the customer's region, else the order's region) */
  fileRegion: Int32Array;
  memberLevel: (string | null)[];
  /** local day of customers.created_at, NONE when absent */
  createdDay: Int32Array;
  /** every order of the customer (purchases and refunds) sorted by day: indices start[c] ≤ j < start[c+1] */
  start: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  /** the customer's purchases (amount > 0) sorted by day */
  pStart: Int32Array;
  pDay: Int32Array;
  pAmount: Float64Array;
  /** NONE for customers who never purchased */
  firstPurchaseDay: Int32Array;
  /** channel of the first purchase (ties on the day: first order in file order) */
  firstChannel: Int32Array;
}

export interface Names {
  customers: Interner;
  people: Interner;
  teams: Interner;
  regions: Interner;
  channels: Interner;
}

export interface OrderBook {
  names: Names;
  orders: Orders;
  customers: CustomerFacts;
  /** team of each person index (NONE when unknown) */
  teamOfPerson: Int32Array;
  /** order ids whose lines fall on different local days, or belong to different customers */
  identity: OrderIdentityCheck;
}

/** Orders whose lines disagree (counted once each), with the first few: file line and order id. */
export interface OrderIdentityCheck {
  spansDates: { count: number; examples: { line: number; id: string }[] };
  spansCustomers: { count: number; examples: { line: number; id: string }[] };
}

/**
 * Empty an order line table in place once it has been reduced (see MetricsOptions): every holder
 * of the table sees zero rows, and the column arrays' storage can be collected.
 */
export function releaseOrderLines(table: Dataset['orders']): void {
  for (const c of Object.values(table.columns) as unknown[][]) c.length = 0;
  table.line.length = 0;
  table.rows = 0;
}

/** Lines sharing order_id → one order. Lines are read in file order. */
export function ordersFromLines(ds: Dataset, tz: TimeZone, at: Attribution, asOfEnd: number): OrderBook {
  const L = ds.orders.columns;
  const nLines = L.order_id.length;
  const nFileCustomers = ds.customers?.rows ?? 0;
  const names: Names = {
    customers: new Interner(nFileCustomers + (nLines >> 3)),
    people: new Interner(),
    teams: new Interner(),
    regions: new Interner(),
    channels: new Interner(),
  };
  // Customers from customers.csv first (file order), then ids seen only in orders.
  const cc = ds.customers?.columns;
  if (cc) for (const id of cc.customer_id) names.customers.id(id);
  for (const s of at.staffIds) names.people.id(s);

  // Each line's customer as a code (customer-index.ts): customers.csv's ids have the same index
  // here; an id from the lines gets its index when an order first needs it (bookOf), so the
  // customers are numbered exactly as if each order's customer_id were interned here.
  const index = ds.customerIndex?.codes.orders ? ds.customerIndex : indexCustomers(ds);
  if (index.known !== names.customers.size) throw new Error('the customer index was built from another customers table');
  const lineCustomer = index.codes.orders!;
  const known = index.known;
  const bookOf = new Int32Array(Math.max(0, index.ids.size - known)).fill(NONE);
  const customerOf = (code: number): number => {
    if (code < known) return code; // (NONE too)
    const k = code - known;
    const b = bookOf[k]!;
    return b !== NONE ? b : (bookOf[k] = names.customers.id(index.ids.names[code]!));
  };

  // Per-order arrays in one block sized for the worst case (one order per line); the hash table,
  // first lines and timestamps in a second block that is dropped after this function.
  let cap = 16;
  while (cap < nLines * 1.5) cap <<= 1;
  const scratch = new Arena(cap * 4 + nLines * (4 + 8) + 64);
  const table = scratch.i32(cap, -1); // order_id hash → order index
  const firstLine = scratch.i32(nLines); // each order's first line (its id is compared on a hit)
  const ms = scratch.f64(nLines);
  const mask = cap - 1;
  // The kept block also holds the customer arrays and customerFacts' arrays, sized by upper
  // bounds (customers ≤ customers.csv rows + lines; customer orders ≤ lines): one allocation,
  // one GC; the unused tail is never touched, so it is never resident.
  const ncMax = nFileCustomers + nLines;
  const arena = new Arena(nLines * (4 * 5 + 8) + ncMax * 4 * 5 + factsBytes(ncMax, nLines, nLines, 4000) + 512);
  const customer = arena.i32(nLines);
  const amount = arena.f64(nLines);
  const owner = arena.i32(nLines);
  const region = arena.i32(nLines);
  const channel = arena.i32(nLines);
  const day = arena.i32(nLines);

  // lines of one order on different days or of different customers: flagged once per order
  // (bit 1: days, bit 2: customers); only lines after an order's first are compared
  const identity: OrderIdentityCheck = { spansDates: { count: 0, examples: [] }, spansCustomers: { count: 0, examples: [] } };
  let flags: Uint8Array | null = null;
  const flag = (o: number, bit: number, i: number) => {
    flags ??= new Uint8Array(nLines);
    if (flags[o]! & bit) return;
    flags[o]! |= bit;
    const x = bit === 1 ? identity.spansDates : identity.spansCustomers;
    x.count++;
    if (x.examples.length < 3) x.examples.push({ line: ds.orders.line[i] ?? i + 2, id: L.order_id[i]! });
  };
  let n = 0;
  let prevId: string | null = null;
  let prevO = -1;
  for (let i = 0; i < nLines; i++) {
    const id = L.order_id[i]!;
    let o: number;
    if (id === prevId) o = prevO; // lines of one order are usually adjacent: no lookup
    else {
      let slot: number = fnv(id) & mask;
      for (;;) {
        const e: number = table[slot]!;
        if (e === -1) {
          o = n;
          table[slot] = n;
          firstLine[n] = i;
          break;
        }
        if (L.order_id[firstLine[e]!] === id) {
          o = e;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    const t = L.order_date[i]!;
    const cid = lineCustomer[i]!;
    const own = L.owner_id[i];
    if (o === n) {
      n++;
      customer[o] = customerOf(cid);
      ms[o] = t;
      amount[o] = L.amount[i]!;
      owner[o] = own == null ? NONE : names.people.id(own);
      const r = L.region[i];
      region[o] = r == null ? NONE : names.regions.id(r);
      const ch = L.channel[i];
      channel[o] = ch == null ? NONE : names.channels.id(ch);
    } else {
      const f = firstLine[o]!;
      const t0 = L.order_date[f]!;
      if (t !== t0 && tz.dayOf(t) !== tz.dayOf(t0)) flag(o, 1, i);
      const c0 = lineCustomer[f]!;
      if (cid !== c0 && cid !== NONE && c0 !== NONE) flag(o, 2, i);
      amount[o]! += L.amount[i]!;
      if (customer[o] === NONE && cid !== NONE) customer[o] = customerOf(cid);
      if (owner[o] === NONE && own != null) owner[o] = names.people.id(own);
      if (t < ms[o]!) {
        ms[o] = t;
        const r = L.region[i];
        region[o] = r == null ? NONE : names.regions.id(r);
        const ch = L.channel[i];
        channel[o] = ch == null ? NONE : names.channels.id(ch);
      }
    }
    prevId = id;
    prevO = o;
  }

  // Customer attributes (owner, team, region, level, created_at), interned.
  const nc = names.customers.size;
  const cOwner = arena.i32(nc, NONE);
  const cRegion = arena.i32(nc, NONE);
  const fileRegion = arena.i32(nc, NONE);
  const createdDay = arena.i32(nc, NONE);
  const cTeam = arena.i32(nc, NONE);
  const memberLevel: (string | null)[] = new Array<string | null>(nc).fill(null);
  if (cc) {
    for (let i = 0; i < cc.customer_id.length; i++) {
      const c = names.customers.get(cc.customer_id[i]!);
      const own = cc.owner_id[i];
      cOwner[c] = own == null ? NONE : names.people.id(own);
      const r = cc.region[i];
      cRegion[c] = fileRegion[c] = r == null ? NONE : names.regions.id(r);
      memberLevel[c] = cc.member_level[i] ?? null;
      const cr = cc.created_at[i];
      createdDay[c] = cr == null ? NONE : tz.dayOf(cr);
    }
  }

  // Drop orders after asOf; fill the order owner from the customer's owner; local days.
  let m = 0;
  for (let o = 0; o < n; o++) {
    if (ms[o]! > asOfEnd) continue;
    const c = customer[o]!;
    customer[m] = c;
    day[m] = tz.dayOf(ms[o]!);
    amount[m] = amount[o]!;
    owner[m] = owner[o] !== NONE ? owner[o]! : c === NONE ? NONE : cOwner[c]!;
    region[m] = region[o]!;
    channel[m] = channel[o]!;
    m++;
  }
  const orders: Orders = {
    count: m,
    customer: customer.subarray(0, m),
    day: day.subarray(0, m),
    amount: amount.subarray(0, m),
    owner: owner.subarray(0, m),
    region: region.subarray(0, m),
    channel: channel.subarray(0, m),
  };

  const people = names.people.size;
  const teamOfPerson = new Int32Array(people).fill(NONE);
  for (let p = 0; p < people; p++) {
    const t = at.teamOf(names.people.names[p]!);
    if (t !== null) teamOfPerson[p] = names.teams.id(t);
  }
  for (let c = 0; c < nc; c++) if (cOwner[c] !== NONE) cTeam[c] = teamOfPerson[cOwner[c]!]!;

  const customers = customerFacts(arena, orders, names.customers.names, cOwner, cTeam, cRegion, fileRegion, memberLevel, createdDay);
  return { names, orders, customers, teamOfPerson, identity };
}

/**
 * Two counting sorts, no comparisons: orders by day, then (stably) by customer, so each
 * customer's run is sorted by day with ties in first-seen (file) order.
 */
const factsBytes = (nc: number, total: number, purchases: number, days: number): number =>
  4 * (5 * (nc + 1) + 4 * total + purchases + days) + 8 * (total + purchases) + 128;

function customerFacts(
  parent: Arena,
  o: Orders,
  ids: string[],
  owner: Int32Array,
  team: Int32Array,
  region: Int32Array,
  fileRegion: Int32Array,
  memberLevel: (string | null)[],
  createdDay: Int32Array,
): CustomerFacts {
  const nc = ids.length;
  let total = 0;
  let purchases = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < o.count; i++) {
    if (o.customer[i] === NONE) continue;
    total++;
    if (o.amount[i]! > 0) purchases++;
    const d = o.day[i]!;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const days = total > 0 ? maxDay - minDay + 2 : 1;
  // the parent block was sized for this when the day span is ≤ 4000 days; else arrays fall back to their own
  const arena = parent;
  const start = arena.i32(nc + 1);
  const pStart = arena.i32(nc + 1);
  for (let i = 0; i < o.count; i++) {
    const c = o.customer[i]!;
    if (c === NONE) continue;
    start[c + 1]!++;
    if (o.amount[i]! > 0) pStart[c + 1]!++;
  }
  for (let c = 0; c < nc; c++) {
    start[c + 1]! += start[c]!;
    pStart[c + 1]! += pStart[c]!;
  }
  // 1. customer orders by day
  const byDay = arena.i32(total);
  if (total > 0) {
    const slot = arena.i32(days);
    for (let i = 0; i < o.count; i++) if (o.customer[i] !== NONE) slot[o.day[i]! - minDay + 1]!++;
    for (let d = 1; d < slot.length; d++) slot[d]! += slot[d - 1]!;
    for (let i = 0; i < o.count; i++) if (o.customer[i] !== NONE) byDay[slot[o.day[i]! - minDay]!++] = i;
  }
  // 2. stable by customer
  const idx = arena.i32(total);
  const fill = arena.i32(nc);
  fill.set(start.subarray(0, nc));
  for (let j = 0; j < total; j++) {
    const i = byDay[j]!;
    idx[fill[o.customer[i]!]!++] = i;
  }
  const day = arena.i32(total);
  const amount = arena.f64(total);
  const pDay = arena.i32(purchases);
  const pAmount = arena.f64(purchases);
  const firstPurchaseDay = arena.i32(nc, NONE);
  const firstChannel = arena.i32(nc, NONE);
  for (let c = 0; c < nc; c++) {
    const a = start[c]!;
    const b = start[c + 1]!;
    if (a === b) continue;
    let p = pStart[c]!;
    let firstRegion = NONE;
    for (let j = a; j < b; j++) {
      const i = idx[j]!;
      day[j] = o.day[i]!;
      amount[j] = o.amount[i]!;
      if (j === a) firstRegion = o.region[i]!;
      if (o.amount[i]! > 0) {
        if (p === pStart[c]!) {
          firstPurchaseDay[c] = o.day[i]!;
          firstChannel[c] = o.channel[i]!;
        }
        pDay[p] = o.day[i]!;
        pAmount[p] = o.amount[i]!;
        p++;
      }
    }
    if (region[c] === NONE) region[c] = firstRegion;
  }
  return {
    count: nc,
    ids,
    owner,
    team,
    region,
    fileRegion,
    memberLevel,
    createdDay,
    start,
    day,
    amount,
    pStart,
    pDay,
    pAmount,
    firstPurchaseDay,
    firstChannel,
  };
}
