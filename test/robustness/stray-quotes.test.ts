import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { readInputFile } from '../../src/ingest/read-input-file.ts';
import { judgeQuotedBreaks, strayQuotesStop } from '../../src/ingest/stray-quotes.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { memFs } from '../ingest/mem-fs.ts';

/*
 * 17.6: stray quotes that join lines into one record, even when the joined record has the
 * header's number of cells. Files are written by hand; the expected lines, counts and sums are
 * read off the text (line 1 is the header).
 */
const NOW = Date.UTC(2026, 0, 1);
const enc = (s: string) => new TextEncoder().encode(s);

function read(text: string, cfg: ConfigInput = {}) {
  const r = readInputFile({ name: 'orders', file: 'orders.csv', bytes: enc(text), config: configSchema.parse(cfg), now: NOW });
  if (r.ok) {
    const l = r.ledger;
    expect(l.read).toBe(l.accepted + l.excluded + l.rejected + l.duplicates);
  }
  return r;
}

const H = 'order_id,customer_id,order_date,amount';

describe('stray quotes (17.6)', () => {
  it('two stray quotes four lines apart, joined record of the header width: split back, nothing vanishes', () => {
    const text = [
      H,
      'A1,C1,2024-03-01,10', // 2
      'A2,"C2,2024-03-02,20', // 3: a quote opens in customer_id
      'A3,C3,2024-03-03,30', // 4
      'A4,C4,2024-03-04,40', // 5
      'A5,C5",2024-03-05,50', // 6: … and closes here: lines 3–6 read as A2 | C2…C5 | 2024-03-05 | 50 (4 cells)
      'A6,C6,2024-03-06,60', // 7
    ].join('\n');
    const r = read(text);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.rejects.map((x) => [x.reason, x.line, x.column, x.raw])).toEqual([
      ['stray_quote', 3, 'customer_id', 'A2,"C2,2024-03-02,20'],
      ['stray_quote', 6, 'customer_id', 'A5,C5",2024-03-05,50'],
    ]);
    expect(r.table.columns.order_id).toEqual(['A1', 'A3', 'A4', 'A6']);
    expect(r.table.line).toEqual([2, 4, 5, 7]);
    expect(r.table.columns.customer_id).toEqual(['C1', 'C3', 'C4', 'C6']);
    expect((r.table.columns.amount as number[]).reduce((a, b) => a + b, 0)).toBe((10 + 30 + 40 + 60) * 100); // fen
    expect(r.ledger).toMatchObject({ read: 6, accepted: 4, rejected: 2 });
    expect(r.ledger.reasons).toEqual([expect.objectContaining({ code: 'stray_quote', column: 'customer_id', count: 2 })]);
    expect(r.ledger.warnings).toBeUndefined();
  });

  it('the joined record of the wrong width, with whole records inside: split the same way', () => {
    const text = [
      H,
      'A1,"C1,2024-03-01,10', // 2: opens
      'A2,C2,2024-03-02,20', // 3
      'A3,C3,2024-03-03,"30', // 4: a quote at a field's start closes the first one: 3 cells in all
      'A4,C4,2024-03-04,40', // 5
    ].join('\n');
    const r = read(text);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.rejects.map((x) => [x.reason, x.line])).toEqual([['stray_quote', 2], ['stray_quote', 4]]);
    expect(r.table.columns.order_id).toEqual(['A2', 'A4']);
    expect(r.ledger).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
  });

  it('the wrong width and no line that is a record: rejected as one, with the lines it covered', () => {
    const text = [H, 'A1,C1,2024-03-01,"10', 'x', 'y",z', 'A2,C2,2024-03-02,20'].join('\n');
    const r = read(text);
    if (!r.ok) throw new Error(r.error.message.en);
    // lines 2–4: A1 | C1 | 2024-03-01 | 10\nx\ny | z: 5 cells, header 4
    expect(r.rejects.map((x) => [x.reason, x.line])).toEqual([['unterminated_quote', 2]]);
    expect(r.rejects[0]!.message.en).toBe('a quoted field is not closed: line 2 to 4 read as one row of 5 fields');
    expect(r.table.columns.order_id).toEqual(['A2']);
  });

  it('legitimate multi-line notes (several in the file, lines unlike records) are accepted without a flag', () => {
    const text = [
      `${H},note`,
      'A1,C1,2024-03-01,10,"called twice', // 2
      'left a message"', // 3
      'A2,C2,2024-03-02,20,plain', // 4
      'A3,C3,2024-03-03,30,"line one', // 5
      'line two, with a comma', // 6
      'end"', // 7
      'A4,C4,2024-03-04,40,', // 8
    ].join('\r\n');
    const r = read(text);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.rejects).toEqual([]);
    expect(r.table.columns.order_id).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(r.table.line).toEqual([2, 4, 5, 8]);
    expect(r.ledger.warnings).toBeUndefined();
  });

  it("the file's only multi-line value is kept and flagged with its lines", () => {
    const text = [`${H},note`, 'A1,C1,2024-03-01,10,"called twice', 'left a message"', 'A2,C2,2024-03-02,20,plain'].join('\n');
    const r = read(text);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.order_id).toEqual(['A1', 'A2']);
    expect(r.ledger.warnings).toEqual([expect.objectContaining({ code: 'quoted_line_break', column: 'note', count: 1, examples: [{ line: 2, raw: '2–3' }] })]);
  });

  it('a multi-line value in the first column whose tail has the header width is not mistaken for a record', () => {
    const text = ['note,order_id,order_date,amount', '"first', 'second",A1,2024-03-01,10', '"x', 'y",A2,2024-03-02,20'].join('\n');
    const r = read(text);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.order_id).toEqual(['A1', 'A2']);
    expect(r.rejects).toEqual([]);
  });

  it('quotedLineBreaks: trust reads the quotes as written (the joined record is accepted)', () => {
    const text = [H, 'A1,"C1,2024-03-01,10', 'A2,C2",2024-03-02,20'].join('\n');
    const r = read(text, { files: { orders: { quotedLineBreaks: 'trust' } } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.order_id).toEqual(['A1']);
    expect(r.table.columns.customer_id).toEqual(['C1,2024-03-01,10\nA2,C2']);
  });

  it('too many rows lost to stray quotes stop the build with the lines and the fix', () => {
    // 200 good lines, then 6 stray pairs (12 rejected lines): 12 > 10 and 12 > 1 % of 212
    const lines = [H];
    for (let i = 0; i < 200; i++) lines.push(`G${i},C${i},2024-03-01,1`);
    for (let i = 0; i < 6; i++) lines.push(`S${i},"C,2024-03-01,1`, `T${i},D",2024-03-01,1`);
    const r = read(lines.join('\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'stray_quotes', file: 'orders.csv', line: 202 });
    expect(r.error.message.en).toContain('12 of 212 rows are broken by stray quotes');
    expect(r.error.hint!.en).toContain('quotedLineBreaks: trust');
  });

  it('the stop threshold: more than 10 rows and more than 1 % of the rows read', () => {
    expect(strayQuotesStop(10, 100)).toBe(false);
    expect(strayQuotesStop(11, 100)).toBe(true);
    expect(strayQuotesStop(11, 1100)).toBe(false);
    expect(strayQuotesStop(12, 1100)).toBe(true);
  });

  it('the verdict on its own', () => {
    expect(judgeQuotedBreaks(['A2', 'C2,x\nA3,C3,y,30\nA5,C5', 'z', '50'], ['A2,"C2,x', 'A3,C3,y,30', 'A5,C5",z,50'], 4, ',', false).kind).toBe('split');
    expect(judgeQuotedBreaks(['A1', 'a\nb', 'z', '50'], ['A1,"a', 'b",z,50'], 4, ',', false).kind).toBe('lone');
    expect(judgeQuotedBreaks(['A1', 'a\nb', 'z'], ['A1,"a', 'b",z'], 4, ',', false).kind).toBe('whole');
  });

  it('the same verdicts on one thread and on two (flags counted over the whole file)', async () => {
    const lines = [`${H},note`];
    for (let i = 0; i < 300; i++) {
      if (i === 20) lines.push(`N${i},C,2024-03-01,1,"a`, 'b"');
      else if (i === 280) lines.push(`M${i},C,2024-03-01,1,"c`, 'd"');
      else if (i === 150) lines.push(`S${i},"C,2024-03-01,1,`, `X,Y,2024-03-01,1,`, `T${i},D",2024-03-01,1,`);
      else lines.push(`G${i},C${i},2024-03-01,1,`);
    }
    const fs = () => memFs({ 'data/orders.csv': lines.join('\n') });
    const config = configSchema.parse({});
    const one = await ingest({ dataDir: 'data', config, fs: fs(), now: NOW, parallelMinBytes: Infinity });
    const two = await ingest({ dataDir: 'data', config, fs: fs(), now: NOW, parallelMinBytes: 0, mainShare: 0.5 });
    if (!one.ok || !two.ok) throw new Error('read');
    expect(two.threads).toBe(2);
    const l = one.ledger.find((x) => x.name === 'orders')!;
    expect(l.warnings).toBeUndefined();
    expect(l.reasons.map((x) => [x.code, x.count])).toEqual([['stray_quote', 2]]);
    expect(l.accepted).toBe(300 - 1 + 1);
    expect({ ...two, threads: 0 }).toEqual({ ...one, threads: 0 });
  });
});
