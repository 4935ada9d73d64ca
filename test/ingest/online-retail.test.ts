import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { readInputFile } from '../../src/ingest/ingest.ts';

/**
 * Real data: UCI Online Retail (Chen, Sain and Guo, 2012), CC BY 4.0; subsets in
 * test/fixtures/online-retail (see its README). Expected values are computed here from the raw
 * text with an independent splitter, never copied from the program's output.
 */
const dir = new URL('../fixtures/online-retail/', import.meta.url);
const subsetText = readFileSync(new URL('online-retail-subset.csv', dir), 'utf-8');
const firstDay = new Uint8Array(readFileSync(new URL('OnlineRetail-first-day-original-format.csv', dir)));

const columns = { order_id: 'InvoiceNo', customer_id: 'CustomerID', order_date: 'InvoiceDate', quantity: 'Quantity', unit_price: 'UnitPrice', product: 'StockCode' };
const config = (extra: Record<string, unknown> = {}) =>
  configSchema.parse({ timezone: 'Europe/London', asOf: '2011-12-09', files: { orders: { columns, ...extra } } });

/** an independent CSV field splitter (the fixture has quoted descriptions but no embedded newlines) */
function split(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) && m[0] !== '') {
    const f = m[1]!;
    out.push(f.startsWith('"') ? f.slice(1, -1).replaceAll('""', '"') : f);
    if (m[2] === '') break;
  }
  return out;
}

const rawLines = subsetText.split('\n').slice(1).filter((l) => l !== '');
const rawRows = rawLines.map(split);

function read(text: string | Uint8Array, extra: Record<string, unknown> = {}) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const r = readInputFile({ name: 'orders', file: 'orders.csv', bytes, config: config(extra) });
  if (!r.ok) throw new Error(r.error.message.en);
  return r;
}

describe('Online Retail subset (real export)', () => {
  const r = read(subsetText);
  const o = r.table.columns;

  it('the ledger adds up, and exact duplicates match an independent count', () => {
    const distinctLines = new Set(rawLines).size;
    expect(r.ledger.read).toBe(rawLines.length);
    expect(r.ledger.duplicates).toBe(rawLines.length - distinctLines);
    expect(r.ledger.duplicates).toBeGreaterThan(0);
    expect(r.ledger.read).toBe(r.ledger.accepted + r.ledger.excluded + r.ledger.rejected + r.ledger.duplicates);
    // nothing in the real file is unusable once mapped: refunds, zero prices and guest sales are kept
    expect(r.ledger.rejected).toBe(0);
    expect(r.ledger.accepted).toBe(distinctLines);
  });

  it('invoice totals equal Σ Quantity × UnitPrice over the distinct raw lines', () => {
    const byInvoice = new Map<string, number>();
    for (const line of new Set(rawLines)) {
      const f = split(line);
      byInvoice.set(f[0]!, (byInvoice.get(f[0]!) ?? 0) + Number(f[3]) * Number(f[5]));
    }
    const got = new Map<string, number>();
    o.order_id.forEach((id, i) => got.set(id, (got.get(id) ?? 0) + o.amount[i]!));
    const cancellation = [...byInvoice.keys()].find((k) => k.startsWith('C'))!;
    const badDebt = [...byInvoice.keys()].find((k) => k.startsWith('A'))!;
    const sample = [...byInvoice.keys()].slice(0, 5).concat([cancellation, badDebt]);
    // amounts are held in pence (integers), the independent sum in pounds
    for (const id of sample) expect(got.get(id)! / 100).toBeCloseTo(byInvoice.get(id)!, 2);
    for (const v of got.values()) expect(Number.isInteger(v)).toBe(true);
    expect(got.get(cancellation)!).toBeLessThan(0);
    expect(got.size).toBe(byInvoice.size);
  });

  it('distinct customers equal an independent count; guest sales keep a null customer', () => {
    const customers = new Set(rawRows.map((f) => f[6]).filter((x) => x !== ''));
    expect(new Set(o.customer_id.filter((x) => x !== null)).size).toBe(customers.size);
    const guestLines = new Set(rawLines.filter((l) => split(l)[6] === '')).size;
    expect(o.customer_id.filter((x) => x === null).length).toBe(guestLines);
  });

  it('UnitPrice 0 and negative quantities are kept as they are', () => {
    const zero = new Set(rawLines.filter((l) => Number(split(l)[5]) === 0)).size;
    expect(o.unit_price.filter((x) => x === 0).length).toBe(zero);
    const negative = new Set(rawLines.filter((l) => Number(split(l)[3]) < 0)).size;
    expect(o.quantity.filter((x) => x !== null && x < 0).length).toBe(negative);
  });

  it('17850.0-style ids from a float export normalise to 17850', () => {
    const asFloat = subsetText.split('\n').map((line, i) => {
      if (i === 0 || line === '') return line;
      const f = split(line);
      if (f[6] === '') return line;
      return line.slice(0, line.lastIndexOf(',' + f[6] + ',')) + `,${f[6]}.0,` + f[7];
    }).join('\n');
    expect(asFloat).toContain('17850.0');
    const r2 = read(asFloat);
    expect(r2.table.columns.customer_id).toEqual(o.customer_id);
  });

  it('first line of the file, read in London time', () => {
    const f = rawRows[0]!;
    const [y, mo, d, hh, mi, ss] = f[4]!.split(/[- :]/).map(Number);
    // December: London is on GMT = UTC
    expect(o.order_date[0]).toBe(Date.UTC(y!, mo! - 1, d!, hh!, mi!, ss!));
    expect(o.order_id[0]).toBe(f[0]);
    expect(o.product[0]).toBe(f[1]);
  });
});

describe('Online Retail first day, original format (CRLF, M/D/YYYY H:MM, no final newline)', () => {
  const text = new TextDecoder().decode(firstDay);
  const lines = text.split('\r\n').slice(1);

  it('stops without dateOrder, naming the setting', () => {
    const r = readInputFile({ name: 'orders', file: 'orders.csv', bytes: firstDay, config: config() });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.hint!.en).toContain('files.orders.dateOrder');
  });

  it('reads every line with dateOrder: mdy', () => {
    expect(text.endsWith('\n')).toBe(false);
    const r = read(firstDay, { dateOrder: 'mdy' });
    expect(r.ledger.read).toBe(lines.length);
    expect(r.ledger.read).toBe(r.ledger.accepted + r.ledger.duplicates);
    expect(r.ledger.duplicates).toBe(lines.length - new Set(lines).size);
    const c = r.table.columns;
    // line 2: 536365,…,12/1/2010 8:26 → 2010-12-01 08:26 GMT
    expect(c.order_date[0]).toBe(Date.UTC(2010, 11, 1, 8, 26));
    // the last line has no line break after it and is still read, on physical line lines.length + 1
    expect(r.table.line[r.table.line.length - 1]).toBe(lines.length + 1);
    const last = split(lines[lines.length - 1]!);
    expect(c.order_id[c.order_id.length - 1]).toBe(last[0]);
    expect(new Set(c.order_id).size).toBe(new Set(lines.map((l) => split(l)[0])).size);
  });
});
