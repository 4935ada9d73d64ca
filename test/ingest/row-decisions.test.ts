import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { planFields, type CoerceContext } from '../../src/ingest/coerce-row.ts';
import { DateParser } from '../../src/ingest/parse-date.ts';
import { RowCurrency } from '../../src/ingest/row-currency.ts';
import { readRates } from '../../src/ingest/rates.ts';
import { timeZone } from '../../src/lib/time-zone.ts';
import { moneyFor } from '../../src/lib/money.ts';
import { coercionCovers, MAX_CELL_CHARS, RowDecider, type RowSink } from '../../src/ingest/row-decisions.ts';
import { inputFiles, type InputName } from '../../src/validate/schemas/index.ts';

/** a sink that writes down every decision */
function recorder() {
  const log: unknown[][] = [];
  const sink: RowSink = {
    exclude: () => log.push(['exclude']),
    reject: (line, column, raw, reason, _cells, detail) => log.push(['reject', line, column, raw, reason, detail ?? '']),
    warn: (code, column, line, raw) => log.push(['warn', code, column, line, raw]),
    ambiguousDate: (column, line, raw) => log.push(['ambiguousDate', column, line, raw]),
    currency: (key) => log.push(['currency', key]),
    accept: (data, _cells, line) => log.push(['accept', line, data]),
  };
  return { log, sink };
}

/** a decider for a file whose header is `header` (canonical names), as the reader builds it */
function deciderFor(name: InputName, header: string[], dateOrder: 'dmy' | null = 'dmy', rowCurrency: (index: ReadonlyMap<string, number>, ctx: CoerceContext) => RowCurrency | null = () => null) {
  const schema = inputFiles[name].schema as unknown as z.ZodObject;
  const shape = schema.shape as Record<string, z.ZodType>;
  const index = new Map(header.map((h, i) => [h, i]));
  const ctx: CoerceContext = {
    dates: new DateParser({ dateOrder: dateOrder ?? undefined, twoDigitYearPivot: 50, timezone: 'Asia/Shanghai', minYear: 1970, maxYear: 2027 }),
    decimal: '.', wan: false, percentColumns: [], money: moneyFor('CNY'),
  };
  const plan = planFields(shape, index, ctx, [inputFiles[name].key ?? '', 'order_id']);
  for (const p of plan) if (p.column === 'amount' && name === 'orders') p.optional = true;
  return new RowDecider({
    name, schema: inputFiles[name].schema as z.ZodType<Record<string, unknown>>, headerLength: header.length, plan, dimPlans: [], ctx,
    index, zodEveryRow: true, keyColumn: inputFiles[name].key ?? undefined, orderRows: null, rowCurrency: rowCurrency(index, ctx),
  });
}

const ORDERS = ['order_id', 'customer_id', 'order_date', 'amount', 'quantity', 'unit_price'];

