import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { findRepeats, RowLog } from '../../src/ingest/exact-duplicates.ts';
import { readInputFile } from '../../src/ingest/read-input-file.ts';

const pairs = (rows: string[][]) => {
  const log = new RowLog(4);
  rows.forEach((cells, i) => log.add(cells, i + 2));
  return Array.from(findRepeats(log.data()));
};

describe('findRepeats', () => {
  it('pairs each repeat with its first occurrence, in row order', () => {
    const x = ['a', '1'], y = ['b', '2'];
    // rows: x y x x y → row 2 and 3 repeat row 0, row 4 repeats row 1
    expect(pairs([x, y, x, x, y])).toEqual([2, 0, 3, 0, 4, 1]);
  });

  it('tells cells apart from their concatenation (a separator between cells)', () => {
    expect(pairs([['ab', 'c'], ['a', 'bc'], ['abc', '']])).toEqual([]);
  });

  it('finds every repeat among 50,000 rows split over many buckets, as a Map does', () => {
    const rows: string[][] = [];
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 50_000; i++) rows.push([`O${Math.floor(rand() * 40_000)}`, `C${Math.floor(rand() * 3)}`]);
    const first = new Map<string, number>();
    const expected: number[] = [];
    rows.forEach((r, i) => {
      const k = r.join('\u0001');
      const f = first.get(k);
      if (f === undefined) first.set(k, i);
      else expected.push(i, f);
    });
    expect(expected.length).toBeGreaterThan(1000);
    expect(pairs(rows)).toEqual(expected);
  });
});

describe('exact duplicates in the ledger', () => {
  it('a repeat counts once as exact_duplicate, never as its first occurrence’s outcome', () => {
    const csv = [
      'order_id,customer_id,order_date,amount,status',
      'O1,C1,2025-02-30,10,paid', // 2 impossible date
      'O1,C1,2025-02-30,10,paid', // 3 repeat of 2
      'O2,C1,2025-03-01,10,cancelled', // 4 excluded
      'O2,C1,2025-03-01,10,cancelled', // 5 repeat of 4
      'O3,C2,2025-03-02,20,paid', // 6 accepted
      'O3,C2,2025-03-02,20,paid', // 7 repeat of 6
      'O4,C2,2025-02-31,10,paid', // 8 impossible date
      'O5,C2,2025-02-29,10,paid', // 9 impossible date (2025 is not a leap year)
      'O6,C3,2025-03-03,30,paid', // 10 accepted
      'O1,C1,2025-02-30,10,paid', // 11 repeat of 2
    ].join('\n');
    const r = readInputFile({ name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode(csv), config: configSchema.parse({}), now: Date.UTC(2026, 0, 1) });
    if (!r.ok) throw new Error(r.error.message.en);
    const l = r.ledger;
    expect([l.read, l.accepted, l.excluded, l.rejected, l.duplicates]).toEqual([10, 2, 1, 3, 4]);
    expect(r.table.columns.order_id).toEqual(['O3', 'O6']);
    expect(r.table.line).toEqual([6, 10]);
    expect(r.rejects.map((x) => x.line)).toEqual([2, 8, 9]);
    const dates = l.reasons.find((x) => x.code === 'impossible_date')!;
    expect(dates.count).toBe(3);
    expect(dates.examples.map((e) => e.line)).toEqual([2, 8, 9]); // not 3: a repeat is not an example
    const dup = l.reasons.find((x) => x.code === 'exact_duplicate')!;
    expect(dup.count).toBe(4);
    expect(dup.examples.map((e) => e.line)).toEqual([3, 5, 7]);
    // first seen: impossible_date (line 2), then exact_duplicate (line 3); both sorted by count
    expect(l.reasons.map((x) => x.code)).toEqual(['exact_duplicate', 'impossible_date']);
  });
});
