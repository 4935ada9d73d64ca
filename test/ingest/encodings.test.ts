import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { decodeBytes } from '../../src/ingest/decode.ts';
import { readInputFile } from '../../src/ingest/read-input-file.ts';
import type { BuildError } from '../../src/lib/build-error.ts';

/*
 * Files as they come (issue 11 item 4, issue 17 item 12): legacy Western encodings, UTF-16
 * without a byte-order mark, a damaged byte deep in a UTF-8 file; messages that name the real
 * line and the encodings tried, and advice that never loops between two encodings. The bytes are
 * written here by hand (windows-1252: é = E9, ü = FC, ç = E7, € = 80, – = 96, “ ” = 93 94).
 */
const NOW = Date.UTC(2026, 0, 1);
const H = 'order_id,customer_id,order_date,amount,product\n';
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const read = (bytes: Uint8Array, cfg: ConfigInput = {}) =>
  readInputFile({ name: 'orders', file: 'orders.csv', bytes, config: configSchema.parse(cfg), now: NOW });
const fails = (bytes: Uint8Array, cfg: ConfigInput = {}): BuildError => {
  const r = read(bytes, cfg);
  if (r.ok) throw new Error('expected the file to stop the build');
  return r.error;
};
/** the encoding the hint's first `encoding:` line proposes */
const proposed = (e: BuildError) => /encoding: ([\w-]+)/.exec(e.hint?.en ?? '')?.[1] ?? null;

const WESTERN = [
  'A1,C1,2024-03-05,10,Café crème',
  'A2,C2,2024-03-06,20,Müller Bräu Weißbier',
  'A3,C3,2024-03-07,30,Façade rénovée',
  'A4,C4,2024-03-08,40,\x80 5 offert \x96 \x93spécial\x94',
  'A5,C5,2024-03-09,50,Crème brûlée à la française',
  'A6,C6,2024-03-10,60,Señora Muñoz, Niño',
].map((l, i) => (i === 5 ? 'A6,C6,2024-03-10,60,"Señora Muñoz, Niño"' : l));

describe('legacy encodings', () => {
  it('a windows-1252 file (Excel in a Western locale) is detected by chardet and read with its accents and € sign', () => {
    const bytes = latin1(H + WESTERN.join('\r\n') + '\r\n');
    // hand check: 0x80 is € in windows-1252 (a C1 control in ISO-8859-1 proper)
    expect(bytes.includes(0x80)).toBe(true);
    const r = read(bytes);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.ledger.encoding).toBe('windows-1252');
    expect(r.table.columns.product).toEqual([
      'Café crème', 'Müller Bräu Weißbier', 'Façade rénovée', '€ 5 offert – “spécial”',
      'Crème brûlée à la française', 'Señora Muñoz, Niño',
    ]);
  });

  it('encoding: iso-8859-1 (or latin1) is read as windows-1252, as browsers do', () => {
    const bytes = latin1(H + 'A1,C1,2024-03-05,10,Café\n');
    for (const encoding of ['iso-8859-1', 'latin1', 'windows-1252'] as const) {
      const r = read(bytes, { files: { orders: { encoding } } });
      expect(r.ok && r.table.columns.product).toEqual(['Café']);
    }
  });

  it('a windows-1252 file set to gb18030 stops at the real line, names the encoding tried and proposes one that reads it', () => {
    // lines 2–4 ASCII; line 5 "Café " = … E9 20: E9 needs a trail byte ≥ 0x40 in GB18030
    const text = H + 'A1,C1,2024-03-05,10,x\nA2,C2,2024-03-06,20,y\nA3,C3,2024-03-07,30,z\n' + WESTERN.slice(0, 3).join('\n') + '\n';
    const e = fails(latin1(text.replace('Café crème', 'Café noir')), { files: { orders: { encoding: 'gb18030' } } });
    expect(e).toMatchObject({ code: 'undecodable', line: 5, field: 'files.orders.encoding' });
    expect(e.message.en).toContain('cannot be read as gb18030: line 5');
    expect(e.message.en).toContain('Encodings tried: gb18030 (line 5)');
    const next = proposed(e);
    expect(next).not.toBe('gb18030');
    expect(next).not.toBeNull();
  });
});

describe('UTF-16 without a byte-order mark', () => {
  const text = '订单编号,客户编号,下单时间,金额\nA1,C1,2024-03-05,10\nA2,张三,2024-03-06,20\n';
  it('little-endian: detected by its NUL bytes, not refused as binary', () => {
    const r = read(new Uint8Array(Buffer.from(text, 'utf16le')));
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.ledger.encoding).toBe('utf-16le');
    expect(r.table.columns.customer_id).toEqual(['C1', '张三']);
  });
  it('big-endian too', () => {
    const b = Buffer.from(text, 'utf16le');
    b.swap16();
    const d = decodeBytes(new Uint8Array(b));
    expect(d.ok && d.encoding).toBe('utf-16be');
    expect(d.ok && d.text).toBe(text);
  });
});

describe('messages name the real line and the encodings tried; advice never loops', () => {
  it('one bad byte deep in a UTF-8 file: the line of the byte, the encoding tried, and no other encoding proposed', () => {
    const lines = [H.trim()];
    for (let i = 1; i <= 60; i++) lines.push(`A${i},客户${i},2024-03-05,${i},蓝牙耳机`);
    const good = new TextEncoder().encode(lines.join('\n') + '\n');
    // one 0xFF byte at the start of line 41 (the 41st line break precedes it)
    let at = 0;
    for (let n = 0; n < 40; n++) at = good.indexOf(10, at) + 1;
    const bytes = new Uint8Array([...good.subarray(0, at), 0xff, ...good.subarray(at)]);
    const e = fails(bytes);
    expect(e).toMatchObject({ code: 'undecodable', line: 41, field: 'files.orders.encoding' });
    expect(e.message.en).toBe('orders.csv cannot be read as utf-8: line 41 holds bytes that are not utf-8. Encodings tried: utf-8 (line 41).');
    expect(e.message.en).not.toContain('gb18030');
    expect(proposed(e)).toBeNull();
    expect(e.hint!.en).toContain('line 41 are damaged');
  });

  it('following the advice always reads the file: each proposed encoding decodes it, and is never one already tried', () => {
    const gbk = new Uint8Array([...new TextEncoder().encode(H + 'A1,'), 0xd5, 0xc5, 0xc8, 0xfd, ...new TextEncoder().encode(',2024-03-05,10,'), 0xd6, 0xd0, 0xce, 0xc4, 0x0a]);
    const files: [Uint8Array, ConfigInput][] = [
      [latin1(H + WESTERN.join('\n') + '\n'), { files: { orders: { encoding: 'utf-8' } } }],
      [latin1(H + WESTERN.join('\n') + '\n'), { files: { orders: { encoding: 'gb18030' } } }],
      [gbk, { files: { orders: { encoding: 'utf-8' } } }],
    ];
    for (const [bytes, cfg] of files) {
      const e = fails(bytes, cfg);
      const next = proposed(e);
      expect(next).not.toBeNull();
      expect(next).not.toBe(cfg.files?.orders?.encoding);
      const r = read(bytes, { files: { orders: { encoding: next as 'auto' } } });
      expect(r.ok).toBe(true);
    }
    // GBK detected on auto: 张三 = D5 C5 C8 FD, 中文 = D6 D0 CE C4
    const r = read(gbk);
    expect(r.ok && r.table.columns.customer_id).toEqual(['张三']);
    expect(r.ok && r.table.columns.product).toEqual(['中文']);
  });
});
