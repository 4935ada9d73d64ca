import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { readRates, rateOn, type RateTable } from '../../src/ingest/rates.ts';
import { readInputFile } from '../../src/ingest/read-input-file.ts';
import { convertMinor, parseRate } from '../../src/lib/money.ts';
import { parseIsoDay } from '../../src/lib/time-zone.ts';
import { memFs } from './mem-fs.ts';

/*
 * The rates file (issue 11 item 2): amounts in other currencies converted to the reporting
 * currency with the rate in force on each order date, exactly, rounded half to even once to the
 * reporting minor unit; a missing rate stops the build. Every expected figure is worked out by hand
 * in the comment beside it.
 */
const RATES = 'date,currency,rate\n2025-01-01,USD,7.1884\n2025-02-01,USD,7.2\n2025-01-01,JPY,0.0468\n2025-01-01,KWD,23.5\n';
const table = (text = RATES, reporting = 'CNY'): RateTable => {
  const r = readRates(text, 'rates.csv', reporting);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.rates;
};
const read = (lines: string[], config: ConfigInput = {}, rates: RateTable | null = table()) =>
  readInputFile({
    name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode(lines.join('\n') + '\n'),
    config: configSchema.parse(config), now: Date.UTC(2026, 0, 1), rates,
  });

describe('exact conversion', () => {
  const rate = (s: string) => parseRate(s)!;
  it('multiplies exactly and rounds half to even once, to the reporting minor unit', () => {
    // 12.34 USD × 7.1884 = 88.704856 CNY → 8870 fen
    expect(convertMinor(1234, rate('7.1884'), 2, 2)).toBe(8870);
    // ties: 0.05 × 7.1 = 0.355 → 35.5 fen → 36 (even); 0.15 × 7.1 = 1.065 → 106.5 fen → 106 (even)
    expect(convertMinor(5, rate('7.1'), 2, 2)).toBe(36);
    expect(convertMinor(15, rate('7.1'), 2, 2)).toBe(106);
    expect(convertMinor(-15, rate('7.1'), 2, 2)).toBe(-106);
    // 1000 JPY × 0.0468 = 46.80 CNY; 12.34 USD × 155.5 = 1918.87 → 1919 JPY; 1.234 KWD × 23.5 = 28.999 → 2900 fen
    expect(convertMinor(1000, rate('0.0468'), 0, 2)).toBe(4680);
    expect(convertMinor(1234, rate('155.5'), 2, 0)).toBe(1919);
    expect(convertMinor(1234, rate('23.5'), 3, 2)).toBe(2900);
  });
  it('a rate is a positive decimal as written', () => {
    expect(parseRate('0')).toBeNull();
    expect(parseRate('-7.1')).toBeNull();
    expect(parseRate('7,1')).toBeNull();
    expect(parseRate('1e3')).toBeNull();
    expect(parseRate('.5')).toEqual({ m: 5n, exp: -1, text: '.5' });
  });
  it('the rate in force on a day is the latest dated on or before it', () => {
    const t = table();
    const day = (s: string) => parseIsoDay(s)!;
    expect(rateOn(t, 'USD', day('2024-12-31'))).toBeNull();
    expect(rateOn(t, 'USD', day('2025-01-01'))!.text).toBe('7.1884');
    expect(rateOn(t, 'USD', day('2025-01-31'))!.text).toBe('7.1884');
    expect(rateOn(t, 'USD', day('2025-02-01'))!.text).toBe('7.2');
    expect(rateOn(t, 'EUR', day('2025-02-01'))).toBeNull();
  });
});

