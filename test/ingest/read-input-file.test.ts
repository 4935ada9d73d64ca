import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { openInputFile, readInputFile } from '../../src/ingest/read-input-file.ts';
import { ZOD_GUARD_ROWS } from '../../src/ingest/row-decisions.ts';
import { collectGarbage } from '../../src/lib/node-effects.ts';

describe('readInputFile', () => {
  it('bad values after the zod guard rows are still rejected (by the coercers)', () => {
    const good = Array.from({ length: ZOD_GUARD_ROWS + 5 }, (_, i) => `O${i},2024-03-05,1`);
    const text = ['order_id,order_date,amount', ...good, 'X,2024-03-05,Infinity', 'Y,,1', ',2024-03-05,1', 'Z,2024-03-05,1e200'].join('\n');
    const config = configSchema.parse({ files: { orders: {} } });
    const r = readInputFile({ name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode(text), config, now: Date.UTC(2026, 0, 1) });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.ledger.accepted).toBe(good.length);
    // 1e200 yuan is past the range of every decimal field (±10¹², 17.5)
    expect(r.rejects.map((x) => [x.reason, x.column])).toEqual([
      ['invalid_number', 'amount'], ['missing_value', 'order_date'], ['missing_value', 'order_id'], ['number_out_of_range', 'amount'],
    ]);
    // q × p beyond the range is refused on its parts (17.5)
    const q = readInputFile({ name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode('order_id,order_date,quantity,unit_price\nA,2024-03-05,1e200,1e200\n'), config, now: Date.UTC(2026, 0, 1) });
    expect(q.ok && q.rejects.map((x) => x.reason)).toEqual(['number_out_of_range']);
  });

  it('money: ±10¹² is the range; past 2^53 minor units within it is amount_too_large (a 4-decimal currency)', () => {
    const text = 'order_id,order_date,amount\nA,2024-03-05,950000000000\nB,2024-03-05,1000000000001\nC,2024-03-05,800000000000.1234\n';
    const config = configSchema.parse({ currency: 'CLF' });
    const r = readInputFile({ name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode(text), config, now: Date.UTC(2026, 0, 1) });
    if (!r.ok) throw new Error(r.error.message.en);
    // 9.5e11 × 10⁴ = 9.5e15 > 2^53 ≈ 9.007e15; 8e11 × 10⁴ + 1234 is below it, exactly
    expect(r.rejects.map((x) => [x.reason, x.line])).toEqual([['amount_too_large', 2], ['number_out_of_range', 3]]);
    expect(r.table.columns.amount).toEqual([8000000000001234]);
  });

  it('keeps only the columns asked for, after validating all of them', () => {
    const text = [
      'order_id,customer_id,order_date,amount,quantity,product,status',
      'O1,C1,2024-03-05,10,2,tea,paid',
      'O2,C2,2024-03-06,5,two,cup,paid', // quantity is not a number: rejected although not kept
      'O3,,2024-03-07,7.5,,,paid',
    ].join('\n');
    const config = configSchema.parse({});
    const bytes = new TextEncoder().encode(text);
    const all = readInputFile({ name: 'orders', file: 'orders.csv', bytes, config, now: Date.UTC(2026, 0, 1) });
    const some = readInputFile({ name: 'orders', file: 'orders.csv', bytes, config, now: Date.UTC(2026, 0, 1), keep: ['order_id', 'customer_id', 'amount'] });
    if (!all.ok || !some.ok) throw new Error('read');
    expect(Object.keys(some.table.columns)).toEqual(['order_id', 'customer_id', 'amount']);
    expect(some.table.columns).toEqual({ order_id: ['O1', 'O3'], customer_id: ['C1', null], amount: [1000, 750] }); // fen
    expect(all.table.columns.quantity).toEqual([2, null]);
    expect(some.table.line).toEqual([2, 4]);
    expect(some.rejects).toEqual(all.rejects);
    expect(some.rejects.map((r) => [r.line, r.column, r.reason])).toEqual([[3, 'quantity', 'invalid_number']]);
    expect(some.ledger).toEqual(all.ledger);
  });
});

describe('release', () => {
  it("lets the file's bytes go while the reader lives on (no closure of the reader holds them)", async () => {
    const config = configSchema.parse({});
    // the bytes are made and dropped inside this function: only the reader could keep them
    const open = (): { reader: unknown; ref: WeakRef<Uint8Array> } => {
      const bytes = new TextEncoder().encode('order_id,order_date,amount\nO1,2024-03-05,1\nO2,2024-03-06,2\n');
      const r = openInputFile({ name: 'orders', file: 'orders.csv', bytes, config, now: Date.UTC(2026, 0, 1), keep: ['order_id'], pieceBytes: 8 });
      if (!r.ok) throw new Error('open');
      r.reader.readTo(bytes.length);
      r.reader.release();
      return { reader: r.reader, ref: new WeakRef(bytes) };
    };
    const { reader, ref } = open();
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    const done = (reader as { finish: () => { ok: boolean } }).finish();
    expect(done.ok).toBe(true);
  });
});
