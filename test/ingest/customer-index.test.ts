import { describe, expect, it } from 'vitest';
import { indexCustomers } from '../../src/ingest/customer-index.ts';
import { countOrphans } from '../../src/ingest/orphans.ts';
import type { LedgerFile } from '../../src/model/ledger.ts';
import { dataset } from '../metrics/helpers.ts';

describe('indexCustomers', () => {
  it("numbers customers.csv's ids first (file order), then ids as first seen on the lines", () => {
    const x = indexCustomers(['c1', 'c2', 'c3'], ['c2', 'c2', null, 'x9', 'c1', 'x9', 'x7', 'c2']);
    expect(x.known).toBe(3);
    expect(x.ids.names).toEqual(['c1', 'c2', 'c3', 'x9', 'x7']);
    expect(Array.from(x.line)).toEqual([1, 1, -1, 3, 0, 3, 4, 1]);
  });

  it('without customers.csv every id is unknown; only the first `rows` lines are read', () => {
    const x = indexCustomers(null, ['a', 'b', 'a', 'zzz'], 3);
    expect(x.known).toBe(0);
    expect(Array.from(x.line)).toEqual([0, 1, 0]);
    expect(x.ids.size).toBe(2);
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
    coded.orders.customerIndex = indexCustomers(coded.customers!.columns.customer_id, coded.orders.columns.customer_id);
    const viaCodes = ledger();
    countOrphans(coded, viaCodes);
    expect(viaSet[0]!.orphans).toEqual([{ kind: 'unknown_customer', column: 'customer_id', count: 3 }]);
    expect(viaCodes).toEqual(viaSet);
  });
});
