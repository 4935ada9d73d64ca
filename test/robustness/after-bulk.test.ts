import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { afterBulk } from '../../src/ingest/after-bulk.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { readInputFile } from '../../src/ingest/read-input-file.ts';
import { memFs } from '../ingest/mem-fs.ts';

/*
 * 17.4, second half: a line dated long after the bulk of the file's dates (but before the build's
 * own date) must not move asOf. Values worked out by hand: 200 daily lines from 2024-01-01 end on
 * 2024-07-18 (day 199: Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 = 182 days, + 17);
 * with two more lines n = 202, the 99th percentile by nearest rank is the ⌈0.99 × 202⌉ = 200th
 * date, 2024-07-18; 180 days after it is 2025-01-14 (13 + 31 + 30 + 31 + 30 + 31 + 14).
 */
const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const day0 = Date.UTC(2024, 0, 1);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

function file(extra: string[]): string {
  const lines = ['order_id,customer_id,order_date,amount'];
  for (let i = 0; i < 200; i++) lines.push(`B${i},C${i % 7},${iso(day0 + i * DAY)},1`);
  return [...lines, ...extra].join('\n');
}
const read = (text: string, cfg: ConfigInput = {}) =>
  readInputFile({ name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode(text), config: configSchema.parse(cfg), now: NOW });

describe('lines after the bulk of the data (17.4)', () => {
  it('the rule on its own: 99th percentile (nearest rank) + margin', () => {
    const dates = Array.from({ length: 200 }, (_, i) => day0 + i * DAY);
    dates.push(Date.UTC(2025, 0, 14), Date.UTC(2025, 0, 15));
    const r = afterBulk(dates, dates.length, 180)!;
    expect(iso(r.bulkEnd)).toBe('2024-07-18');
    expect(iso(r.cutoff)).toBe('2025-01-14');
    expect(r.rows).toEqual([201]);
    // under 100 dated lines nothing is judged; nulls are not dates
    expect(afterBulk([...dates.slice(0, 98), Date.UTC(2030, 0, 1), null], 100, 180)).toBeNull();
  });

  it('a stray line 181 days after the bulk is rejected with its reason; 180 days is kept; coverage (asOf) ends at the last kept line', () => {
    const r = read(file(['X1,C1,2025-01-14,5', 'S1,C2,2025-01-15,7']));
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.rows).toBe(201);
    expect(r.table.columns.order_id.at(-1)).toBe('X1');
    expect(r.rejects.map((x) => [x.reason, x.line, x.column, x.raw, x.detail])).toEqual([['after_bulk', 203, 'order_date', '2025-01-15', '2024-07-18 + 181']]);
    expect(r.rejects[0]!.cells).toEqual(['S1', 'C2', '2025-01-15', '7']);
    expect(r.ledger).toMatchObject({ read: 202, accepted: 201, rejected: 1 });
    // 2025-01-14 00:00 in Asia/Shanghai
    expect(r.ledger.coverage).toEqual({ column: 'order_date', min: Date.UTC(2023, 11, 31, 16), max: Date.UTC(2025, 0, 13, 16) });
  });

  it('files.<name>.futureMargin: a wider margin keeps the line, off turns the rule off', () => {
    const text = file(['X1,C1,2025-01-14,5', 'S1,C2,2025-01-15,7']);
    for (const futureMargin of [181, 'off'] as const) {
      const r = read(text, { files: { orders: { futureMargin } } });
      if (!r.ok) throw new Error(r.error.message.en);
      expect(r.table.rows).toBe(202);
    }
    const r = read(text, { files: { orders: { futureMargin: 30 } } });
    if (!r.ok) throw new Error(r.error.message.en);
    // 30 days after 2024-07-18 is 2024-08-17: both late lines go
    expect(r.rejects.map((x) => x.line)).toEqual([202, 203]);
  });

  it('the same on two threads, the rejected lines with their raw cells', async () => {
    const text = file(['S1,C2,2025-06-01,7', 'B200,C1,2024-07-18,1']);
    const fs = () => memFs({ 'data/orders.csv': text });
    const config = configSchema.parse({});
    const one = await ingest({ dataDir: 'data', config, fs: fs(), now: NOW, parallelMinBytes: Infinity });
    const two = await ingest({ dataDir: 'data', config, fs: fs(), now: NOW, parallelMinBytes: 0, mainShare: 0.5 });
    if (!one.ok || !two.ok) throw new Error('read');
    expect(two.threads).toBe(2);
    expect(one.rejects.map((x) => [x.line, x.cells])).toEqual([[202, ['S1', 'C2', '2025-06-01', '7']]]);
    expect({ ...two, threads: 0 }).toEqual({ ...one, threads: 0 });
  });
});