describe('RowDecider: what happens to one record', () => {
  it('a good row is accepted, typed', () => {
    const { log, sink } = recorder();
    deciderFor('orders', ORDERS).decide(['O1', 'C1', '2024-03-05', '12.50', '', ''], 2, sink);
    expect(log).toHaveLength(1);
    const [kind, line, data] = log[0] as [string, number, Record<string, unknown>];
    expect([kind, line]).toEqual(['accept', 2]);
    // money in minor units (fen)
    expect(data).toMatchObject({ order_id: 'O1', customer_id: 'C1', amount: 1250, quantity: null });
    // 2024-03-05 00:00 in Shanghai (UTC+8) is 2024-03-04 16:00 UTC
    expect(data.order_date).toBe(Date.UTC(2024, 2, 4, 16));
  });

  it('no amount: quantity × unit price, exact, half to even to the minor unit', () => {
    const { log, sink } = recorder();
    const d = deciderFor('orders', ORDERS);
    // 3 × 0.1 = 0.30 (30 fen, not 0.30000000000000004); 3 × 0.125 = 0.375 → 0.38 (half to even: 37.5 → 38)
    d.decide(['O1', 'C1', '2024-03-05', '', '3', '0.1'], 2, sink);
    d.decide(['O2', 'C1', '2024-03-05', '', '3', '0.125'], 3, sink);
    // 5 × 0.005 = 0.025 → 0.02 (2.5 fen → 2, the even neighbour)
    d.decide(['O3', 'C1', '2024-03-05', '', '5', '0.005'], 4, sink);
    expect(log.map((e) => (e as [string, number, { amount: number }])[2].amount)).toEqual([30, 38, 2]);
  });

  it('a row in another currency: read in its own minor unit, converted on its order date, counted', () => {
    const { log, sink } = recorder();
    const rates = readRates('date,currency,rate\n2024-01-01,USD,7.1\n2024-06-01,JPY,0.05\n', 'rates.csv', 'CNY');
    if (!rates.ok) throw new Error('rates');
    const header = [...ORDERS, 'currency'];
    const d = deciderFor('orders', header, 'dmy', (index, ctx) =>
      new RowCurrency({ index: index.get('currency')!, reporting: ctx.money, rates: rates.rates, dayOf: (t) => timeZone('Asia/Shanghai').dayOf(t), count: (k) => log.push(['count', k]) }));
    // 10.00 USD × 7.1 = 71.00 CNY; 1000 JPY (no minor unit) × 0.05 = 50.00 CNY but no JPY rate in force in March
    d.decide(['O1', 'C1', '2024-03-05', '10.00', '', '', 'USD'], 2, sink);
    d.decide(['O2', 'C1', '2024-03-05', '1000', '', '', 'JPY'], 3, sink);
    d.decide(['O3', 'C1', '2024-07-05', '1000', '', '', 'JPY'], 4, sink);
    const accepted = log.filter((e) => e[0] === 'accept').map((e) => [e[1], (e[2] as { amount: number }).amount]);
    expect(accepted).toEqual([[2, 7100], [3, 1000], [4, 5000]]);
    expect(log.filter((e) => e[0] === 'currency').map((e) => e[1])).toEqual([
      'converted:USD', 'column:USD', 'converted:JPY', 'column:JPY', 'converted:JPY', 'column:JPY',
    ]);
    expect(log.filter((e) => e[0] === 'count').map((e) => e[1])).toEqual(['norate:JPY:2024-03-05']);
  });

  it('a value that does not parse rejects the row with its column, raw value and reason', () => {
    const { log, sink } = recorder();
    deciderFor('orders', ORDERS).decide(['O1', 'C1', '2024-03-05', 'abc', '', ''], 7, sink);
    expect(log).toEqual([['reject', 7, 'amount', 'abc', 'invalid_number', expect.any(String)]]);
  });

  it('hostile cells: too long always, a NUL byte once the text holds one', () => {
    const { log, sink } = recorder();
    const d = deciderFor('orders', ORDERS);
    d.decide(['O1', 'x'.repeat(MAX_CELL_CHARS + 1), '2024-03-05', '1', '', ''], 3, sink);
    expect(log[0]).toEqual(['reject', 3, 'customer_id', 'x'.repeat(40) + '…', 'value_too_long', `${MAX_CELL_CHARS + 1} characters, at most ${MAX_CELL_CHARS}`]);
    d.hasNul = true;
    d.decide(['O2', 'C\u00001', '2024-03-05', '1', '', ''], 4, sink);
    expect(log[1]).toEqual(['reject', 4, 'customer_id', 'C\\01', 'nul_byte', '']);
  });

  it('an id in scientific notation is kept, with a warning', () => {
    const { log, sink } = recorder();
    deciderFor('orders', ORDERS).decide(['O1', '1.23E+15', '2024-03-05', '1', '', ''], 5, sink);
    expect(log[0]).toEqual(['warn', 'excel_scientific_id', 'customer_id', 5, '1.23E+15']);
    expect(log[1]![0]).toBe('accept');
  });

  it('a date that reads both ways with no dateOrder is neither accepted nor rejected: it stops the file', () => {
    const { log, sink } = recorder();
    deciderFor('orders', ORDERS, null).decide(['O1', 'C1', '03/04/2024', '1', '', ''], 6, sink);
    expect(log).toEqual([['ambiguousDate', 'order_date', 6, '03/04/2024']]);
  });

  it("a repeated key is a duplicate of the first row's line", () => {
    const { log, sink } = recorder();
    const d = deciderFor('customers', ['customer_id', 'name']);
    d.decide(['C1', 'Ann'], 2, sink);
    d.decide(['C1', 'Bob'], 9, sink);
    expect(log[1]).toEqual(['reject', 9, 'customer_id', 'C1', 'duplicate_key', '2']);
  });

  it('a record with the wrong cell count: a stray quote when it spans lines, else ragged', () => {
    const { log, sink } = recorder();
    const d = deciderFor('customers', ['customer_id', 'name']);
    expect(d.misshapen(['C1', 'Ann'], 2, 1, sink)).toBe(false);
    expect(d.misshapen(['C1'], 3, 1, sink)).toBe(true);
    expect(d.misshapen(['C1', 'A', 'B'], 4, 3, sink)).toBe(true);
    expect(log).toEqual([
      ['reject', 3, null, '', 'ragged_row', '1 fields, header 2'],
      ['reject', 4, null, '', 'unterminated_quote', 'line 4 to 6 read as one row of 3 fields'],
    ]);
  });

  const shape = (n: keyof typeof inputFiles) => (inputFiles[n].schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;

  it('zod runs on every row where coercion does not cover the schema (ranges, defaults, formats)', () => {
    expect(coercionCovers(shape('orders'))).toBe(true);
    expect(coercionCovers(shape('customers'))).toBe(true);
    expect(coercionCovers(shape('interactions'))).toBe(true);
    expect(coercionCovers(shape('tasks'))).toBe(true);
    expect(coercionCovers(shape('tickets'))).toBe(false); // satisfaction 1–5
    expect(coercionCovers(shape('surveys'))).toBe(false); // csat, nps
    expect(coercionCovers(shape('staff'))).toBe(false); // active defaults to true
    expect(coercionCovers(shape('targets'))).toBe(false); // period format
  });

});
