import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, readTextPieces, sniffBom } from '../../src/ingest/decode.ts';

const fixture = (f: string) => new Uint8Array(readFileSync(new URL(`../fixtures/ingest/${f}`, import.meta.url)));

describe('decodeBytes', () => {
  it('detects GBK bytes (Excel in a Chinese locale) as gb18030', () => {
    const r = decodeBytes(fixture('gbk-orders.csv'));
    expect(r.ok && r.encoding).toBe('gb18030');
    expect(r.ok && r.text.split('\r\n')[0]).toBe('订单编号,客户编号,下单时间,金额,负责人,状态,地区');
  });

  it('hand-written GBK bytes: 中文 = D6 D0 CE C4', () => {
    const r = decodeBytes(new Uint8Array([0x61, 0x2c, 0xd6, 0xd0, 0xce, 0xc4]));
    expect(r).toEqual({ ok: true, text: 'a,中文', encoding: 'gb18030' });
  });

  it('reads UTF-16 LE with BOM and strips the BOM', () => {
    const r = decodeBytes(fixture('utf16le-customers.txt'));
    expect(r.ok && r.encoding).toBe('utf-16le');
    expect(r.ok && r.text.startsWith('客户编号\t客户名称')).toBe(true);
  });

  it('reads UTF-16 BE with BOM', () => {
    // FE FF, then "a" = 00 61, "中" = 4E 2D
    const r = decodeBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x4e, 0x2d]));
    expect(r).toEqual({ ok: true, text: 'a中', encoding: 'utf-16be' });
  });

  it('strips a UTF-8 BOM', () => {
    const r = decodeBytes(fixture('utf8bom-crlf-customers.csv'));
    expect(r.ok && r.encoding).toBe('utf-8-bom');
    expect(r.ok && r.text.charCodeAt(0)).toBe('c'.charCodeAt(0));
  });

  it('plain UTF-8 stays UTF-8 (中 = E4 B8 AD)', () => {
    expect(decodeBytes(new Uint8Array([0xe4, 0xb8, 0xad]))).toEqual({ ok: true, text: '中', encoding: 'utf-8' });
  });

  it('a file configured as utf-8 with GBK bytes stops, naming the line of the first bad byte', () => {
    // line 1 ASCII, line 2 GBK 中文
    const r = decodeBytes(new Uint8Array([0x61, 0x0a, 0xd6, 0xd0, 0xce, 0xc4]), 'utf-8');
    expect(r).toMatchObject({ ok: false, encoding: 'utf-8', line: 2, reason: 'invalid_utf8', tried: [{ encoding: 'utf-8', line: 2 }] });
  });

  it('the gbk setting decodes as gb18030', () => {
    const r = decodeBytes(new Uint8Array([0xd6, 0xd0]), 'gbk');
    expect(r).toEqual({ ok: true, text: '中', encoding: 'gb18030' });
  });

  it('refuses binary data (an .xlsx renamed to .csv)', () => {
    const r = decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('binary');
  });

  it('sniffs BOMs', () => {
    expect(sniffBom(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('utf-8-bom');
    expect(sniffBom(new Uint8Array([0x61]))).toBeNull();
  });
});

describe('readTextPieces', () => {
  const text = '订单,客户\nO1,张三\nO2,李四 ✓\n'.repeat(20);
  const bytes = new TextEncoder().encode(text);
  const read = (position: number, into: Uint8Array) => {
    const got = bytes.subarray(position, position + into.length);
    into.set(got);
    return got.length;
  };

  it('gives the text of a byte range read a few bytes at a time, characters split across pieces and chunks', () => {
    for (const [piece, chunk] of [[5, 3], [7, 64], [64, 5], [1 << 20, 1 << 16]] as const) {
      expect([...readTextPieces(read, 'utf-8', 0, bytes.length, chunk, piece)].join('')).toBe(text);
    }
    const from = bytes.indexOf(10) + 1;
    expect([...readTextPieces(read, 'utf-8', from, bytes.length, 4, 6)].join('')).toBe(text.slice(text.indexOf('\n') + 1));
  });

  it('stops when the file is shorter than it was (changed while read)', () => {
    const short = (position: number, into: Uint8Array) => read(position, into.subarray(0, Math.max(0, Math.min(into.length, 40 - position))));
    expect(() => [...readTextPieces(short, 'utf-8', 0, bytes.length, 8, 16)]).toThrow(/changed while it was read/);
  });
});
