import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { readInputFile } from '../../src/ingest/ingest.ts';

/** Never a sum across currencies: a file stating another currency, or two, stops the build. */
const read = (text: string, currency = 'CNY') =>
  readInputFile({ name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode(text), config: configSchema.parse({ currency }), now: Date.UTC(2026, 0, 1) });

describe('mixed currencies stop the build', () => {
  it('a currency column with two values: stops with the values and their row counts', () => {
    const r = read('order_id,order_date,amount,Currency\nA,2024-03-01,10.00,CNY\nB,2024-03-02,12.00,USD\nC,2024-03-03,5.00,USD\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('mixed_currencies');
    expect(r.error.message.en).toContain('currency column: USD (2), CNY (1)');
    expect(r.error.message['zh-CN']).toContain('币种列：USD (2), CNY (1)');
    expect(r.error.hint?.en).toContain('currency: CNY');
  });

  it('amounts carrying $ and ¥ in one column: stops with the marks and their counts', () => {
    const r = read('order_id,order_date,amount\nA,2024-03-01,¥10.00\nB,2024-03-02,$12.00\nC,2024-03-03,￥5\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('mixed_currencies');
    expect(r.error.message.en).toContain('currency marks on amounts: ¥ (2), $ (1)');
  });

  it('one other currency throughout: the fix is the currency line itself', () => {
    const r = read('order_id,order_date,amount,币种\nA,2024-03-01,10.00,USD\nB,2024-03-02,12.00,usd\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.hint?.en).toContain('currency: USD');
    const usd = read('order_id,order_date,amount,币种\nA,2024-03-01,10.00,USD\nB,2024-03-02,12.00,usd\n', 'USD');
    expect(usd.ok).toBe(true);
    if (usd.ok) expect(usd.table.columns.amount).toEqual([1000, 1200]);
  });

  it('marks of the company currency, and ¥ in a JPY company, are fine; JPY amounts have no decimals', () => {
    const cny = read('order_id,order_date,amount\nA,2024-03-01,¥10.00\nB,2024-03-02,12.50元\nC,2024-03-03,RMB 5\n');
    expect(cny.ok && cny.table.columns.amount).toEqual([1000, 1250, 500]);
    const jpy = read('order_id,order_date,amount\nA,2024-03-01,¥1200\nB,2024-03-02,980\nC,2024-03-03,12.5\n', 'JPY');
    expect(jpy.ok).toBe(true);
    if (!jpy.ok) return;
    expect(jpy.table.columns.amount).toEqual([1200, 980]);
    expect(jpy.rejects.map((x) => [x.reason, x.raw])).toEqual([['too_many_decimals', '12.5']]);
  });

  it('an unknown currency code in config is refused', () => {
    expect(configSchema.safeParse({ currency: 'RMB' }).success).toBe(false);
    expect(configSchema.safeParse({ currency: 'cny' }).success).toBe(false);
    expect(configSchema.safeParse({ currency: 'IDR' }).success).toBe(true);
  });
});
