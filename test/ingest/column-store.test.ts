import { describe, expect, it } from 'vitest';
import { ColumnStore, estimateRows, type PackedRows, type RowBatch } from '../../src/ingest/column-store.ts';
import { packColumn } from '../../src/ingest/table-transfer.ts';

const row = (id: string, amount: number | null) => ({ id, amount });
/** the other thread's rows as it sends them */
const packed = (rows: { id: string; amount: number | null }[], lines: number[]): PackedRows => ({
  columns: { id: packColumn(rows.map((r) => r.id), rows.length), amount: packColumn(rows.map((r) => r.amount), rows.length) },
  line: packColumn(lines, lines.length),
});
const none = () => undefined;

describe('ColumnStore: accepted rows column by column', () => {
  it('stores rows in the defined column order, missing values as null, and cuts to the rows at the end', () => {
    const s = new ColumnStore({ capacity: 10 });
    s.define(['id', 'amount', 'dim_speed']);
    s.add({ id: 'a', amount: 1 }, 2);
    s.add({ id: 'b', amount: null, dim_speed: 4 }, 5);
    s.end();
    expect(Object.keys(s.columns)).toEqual(['id', 'amount', 'dim_speed']);
    expect(s.columns).toEqual({ id: ['a', 'b'], amount: [1, null], dim_speed: [null, 4] });
    expect(s.lines).toEqual([2, 5]);
    expect(s.rows).toBe(2);
  });

  it('grows past a short estimate', () => {
    const s = new ColumnStore({ capacity: 1 });
    s.define(['id']);
    for (let i = 0; i < 5; i++) s.add({ id: `r${i}` }, i + 2);
    s.end();
    expect(s.columns.id).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('a part hands its rows over in batches, the last one at handOver', () => {
    // a batch is valid during the call only (the worker packs it there): copy it
    const got: [number, unknown[], number[]][] = [];
    const take = (b: RowBatch) => got.push([b.rows, [...b.columns.id!], [...b.line]]);
    const s = new ColumnStore({ capacity: 0, batch: 2, onBatch: take });
    s.define(['id']);
    for (let i = 0; i < 5; i++) s.add({ id: `r${i}` }, i + 2);
    s.handOver();
    s.handOver(); // nothing left: no empty batch
    expect(got).toEqual([
      [2, ['r0', 'r1'], [2, 3]],
      [2, ['r2', 'r3'], [4, 5]],
      [1, ['r4'], [6]],
    ]);
    expect(() => new ColumnStore({ capacity: 0, batch: 2 })).toThrow(/onBatch/);
  });

  it('takes rows out, keeping the order of the rest', () => {
    const s = new ColumnStore({ capacity: 8 });
    s.define(['id', 'amount']);
    ['a', 'b', 'c', 'd', 'e'].forEach((id, i) => s.add(row(id, i), i + 2));
    s.removeRows([1, 3]);
    s.end();
    expect(s.columns).toEqual({ id: ['a', 'c', 'e'], amount: [0, 2, 4] });
    expect(s.lines).toEqual([2, 4, 6]);
  });
});

describe('ColumnStore: the two-thread merge', () => {
  it("the other thread's rows arrive above the reserved slots and end up after this reader's rows", () => {
    const s = new ColumnStore({ capacity: 16 });
    s.define(['id', 'amount']);
    s.reserve(4);
    s.add(row('h1', 1), 2);
    s.absorbRows(packed([row('t1', 10), row('t2', null)], [10, 11]), none);
    s.add(row('h2', 2), 3);
    s.absorbRows(packed([row('t3', 30)], [12]), none);
    s.absorbEnd(3);
    s.end();
    expect(s.columns).toEqual({ id: ['h1', 'h2', 't1', 't2', 't3'], amount: [1, 2, 10, null, 30] });
    expect(s.lines).toEqual([2, 3, 10, 11, 12]);
    expect(s.rows).toBe(5);
  });

  it("more rows than reserved: the other thread's rows move up out of the way, nothing is overwritten", () => {
    const s = new ColumnStore({ capacity: 4 });
    s.define(['id', 'amount']);
    s.reserve(2);
    s.absorbRows(packed([row('t1', 10), row('t2', 20)], [100, 101]), none);
    const head = Array.from({ length: 1500 }, (_, i) => row(`h${i}`, i));
    head.forEach((r, i) => s.add(r, i + 2));
    s.absorbRows(packed([row('t3', 30)], [102]), none);
    s.absorbEnd(3);
    s.end();
    expect(s.columns.id).toEqual([...head.map((r) => r.id), 't1', 't2', 't3']);
    expect(s.lines.slice(-4)).toEqual([1501, 100, 101, 102]);
  });

  it('text values of the other thread can be shared through `intern`', () => {
    const s = new ColumnStore({ capacity: 4 });
    s.define(['id', 'amount']);
    s.absorbRows(packed([row('x', 1)], [5]), (c) => (c === 'id' ? (v) => v.toUpperCase() : undefined));
    s.absorbEnd(1);
    s.end();
    expect(s.columns.id).toEqual(['X']);
  });

  it('a count that disagrees with the rows received is an error, as is a missing column', () => {
    const s = new ColumnStore({ capacity: 4, file: 'orders.csv' });
    s.define(['id', 'amount']);
    s.absorbRows(packed([row('x', 1)], [5]), none);
    expect(() => s.absorbEnd(2)).toThrow('orders.csv: the other thread sent 1 rows, its ledger says 2');
    const t = new ColumnStore({ capacity: 4, file: 'orders.csv' });
    t.define(['id', 'amount', 'extra']);
    expect(() => t.absorbRows(packed([row('x', 1)], [5]), none)).toThrow(/no column extra/);
  });
});

describe('estimateRows', () => {
  it('estimates rows from the first 64 KiB', () => {
    // 10 lines of 10 bytes → 100 bytes / 10 bytes a line × 1.05 + 16
    expect(estimateRows(new TextEncoder().encode('123456789\n'.repeat(10)))).toBe(Math.ceil(10 * 1.05) + 16);
    expect(estimateRows(new Uint8Array(5))).toBe(16);
  });
});
