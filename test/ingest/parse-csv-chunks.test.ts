import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { readInputFile } from '../../src/ingest/ingest.ts';
import { parseCsv, parseCsvChunks } from '../../src/ingest/parse-csv.ts';

function collect(run: (f: (cells: string[], line: number) => void) => unknown) {
  const rows: [string[], number][] = [];
  const r = run((cells, line) => rows.push([[...cells], line]));
  return { rows, r };
}

const cell = fc.oneof(
  fc.constantFrom('', 'a', '中文', 'x y', '5" screen', '"q"', 'a,b', 'line\nbreak', 'cr\r\nlf', ',', '""'),
  fc.string({ maxLength: 6 }),
);

/** RFC 4180 quoting, as a CSV writer would */
const quote = (s: string) => (/[",\r\n]/.test(s) || s.startsWith('"') ? `"${s.replaceAll('"', '""')}"` : s);

describe('parseCsvChunks', () => {
  it('gives the same records and line numbers however the text is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, cuts, eol) => {
          const text = ['h1,h2,h3', ...rows.map((r) => r.map(quote).join(','))].join(eol) + eol;
          const whole = collect((f) => parseCsv(text, ',', f));
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const pieces: string[] = [];
          let prev = 0;
          for (const p of points) { pieces.push(text.slice(prev, p)); prev = p; }
          pieces.push(text.slice(prev));
          const chunked = collect((f) => parseCsvChunks(pieces, ',', f));
          // independent line numbers: each serialised row spans 1 + its embedded breaks
          let line = 2;
          const expected: number[] = [];
          for (const r of rows) {
            const serial = r.map(quote).join(',');
            const blank = r.every((c) => c === '');
            if (!blank) expected.push(line);
            line += 1 + (serial.match(/\r\n|\n|\r/g)?.length ?? 0);
          }
          expect(whole.rows.map((x) => x[1])).toEqual(expected);
          expect(whole.rows.map((x) => x[0])).toEqual(rows.filter((r) => !r.every((c) => c === '')));
          expect(chunked.rows).toEqual(whole.rows);
          expect(chunked.r).toEqual(whole.r);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reading the Online Retail subset in 1 KiB pieces gives the same table', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/online-retail/online-retail-subset.csv', import.meta.url)));
    const config = configSchema.parse({
      files: { orders: { columns: { order_id: 'InvoiceNo', customer_id: 'CustomerID', order_date: 'InvoiceDate', quantity: 'Quantity', unit_price: 'UnitPrice' } } },
    });
    const a = readInputFile({ name: 'orders', file: 'orders.csv', bytes, config });
    const b = readInputFile({ name: 'orders', file: 'orders.csv', bytes, config, chunkBytes: 1024 });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.table).toEqual(a.table);
    expect(b.ledger).toEqual(a.ledger);
  });
});

describe('decoding in pieces', () => {
  it('GBK and UTF-16 files cut inside multi-byte characters read the same', () => {
    const config = configSchema.parse({});
    for (const [f, name] of [['gbk-orders.csv', 'orders'], ['utf16le-customers.txt', 'customers']] as const) {
      const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/ingest/${f}`, import.meta.url)));
      const a = readInputFile({ name, file: f, bytes, config, now: Date.UTC(2026, 0, 1) });
      for (const chunkBytes of [1, 3, 7]) {
        const b = readInputFile({ name, file: f, bytes, config, now: Date.UTC(2026, 0, 1), chunkBytes });
        expect(b).toEqual(a);
      }
      expect(a.ok && a.table.rows).toBeGreaterThan(0);
    }
  });
});
