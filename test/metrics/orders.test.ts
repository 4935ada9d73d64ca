import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/lib/time-zone.ts';
import { metricContext } from '../../src/metrics/context.ts';
import { computeAllMetrics } from '../../src/metrics/compute-all-metrics.ts';
import { syntheticDataset } from '../../src/bench/dataset.ts';
import { NONE, ordersFromLines } from '../../src/metrics/orders.ts';
import { config, dataset } from './helpers.ts';
import { indexCustomers } from '../../src/ingest/customer-index.ts';

function book(ds: ReturnType<typeof dataset>, asOf?: string) {
  const ctx = metricContext(ds, config(asOf ? { asOf } : {}));
  return ordersFromLines(ds, ctx.tz, ctx.attribution, ctx.asOfEnd);
}

describe('ordersFromLines', () => {
  const ds = dataset({
    customers: [
      { customer_id: 'c1', owner_id: 's1', region: 'East' },
      { customer_id: 'c2', owner_id: 's2' },
      { customer_id: 'c3', owner_id: 's1' },
    ],
    orders: [
      // order o1: three lines; the earliest (03-01) is the second line; owner: first non-empty line owner = s9
      { order_id: 'o1', customer_id: 'c1', order_date: '2024-03-05', amount: 100, channel: 'web', region: 'North' },
      { order_id: 'o1', customer_id: 'c1', order_date: '2024-03-01', amount: 50, owner_id: 's9', channel: 'shop', region: 'South' },
      { order_id: 'o1', customer_id: 'c1', order_date: '2024-03-03', amount: -30, owner_id: 's8' },
      // o2: no line owner → the customer's owner s2
      { order_id: 'o2', customer_id: 'c2', order_date: '2024-03-02', amount: 80 },
      // o3: a refund (Σ = −20)
      { order_id: 'o3', customer_id: 'c2', order_date: '2024-03-04', amount: -20 },
      // c3 only has a refund: not a buyer
      { order_id: 'o4', customer_id: 'c3', order_date: '2024-03-04', amount: -5 },
      // anonymous sale
      { order_id: 'o5', order_date: '2024-03-06', amount: 7, owner_id: 's1' },
    ],
  });
  const b = book(ds);
  const o = b.orders;

  it('sums lines, takes the earliest date and its channel/region, the first non-empty owner', () => {
    expect(o.count).toBe(5);
    expect(Array.from(o.amount)).toEqual([12000, 8000, -2000, -500, 700]); // in fen: 100 + 50 − 30 = 120 yuan
    expect(isoDay(o.day[0]!)).toBe('2024-03-01');
    expect(b.names.people.names[o.owner[0]!]).toBe('s9');
    expect(b.names.channels.names[o.channel[0]!]).toBe('shop');
    expect(b.names.regions.names[o.region[0]!]).toBe('South');
    expect(b.names.people.names[o.owner[1]!]).toBe('s2');
    expect(o.customer[4]).toBe(NONE);
  });

  it('builds per-customer purchases sorted by day; a refund-only customer never purchased', () => {
    const cf = b.customers;
    const c2 = b.names.customers.get('c2');
    const c3 = b.names.customers.get('c3');
    expect(Array.from(cf.pAmount.subarray(cf.pStart[c2]!, cf.pStart[c2 + 1]!))).toEqual([8000]); // fen
    expect(Array.from(cf.amount.subarray(cf.start[c2]!, cf.start[c2 + 1]!))).toEqual([8000, -2000]); // fen
    expect(cf.firstPurchaseDay[c3]).toBe(NONE);
    expect(cf.start[c3 + 1]! - cf.start[c3]!).toBe(1);
    // customer region: customers.csv, else the earliest order's region (c2 has none anywhere)
    expect(b.names.regions.names[cf.region[b.names.customers.get('c1')]!]).toBe('East');
    expect(cf.region[c2]).toBe(NONE);
  });

  it('numbers customers the same with the index ingest computes: customers.csv first, then each order\'s customer as orders first need one', () => {
    const lines = dataset({
      customers: [{ customer_id: 'c1' }, { customer_id: 'c2' }],
      orders: [
        { order_id: 'o1', customer_id: 'x1', order_date: '2024-03-01', amount: 1 },
        // a later line of o1 with another, never-seen customer: o1 keeps x1, and x2 is no customer
        { order_id: 'o1', customer_id: 'x2', order_date: '2024-03-01', amount: 1 },
        { order_id: 'o2', order_date: '2024-03-02', amount: 1 },
        // o2's customer comes from its second line
        { order_id: 'o2', customer_id: 'x3', order_date: '2024-03-02', amount: 1 },
        { order_id: 'o3', customer_id: 'c2', order_date: '2024-03-03', amount: 1 },
      ],
    });
    const plain = book(lines);
    expect(plain.names.customers.names).toEqual(['c1', 'c2', 'x1', 'x3']);
    expect(Array.from(plain.orders.customer)).toEqual([2, 3, 1]);
    lines.customerIndex = indexCustomers(lines);
    expect(lines.customerIndex.ids.names).toEqual(['c1', 'c2', 'x1', 'x2', 'x3']);
    const coded = book(lines);
    expect(coded.names.customers.names).toEqual(plain.names.customers.names);
    expect(coded.orders).toEqual(plain.orders);
    expect(coded.customers).toEqual(plain.customers);
  });

  it('drops orders dated after asOf', () => {
    const b2 = book(ds, '2024-03-03');
    // o1 (03-01), o2 (03-02) stay; o3, o4 (03-04) and o5 (03-06) go
    expect(b2.orders.count).toBe(2);
  });
});

describe('releaseOrderLines (computeAllMetrics with releaseOrderLines)', () => {
  const make = () => syntheticDataset({ lines: 600, seed: 3 });

  it('gives the same metrics as keeping the lines, and leaves the line table empty', () => {
    const kept = make();
    const released = make();
    const lines = kept.orders.rows; // the synthetic set drops cancelled lines: fewer than 600
    expect(lines).toBeGreaterThan(500);
    const a = computeAllMetrics(kept, config());
    const b = computeAllMetrics(released, config(), undefined, { releaseOrderLines: true });
    expect(b).toEqual(a);
    expect(kept.orders.rows).toBe(lines);
    expect(released.orders.rows).toBe(0);
    expect(released.orders.line).toHaveLength(0);
    for (const col of Object.values(released.orders.columns)) expect(col).toHaveLength(0);
  });
});