describe('orders in several currencies, with a rates file', () => {
  it('each amount converted with the rate of its order date; the reporting currency as read', () => {
    const r = read([
      'order_id,order_date,amount,currency',
      'A,2025-01-15,100.00,CNY',
      'B,2025-01-15,12.34,USD', // × 7.1884 = 88.704856 → 8870 fen
      'C,2025-02-01,10,usd', // × 7.2 = 72.00 (the February rate)
      'D,2025-01-20,1000,JPY', // × 0.0468 = 46.80
      'E,2025-01-20,1.234,KWD', // three decimals are KWD's own: × 23.5 = 28.999 → 2900 fen
      'F,2025-01-20,5.5,', // no currency: the reporting one
    ]);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.amount).toEqual([10000, 8870, 7200, 4680, 2900, 550]);
    expect(r.ledger.notes!.at(-1)!.en).toBe('amounts in JPY (1), KWD (1), USD (2) rows converted to CNY with rates.csv, at the rate in force on each order date.');
  });

  it('a refund column is converted like the amount, then netted: 100 − 33.3 USD', () => {
    // 100 × 7.1884 = 718.84 → 71884; 33.3 × 7.1884 = 239.37372 → 23937; 71884 − 23937 = 47947
    const r = read(['order_id,order_date,amount,Refunded Amount,currency', 'A,2025-01-15,100,33.3,USD']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.amount).toEqual([47947]);
  });

  it('a row dated before its currency\'s first rate stops the build, listing the currency, rows and dates', () => {
    const r = read(['order_id,order_date,amount,currency', 'A,2024-12-30,1,USD', 'B,2024-12-31,2,USD', 'C,2024-12-31,3,USD', 'D,2025-01-02,4,USD']);
    expect(!r.ok && r.error.code).toBe('missing_rates');
    expect(!r.ok && r.error.message.en).toContain('USD: 3 rows on 2 date(s) with no rate in force (2024-12-30, 2024-12-31)');
    expect(!r.ok && r.error.hint!.en).toContain('date,currency,rate\n2024-12-30,USD,<rate>');
  });

  it('a currency the rates file does not have is never summed: the mixed-currency stop', () => {
    const r = read(['order_id,order_date,amount,currency', 'A,2025-01-15,1,CNY', 'B,2025-01-15,2,EUR']);
    expect(!r.ok && r.error.code).toBe('mixed_currencies');
    expect(!r.ok && r.error.message.en).toContain('currency column: CNY (1), EUR (1)');
    // the same file without a rates file: the hint proposes one
    const none = read(['order_id,order_date,amount,currency', 'A,2025-01-15,1,CNY', 'B,2025-01-15,2,USD'], {}, null);
    expect(!none.ok && none.error.code).toBe('mixed_currencies');
    expect(!none.ok && none.error.hint!.en).toContain('rates: rates.csv');
  });

  it('a $ mark on a USD row is that row\'s own currency', () => {
    const r = read(['order_id,order_date,amount,currency', 'A,2025-01-15,$12.34,USD', 'B,2025-01-15,¥5,CNY']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.amount).toEqual([8870, 500]);
  });

  it('an excluded row in another currency is tallied converted (never a sum across currencies)', () => {
    // cancelled: 10 USD on 2025-01-15 × 7.1884 = 71.884 → 7188 fen, plus 1.00 CNY = 7288
    const r = read(['order_id,order_date,amount,status,currency', 'A,2025-01-15,10,cancelled,USD', 'B,2025-01-15,1,cancelled,CNY', 'C,2025-01-15,2,paid,CNY']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.ledger.statuses!.values.find((v) => v.value === 'cancelled')!.amount).toBe(7288);
    expect(r.table.columns.amount).toEqual([200]);
  });
});

describe('the rates file', () => {
  it('every bad line listed at once', () => {
    const r = readRates('date,currency,rate\n2025/01/01,USD,7.1\n2025-01-01,ABC,7\n2025-01-01,EUR,-1\n2025-01-01,GBP,9.1\n2025-01-01,GBP,9.2\n2025-01-01,CNY,2\n', 'rates.csv', 'CNY');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad_rates');
    const m = r.error.message.en;
    expect(m).toContain('line 2: date "2025/01/01" is not YYYY-MM-DD');
    expect(m).toContain('line 3: "ABC" is not an ISO 4217 currency code');
    expect(m).toContain('line 4: rate "-1" is not a positive decimal number');
    expect(m).toContain('line 6: GBP on 2025-01-01 is given twice (9.1 and 9.2)');
    expect(m).toContain('line 7: CNY is the reporting currency; its rate can only be 1, not 2');
    expect(readRates('day,code\n', 'rates.csv', 'CNY').ok).toBe(false);
  });

  it('config rates: read from data/, part of the build; a configured file that is missing stops it', async () => {
    const files = {
      'data/orders.csv': 'order_id,customer_id,order_date,amount,currency\nA,C1,2025-01-15,12.34,USD\nB,C2,2025-01-16,1,CNY\n',
      'data/fx/rates.csv': RATES,
    };
    const r = await ingest({ dataDir: 'data', config: configSchema.parse({ rates: 'fx/rates.csv' }), fs: memFs(files), now: Date.UTC(2026, 0, 1) });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.dataset.orders.columns.amount).toEqual([8870, 100]);
    const gone = await ingest({ dataDir: 'data', config: configSchema.parse({ rates: 'rates.csv' }), fs: memFs(files), now: Date.UTC(2026, 0, 1) });
    expect(!gone.ok && gone.error.code).toBe('missing_file');
  });
});
