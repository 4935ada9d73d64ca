import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { cellsOfLines, firstBytes, openSource, sniffFile } from '../../src/ingest/sniff-file.ts';

const settings = (over: Record<string, unknown> = {}) => configSchema.parse({ files: { orders: over } }).files.orders;
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (g: Generator<string>) => [...g].join('');

describe('sniffFile: encoding, delimiter and header before any row is read', () => {
  it('a UTF-8 BOM is skipped, the delimiter detected, the header trimmed', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(' order_id ;amount\nO1;5\nO2;6\n')]);
    const s = sniffFile(bytes, settings(), 1 << 16);
    if (!s.ok) throw new Error('sniff');
    expect(s.dec.encoding).toBe('utf-8-bom');
    expect(s.dec.bodyStart).toBe(3);
    expect(s.delimiter).toBe(';');
    expect(s.headerPreview).toEqual(['order_id', 'amount']);
  });

  it('a set delimiter is taken as set', () => {
    const s = sniffFile(utf8('a;b,c\n1;2,3\n'), settings({ delimiter: ',' }), 1 << 16);
    if (!s.ok) throw new Error('sniff');
    expect(s.delimiter).toBe(',');
    expect(s.headerPreview).toEqual(['a;b', 'c']);
  });

  it('an empty file has no header', () => {
    const s = sniffFile(new Uint8Array(0), settings(), 1 << 16);
    expect(s.ok && s.headerPreview).toBeNull();
  });
});

describe('openSource: the text a piece at a time, whole file or later part', () => {
  const csv = 'order_id,amount\nO1,5\nO2,6\nO3,7\n';

  it('a whole file: its decoded text between two byte offsets', () => {
    const r = openSource(utf8(csv), settings(), 8);
    if (!r.ok) throw new Error('open');
    expect(r.source.delimiter).toBe(',');
    expect(text(r.source.chunks(r.source.bodyStart, csv.length))).toBe(csv);
    expect(text(r.source.chunks(16, 21))).toBe('O1,5\n');
  });

  it("a part: the first part's delimiter, no header, its own bytes only", () => {
    const start = csv.indexOf('O2');
    const r = openSource(utf8(csv), settings(), 8, { start, end: csv.length, delimiter: ';' });
    if (!r.ok) throw new Error('open');
    expect(r.source).toMatchObject({ encoding: 'utf-8', bodyStart: start, delimiter: ';', headerPreview: null });
    expect(text(r.source.chunks(start, csv.length))).toBe('O2,6\nO3,7\n');
  });

  it('a part on disk is read through `read`, a piece at a time', () => {
    const bytes = utf8(csv);
    const asked: number[] = [];
    const read = (position: number, into: Uint8Array) => {
      asked.push(position);
      const n = Math.min(into.length, bytes.length - position);
      into.set(bytes.subarray(position, position + n));
      return n;
    };
    const start = csv.indexOf('O2');
    const r = openSource(new Uint8Array(0), settings(), 4, { start, end: csv.length, delimiter: ',', read, pieceBytes: 4 });
    if (!r.ok) throw new Error('open');
    expect(text(r.source.chunks(start, csv.length))).toBe('O2,6\nO3,7\n');
    expect(asked.length).toBeGreaterThan(1);
  });

  it('after release nothing can be read, nor parsed again', () => {
    const r = openSource(utf8(csv), settings(), 8);
    if (!r.ok) throw new Error('open');
    expect(r.source.recordsAt(new Set([3]))).toEqual(new Map([[3, ['O2', '6']]]));
    r.source.release();
    expect(() => r.source.chunks(0, 4)).toThrow(/after release/);
    expect(r.source.recordsAt(new Set([3]))).toBeNull();
  });

  it("a part's records are not parsed again there (its lines are the whole file's)", () => {
    const start = csv.indexOf('O2');
    const r = openSource(utf8(csv), settings(), 8, { start, end: csv.length, delimiter: ',' });
    expect(r.ok && r.source.recordsAt(new Set([3]))).toBeNull();
  });

  it("the first bytes read, to estimate the rows: the file's, a part's, or a part's read from disk", () => {
    const bytes = utf8(csv);
    const start = csv.indexOf('O2');
    expect(firstBytes(bytes)).toBe(bytes);
    expect(new TextDecoder().decode(firstBytes(bytes, { start, end: csv.length, delimiter: ',' }))).toBe('O2,6\nO3,7\n');
    const read = (position: number, into: Uint8Array) => { into.set(bytes.subarray(position, position + into.length)); return Math.min(into.length, bytes.length - position); };
    expect(new TextDecoder().decode(firstBytes(new Uint8Array(0), { start, end: csv.length, delimiter: ',', read }))).toBe('O2,6\nO3,7\n');
  });

  it('bytes that are not text are a decode failure', () => {
    const r = openSource(new Uint8Array([0, 1, 2, 0, 0, 0, 255, 254, 0, 0]), settings(), 8);
    expect(r.ok).toBe(false);
  });
});

describe('cellsOfLines: records parsed again by the physical line they start on', () => {
  it('a quoted value spanning lines is one record, found by its first line', () => {
    const got = cellsOfLines(utf8('id,note\nA,"x\ny"\nB,z\n'), settings(), new Set([2, 4]));
    expect(got).toEqual(new Map([[2, ['A', 'x\ny']], [4, ['B', 'z']]]));
  });
});
