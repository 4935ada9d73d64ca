import { describe, expect, it } from 'vitest';
import { indexCustomers } from '../../src/ingest/customer-index.ts';
import { countOrphans } from '../../src/ingest/orphans.ts';
import type { LedgerFile } from '../../src/model/ledger.ts';
import { dataset } from '../metrics/helpers.ts';
import { computeAllMetrics } from '../../src/metrics/compute-all-metrics.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';
import { attribution } from '../../src/metrics/attribution.ts';
import { ORDER_LINE_COLUMNS } from '../../src/model/tables.ts';

describe('indexCustomers', () => {
  it("numbers customers.csv's ids first (file order), then ids as first seen in orders, tickets, interactions, surveys", () => {
    const ds = dataset({
      customers: [{ customer_id: 'c1' }, { customer_id: 'c2' }, { customer_id: 'c3' }],
      orders: ['c2', 'c2', null, 'x9', 'c1', 'x9', 'x7', 'c2'].map((c, i) => ({ order_id: `o${i}`, ...(c ? { customer_id: c } : {}), order_date: '2024-03-01', amount: 1 })),
    });
    ds.tickets = { name: 'tickets', rows: 3, columns: { customer_id: ['t1', 'c3', 'x7'] }, line: [2, 3, 4] } as unknown as typeof ds.tickets;
    const x = indexCustomers(ds);
    expect(x.known).toBe(3);
    expect(x.ids.names).toEqual(['c1', 'c2', 'c3', 'x9', 'x7', 't1']);
    expect(Array.from(x.codes.orders!)).toEqual([1, 1, -1, 3, 0, 3, 4, 1]);
    expect(Array.from(x.codes.tickets!)).toEqual([5, 2, 4]);
    expect(x.codes.interactions).toBeUndefined();
  });

  it('without customers.csv every id is unknown', () => {
    const ds = dataset({ orders: ['a', 'b', 'a'].map((c, i) => ({ order_id: `o${i}`, customer_id: c, order_date: '2024-03-01', amount: 1 })) });
    const x = indexCustomers(ds);
    expect(x.known).toBe(0);
    expect(Array.from(x.codes.orders!)).toEqual([0, 1, 0]);
  });
});

describe('countOrphans through the customer index', () => {
  const make = () => dataset({
    customers: [{ customer_id: 'c1' }, { customer_id: 'c2' }],
    orders: [
      { order_id: 'o1', customer_id: 'c1', order_date: '2024-03-01', amount: 1 },
      { order_id: 'o1', customer_id: 'c1', order_date: '2024-03-01', amount: 1 },
      { order_id: 'o2', customer_id: 'u1', order_date: '2024-03-02', amount: 1 }, // not in customers.csv
      { order_id: 'o2', customer_id: 'u1', order_date: '2024-03-02', amount: 1 },
      { order_id: 'o3', order_date: '2024-03-03', amount: 1 }, // no customer: not an orphan
      { order_id: 'o4', customer_id: 'c2', order_date: '2024-03-04', amount: 1 },
      { order_id: 'o5', customer_id: 'u2', order_date: '2024-03-05', amount: 1 },
    ],
  });
  const ledger = (): LedgerFile[] => ['orders', 'customers'].map((name) => ({ name, orphans: [] }) as unknown as LedgerFile);

  it('counts the same lines as a lookup of every line: 3 lines of 2 unknown customers', () => {
    const plain = make();
    const viaSet = ledger();
    countOrphans(plain, viaSet);
    const coded = make();
    coded.customerIndex = indexCustomers(coded);
    const viaCodes = ledger();
    countOrphans(coded, viaCodes);
    expect(viaSet[0]!.orphans).toEqual([{ kind: 'unknown_customer', column: 'customer_id', count: 3 }]);
    expect(viaCodes).toEqual(viaSet);
  });
});

describe('the metrics through the customer index', () => {
  it('the sample company: the same metrics, and the same customer rows for every file, with and without the index', async () => {
    const fs = nodeEffects().fs;
    const cfg = await loadConfig('data', fs);
    if (!cfg.ok) throw new Error(cfg.error.message.en);
    const read = await ingest({ dataDir: 'data', config: cfg.config, fs, keep: { orders: ORDER_LINE_COLUMNS } });
    if (!read.ok) throw new Error('ingest');
    const { customerIndex, ...plain } = read.dataset;
    expect(customerIndex?.known).toBe(read.dataset.customers!.rows);
    const withIndex = attribution(read.dataset);
    const without = attribution(plain);
    for (const f of ['tickets', 'interactions', 'surveys'] as const) {
      const ids = read.dataset[f]!.columns.customer_id as (string | null)[];
      expect(Array.from(withIndex.customerRowsOf(ids))).toEqual(Array.from(without.customerRowsOf(ids)));
      expect(withIndex.customerRowsOf(ids)).toBe(withIndex.customerRowsOf(ids)); // remembered
    }
    expect(withIndex.uniqueCustomerIds).toBe(true);
    expect(withIndex.customerRow('no such customer')).toBe(-1);
    expect(computeAllMetrics(read.dataset, cfg.config)).toEqual(computeAllMetrics(plain, cfg.config));
  }, 60_000);
});
