import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { readInputFile } from '../../src/ingest/ingest.ts';
import { computeMetrics } from '../../src/metrics/index.ts';
import type { Dataset } from '../../src/model/tables.ts';

/**
 * UCI Online Retail (Chen, Sain and Guo, 2012; CC BY 4.0): customer 14557 bought (invoice 566938)
 * and had every line credited (C569995). With amounts summed as doubles the net was published as
 * 2.27373675443e-13 and the customer counted in value tier C. The fixture holds exactly those two
 * invoices' 32 lines (test/fixtures/online-retail/README.md).
 */
const text = readFileSync(new URL('../fixtures/online-retail/customer-14557.csv', import.meta.url), 'utf-8');
const columns = { order_id: 'InvoiceNo', customer_id: 'CustomerID', order_date: 'InvoiceDate', quantity: 'Quantity', unit_price: 'UnitPrice', product: 'StockCode' };
const config = configSchema.parse({ timezone: 'Europe/London', asOf: '2011-12-09', files: { orders: { columns } } });

/** Σ Quantity × UnitPrice in pence, by integer arithmetic on the text (independent of lib/money) */
function pence(invoice: string): bigint {
  let sum = 0n;
  for (const line of text.split('\n').slice(1)) {
    if (!line.startsWith(invoice + ',')) continue;
    const f = line.split(',');
    const [q, p] = [f[3]!, f[5]!];
    const [int, frac = ''] = p.split('.');
    sum += BigInt(q) * BigInt(int! + frac.padEnd(2, '0'));
  }
  return sum;
}

describe('customer 14557 (Online Retail): a purchase fully credited nets to exactly 0', () => {
  const r = readInputFile({ name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode(text), config });
  if (!r.ok) throw new Error(r.error.message.en);
  const ds: Dataset = { orders: r.table, customers: null, staff: null, tickets: null, interactions: null, surveys: null, targets: null, tasks: null, surveyDimensions: [] };
  const m = computeMetrics(ds, config);
  const c = m.customers.find((x) => x.customer_id === '14557')!;

  it('the two invoices cancel to the penny (independent sum)', () => {
    expect(r.ledger.accepted).toBe(32);
    expect(pence('566938')).toBeGreaterThan(0n);
    expect(pence('566938') + pence('C569995')).toBe(0n);
  });

  it('monetary is exactly 0 and the value tier is none', () => {
    expect(Object.is(c.monetary, 0)).toBe(true);
    expect(Object.is(c.value_revenue, 0)).toBe(true);
    expect(c.value_tier).toBe('none');
    expect(m.valueTierSummary.find((t) => t.tier === 'C')!.customers).toBe(0);
  });

  it('revenue of the year is the purchase minus the credit, 0 exactly', () => {
    const y = m.kpis.find((k) => k.entity_type === 'company' && k.grain === 'year' && k.period === '2011' && k.kpi === 'revenue')!;
    expect(Object.is(y.value, 0)).toBe(true);
    const gross = m.kpis.find((k) => k.entity_type === 'company' && k.grain === 'year' && k.period === '2011' && k.kpi === 'gross_sales')!;
    expect(gross.value).toBe(Number(pence('566938')) / 100);
  });
});
