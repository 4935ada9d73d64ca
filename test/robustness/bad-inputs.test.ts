import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load-config.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { readInputFile, type ReadInputResult } from '../../src/ingest/read-input-file.ts';
import { MAX_CELL_CHARS } from '../../src/ingest/row-decisions.ts';
import type { BuildError } from '../../src/lib/build-error.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';
import type { LedgerFile } from '../../src/model/ledger.ts';
import { loadRoleCards } from '../../src/roles/load-role-cards.ts';
import { validateRoleCard } from '../../src/roles/role-card.ts';
import type { InputName } from '../../src/validate/schemas/index.ts';
import { parse as parseYaml } from 'yaml';
import { memFs } from '../ingest/mem-fs.ts';

/*
 * The hostile-input corpus (test/fixtures/bad/, plus bytes generated here where a file would be
 * awkward: the 10 MB field, NUL bytes, invalid UTF-8). Every case asserts its exact outcome: the
 * ledger's reason code, count, line and column, or the BuildError that stops the build with its
 * code and the parts of the message that say how to fix it. Never a crash, never a silent drop:
 * every successful read also checks read = accepted + excluded + rejected + duplicates.
 *
 * Expected values are worked out by hand from the fixture text (line 1 is the header).
 */
const NOW = Date.UTC(2026, 0, 1); // accepted years: 1970 … 2027
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/bad/${name}`, import.meta.url));
const bytesOf = (name: string) => new Uint8Array(readFileSync(fixture(name)));
const enc = (s: string) => new TextEncoder().encode(s);
const H = 'order_id,customer_id,order_date,amount\n';

function read<N extends InputName>(name: N, bytes: Uint8Array, cfg: ConfigInput = {}): ReadInputResult<N> {
  return readInputFile({ name, file: `${name}.csv`, bytes, config: configSchema.parse(cfg), now: NOW });
}

/** a successful read whose ledger adds up */
function ok<N extends InputName>(name: N, bytes: Uint8Array, cfg: ConfigInput = {}) {
  const r = read(name, bytes, cfg);
  if (!r.ok) throw new Error(`expected ${name} to be read: ${r.error.code} ${r.error.message.en}`);
  expectBalanced(r.ledger);
  // every rejected or duplicate row is kept for the quarantine (orders' exact duplicates are only counted)
  expect(r.rejects.length).toBe(r.ledger.rejected + r.ledger.duplicates);
  return r;
}

function expectBalanced(l: LedgerFile) {
  expect(l.read).toBe(l.accepted + l.excluded + l.rejected + l.duplicates);
  expect(l.reasons.reduce((s, x) => s + x.count, 0)).toBe(l.rejected + l.duplicates);
}

function fails(name: InputName, bytes: Uint8Array, cfg: ConfigInput = {}): BuildError {
  const r = read(name, bytes, cfg);
  if (r.ok) throw new Error(`expected ${name} to stop the build`);
  return r.error;
}

const rejected = (r: { rejects: { reason: string; line: number; column: string | null }[] }) =>
  r.rejects.map((x) => [x.reason, x.line, x.column]);

describe('hostile CSV files', () => {
  it('empty file: stops with empty_file (an optional file: "delete it")', async () => {
    const e = fails('orders', bytesOf('empty.csv'));
    expect(e).toMatchObject({ code: 'empty_file', file: 'orders.csv' });
    expect(e.message.en).toBe('orders.csv is empty: no header row and no records.');
    const c = fails('customers', bytesOf('empty.csv'));
    expect(c.code).toBe('empty_file');
    expect(c.hint!.en).toContain('Delete the file');
    // through ingest: the first unusable file stops it
    const fs = memFs({ '/d/orders.csv': H + 'A1,C1,2024-03-05,10\n', '/d/customers.csv': new Uint8Array() });
    const r = await ingest({ dataDir: '/d', config: configSchema.parse({}), fs, now: NOW });
    expect(!r.ok && r.error.code).toBe('empty_file');
    expect(!r.ok && r.error.file).toBe('customers.csv');
  });

  it('header only: no rows, an all-zero ledger, no coverage', () => {
    const r = ok('orders', bytesOf('header-only.csv'));
    expect(r.ledger).toMatchObject({ read: 0, accepted: 0, excluded: 0, rejected: 0, duplicates: 0, coverage: null, reasons: [] });
    expect(r.table.rows).toBe(0);
    expect(r.header).toEqual(['order_id', 'customer_id', 'order_date', 'amount']);
  });

  it('BOM plus CRLF: the BOM is not in the first header, no cell keeps a CR', () => {
    const r = ok('orders', bytesOf('bom-crlf.csv'));
    expect(r.ledger.encoding).toBe('utf-8-bom');
    expect(r.header[0]).toBe('order_id');
    expect(r.table.columns.order_id).toEqual(['A1', 'A2']);
    expect(r.table.columns.customer_id).toEqual(['C1', 'C2']);
    expect(r.table.columns.amount).toEqual([1050, 2000]); // fen
    // the last field of line 4 is `x`, not `x\r`
    expect(r.rejects.map((x) => [x.reason, x.line, x.column, x.raw])).toEqual([['invalid_number', 4, 'amount', 'x']]);
    expect(r.ledger).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
  });

  it('mixed line endings (CRLF, LF, a lone CR): every record on its own line number', () => {
    const r = ok('orders', bytesOf('mixed-eol.csv'));
    expect(r.table.columns.order_id).toEqual(['A1', 'A2', 'A3']);
    expect(r.table.line).toEqual([2, 3, 4]);
    expect(r.table.columns.amount).toEqual([1000, 2000, 3000]); // fen
    expect(r.rejects.map((x) => [x.reason, x.line, x.column, x.raw])).toEqual([['invalid_number', 5, 'amount', 'abc']]);
  });

  it('unterminated quote (never closed): stops, naming the line of the quote', () => {
    const e = fails('orders', bytesOf('unterminated-quote.csv'));
    expect(e).toMatchObject({ code: 'unterminated_quote', file: 'orders.csv', line: 3 });
    expect(e.message.en).toBe('orders.csv: a quote opened on line 3 is never closed, so the last 2 line(s) would be read as one field.');
    expect(e.hint!.en).toContain('Check line 3 for a stray "');
  });

  it('a stray quote closed on a later line: both lines rejected as stray_quote, the rest is read', () => {
    const r = ok('orders', bytesOf('stray-quote.csv'));
    // lines 3–4 were one record; line 4 alone is a whole record (4 fields), so the two lines holding
    // the quotes are rejected each with its line; A4 on line 5 is read with its own line number
    expect(r.rejects.map((x) => [x.reason, x.line, x.column])).toEqual([['stray_quote', 3, 'customer_id'], ['stray_quote', 4, 'customer_id']]);
    expect(r.rejects[0]!.message.en).toBe('a stray quote in customer_id joins lines 3–4 into one record; the lines between are read on their own');
    expect(r.table.columns.order_id).toEqual(['A1', 'A4']);
    expect(r.table.line).toEqual([2, 5]);
    expect(r.ledger).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
  });

  it('ragged rows (too few and too many fields): ragged_row with the field counts', () => {
    const r = ok('orders', bytesOf('ragged.csv'));
    expect(rejected(r)).toEqual([['ragged_row', 2, null], ['ragged_row', 3, null]]);
    expect(r.rejects.map((x) => x.message.en)).toEqual([
      'the row has a different number of fields than the header: 3 fields, header 4',
      'the row has a different number of fields than the header: 5 fields, header 4',
    ]);
    // the raw cells are kept for the quarantine file
    expect(r.rejects[1]!.cells).toEqual(['A2', 'C2', '2024-03-06', '20', 'extra']);
    expect(r.table.columns.order_id).toEqual(['A3']);
    expect(r.ledger.reasons).toEqual([expect.objectContaining({ code: 'ragged_row', column: null, count: 2 })]);
  });

  it('duplicate header names of a column we read: stops with duplicate_header (no silent pick)', () => {
    const e = fails('orders', bytesOf('duplicate-header.csv'));
    expect(e).toMatchObject({ code: 'duplicate_header', file: 'orders.csv', field: 'amount' });
    expect(e.message.en).toContain('the header of amount appears 2 times ("amount", "Amount" in columns 4, 5)');
    expect(e.hint!.en).toContain('Rename or delete the extra column');
    // duplicates among columns the pipeline does not read are harmless
    const r = ok('orders', bytesOf('duplicate-unused-header.csv'));
    expect(r.ledger).toMatchObject({ read: 1, accepted: 1 });
  });

  it('a 10 MB single field: value_too_long in a column we read (message cut short); ignored in an unread column', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const text = 'order_id,customer_id,order_date,amount,note\n'
      + `A1,${big},2024-03-05,10,\n` // line 2: the customer id is 10 MB
      + `A2,C2,2024-03-06,20,"${big}"\n` // line 3: an unread column is 10 MB
      + 'A3,C3,2024-03-07,30,\n';
    const r = ok('orders', enc(text));
    expect(rejected(r)).toEqual([['value_too_long', 2, 'customer_id']]);
    expect(r.rejects[0]!.message.en).toBe(`customer_id is too long (${big.length} characters, at most ${MAX_CELL_CHARS}): "${'x'.repeat(40)}…"`);
    // the published ledger example is short, not 10 MB
    expect(r.ledger.reasons[0]!.examples[0]!.raw.length).toBeLessThanOrEqual(41);
    expect(r.table.columns.order_id).toEqual(['A2', 'A3']);
    expect(r.ledger).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
  });

  it('NUL bytes: a stray NUL rejects its row (nul_byte, line, column); a spreadsheet renamed to .csv stops the build', () => {
    const text = H + 'A1,C1,2024-03-05,10\nA2,C\u00002,2024-03-06,20\nA3,C3,2024-03-07,30\nA4,C4,2024-03-08,40\n';
    for (const encoding of ['auto', 'utf-8'] as const) {
      const r = ok('orders', enc(text), { files: { orders: { encoding } } });
      expect(r.rejects.map((x) => [x.reason, x.line, x.column, x.raw])).toEqual([['nul_byte', 3, 'customer_id', 'C\\02']]);
      expect(r.table.columns.customer_id).toEqual(['C1', 'C3', 'C4']);
      expect(r.table.columns.customer_id.some((c) => c!.includes('\u0000'))).toBe(false);
    }
    // a NUL in a column the pipeline does not read is harmless
    const unread = ok('orders', enc('order_id,customer_id,order_date,amount,note\nA1,C1,2024-03-05,10,a\u0000b\nA2,C2,2024-03-06,20,\nA3,C3,2024-03-07,30,\n'));
    expect(unread.ledger).toMatchObject({ read: 3, accepted: 3 });
    // an .xlsx (a zip) renamed to .csv
    const e = fails('orders', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]));
    expect(e.code).toBe('not_a_table');
    expect(e.message.en).toContain('holds binary data');
    expect(e.hint!.en).toContain('CSV UTF-8');
  });

  it('invalid UTF-8 in a file configured as UTF-8: stops, naming the line and the encoding setting', () => {
    const bytes = new Uint8Array([...enc(H + 'A1,C1,2024-03-05,10\nA2,C'), 0xff, 0xfe, ...enc(',2024-03-06,20\n')]);
    const e = fails('orders', bytes, { files: { orders: { encoding: 'utf-8' } } });
    expect(e).toMatchObject({ code: 'undecodable', file: 'orders.csv', line: 3, field: 'files.orders.encoding' });
    expect(e.message.en).toBe('orders.csv cannot be read as utf-8: line 3 holds bytes that are not utf-8. Encodings tried: utf-8 (line 3).');
    // the advice names only encodings that read the whole file: never back to utf-8 (nor to
    // gb18030, which cannot read FF FE either)
    expect(e.hint!.en).toMatch(/encoding: /);
    expect(e.hint!.en).not.toMatch(/encoding: (utf-8|gb18030)/);
    // a UTF-8 BOM followed by invalid bytes: the same error
    const bom = fails('orders', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]));
    expect(bom).toMatchObject({ code: 'undecodable', line: 3 });
  });

  it('GBK mislabeled as UTF-8 in config: stops with the setting that fixes it; detected when left on auto', () => {
    const bytes = bytesOf('gbk-orders.csv');
    const e = fails('orders', bytes, { files: { orders: { encoding: 'utf-8' } } });
    expect(e).toMatchObject({ code: 'undecodable', line: 2, field: 'files.orders.encoding' });
    expect(e.hint!.en).toContain('reads as gb18030');
    expect(e.hint!.en).toContain('files:\n  orders:\n    encoding: gb18030');
    const r = ok('orders', bytes);
    expect(r.ledger.encoding).toBe('gb18030');
    expect(r.table.columns.product).toEqual(['客户礼品', '蓝牙耳机']);
  });

  it('dates out of range (1900, 2100) and 2024-02-30: date_out_of_range and impossible_date', () => {
    const r = ok('orders', bytesOf('dates.csv'));
    expect(r.rejects.map((x) => [x.reason, x.line, x.column, x.raw])).toEqual([
      ['date_out_of_range', 2, 'order_date', '1900-01-01'],
      ['date_out_of_range', 3, 'order_date', '2100-01-01'],
      ['impossible_date', 4, 'order_date', '2024-02-30'],
    ]);
    expect(r.rejects[0]!.message.en).toBe('order_date is outside the accepted years 1970–2027: "1900-01-01"');
    // 2024 is a leap year: 02-29 is real (midnight Asia/Shanghai = 16:00 UTC the day before)
    expect(r.table.columns.order_date).toEqual([Date.UTC(2024, 1, 28, 16)]);
    expect(r.ledger.reasons.find((x) => x.code === 'date_out_of_range')!.count).toBe(2);
  });

  it('ambiguous day/month without dateOrder: stops, naming the line and the setting; read as configured otherwise', () => {
    const e = fails('orders', bytesOf('ambiguous-dates.csv'));
    expect(e).toMatchObject({ code: 'ambiguous_dates', file: 'orders.csv', line: 3, field: 'order_date' });
    expect(e.message.en).toContain('"05/03/2024" could be day/month/year or month/day/year, and files.orders.dateOrder is not set');
    expect(e.hint!.en).toContain('files:\n  orders:\n    dateOrder: dmy');
    const dmy = ok('orders', bytesOf('ambiguous-dates.csv'), { files: { orders: { dateOrder: 'dmy' } } });
    expect(dmy.table.columns.order_date[1]).toBe(Date.UTC(2024, 2, 4, 16)); // 5 March, Shanghai midnight
    const mdy = ok('orders', bytesOf('ambiguous-dates.csv'), { files: { orders: { dateOrder: 'mdy' } } });
    expect(mdy.table.columns.order_date[1]).toBe(Date.UTC(2024, 4, 2, 16)); // 3 May
  });

  it('amounts 1,2,3 / NaN / Infinity / --5: invalid_number; 1e309: number_out_of_range (past ±10¹²); 1,234.50 and -12.5 are read', () => {
    const r = ok('orders', bytesOf('amounts.csv'));
    expect(r.rejects.map((x) => [x.reason, x.line, x.column, x.raw])).toEqual([
      ['invalid_number', 2, 'amount', '1,2,3'],
      ['invalid_number', 3, 'amount', 'NaN'],
      ['invalid_number', 4, 'amount', 'Infinity'],
      ['invalid_number', 5, 'amount', '--5'],
      ['number_out_of_range', 6, 'amount', '1e309'],
    ]);
    expect(r.table.columns.order_id).toEqual(['A6', 'A7']);
    expect(r.table.columns.amount).toEqual([123450, -1250]); // fen
    expect(r.ledger.reasons).toEqual([
      expect.objectContaining({ code: 'invalid_number', column: 'amount', count: 4 }),
      expect.objectContaining({ code: 'number_out_of_range', column: 'amount', count: 1 }),
    ]);
  });

  it('ids: 007 stays 007, 17850.0 becomes 17850', () => {
    const r = ok('orders', bytesOf('ids.csv'));
    expect(r.table.columns.order_id).toEqual(['007', '17850']);
    expect(r.table.columns.customer_id).toEqual(['007', '17850']);
  });

  it('ids differing only by full-width characters or a trailing space are one id (NFKC + trim): duplicate_key', () => {
    // decision (src/ingest/normalize-id.ts): ＣＵ１, CU1 and "CU1 " are the same id, so in a keyed
    // file the later rows repeat the key of line 2
    const r = ok('customers', bytesOf('customers-dup-ids.csv'));
    expect(r.rejects.map((x) => [x.reason, x.line, x.column, x.raw])).toEqual([
      ['duplicate_key', 3, 'customer_id', 'CU1'],
      ['duplicate_key', 4, 'customer_id', 'CU1'],
    ]);
    expect(r.rejects[0]!.message.en).toBe('customer_id "CU1" repeats the row on line 2');
    expect(r.ledger).toMatchObject({ read: 4, accepted: 2, rejected: 0, duplicates: 2 });
    expect(r.table.columns.customer_id).toEqual(['CU1', 'CU2']);
    expect(r.table.columns.name).toEqual(['Alpha', 'Delta']);
  });

  it('an order for an unknown customer is kept and counted as an orphan', async () => {
    const fs = memFs({ '/d/orders.csv': bytesOf('orphan-orders.csv'), '/d/customers.csv': bytesOf('orphan-customers.csv') });
    const r = await ingest({ dataDir: '/d', config: configSchema.parse({}), fs, now: NOW });
    if (!r.ok) throw new Error(r.error.message.en);
    const orders = r.ledger.find((l) => l.name === 'orders')!;
    expectBalanced(orders);
    expect(orders).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    // C404 is not in customers.csv; the anonymous sale (empty customer) is no orphan
    expect(orders.orphans).toEqual([{ kind: 'unknown_customer', column: 'customer_id', count: 1 }]);
    expect(r.dataset.orders.columns.customer_id).toEqual(['C1', 'C404', null]);
    for (const l of r.ledger) expectBalanced(l);
  });

  it('a ticket resolved (or answered) before it opened: resolved_before_opened', () => {
    const r = ok('tickets', bytesOf('tickets.csv'));
    expect(rejected(r)).toEqual([
      ['resolved_before_opened', 2, 'resolved_at'],
      ['resolved_before_opened', 3, 'first_response_at'],
    ]);
    expect(r.rejects[0]!.message.en).toBe('resolved_at is earlier than opened_at');
    // equal times are fine
    expect(r.table.columns.ticket_id).toEqual(['T3']);
  });

  it('survey scores: nps 0 and 10 are fine, csat 11 and nps 11 are rejected', () => {
    const r = ok('surveys', bytesOf('surveys.csv'));
    expect(r.rejects.map((x) => [x.reason, x.line, x.column, x.raw])).toEqual([
      ['invalid_integer', 4, 'csat', '11'],
      ['invalid_integer', 5, 'nps', '11'],
    ]);
    expect(r.rejects.map((x) => x.message.en)).toEqual(['csat must be a whole number (≤ 5): "11"', 'nps must be a whole number (≤ 10): "11"']);
    expect(r.table.columns.response_id).toEqual(['R1', 'R2']);
    expect(r.table.columns.nps).toEqual([0, 10]);
  });
});

describe('hostile role cards', () => {
  const fs = nodeEffects().fs;
  async function cardError(dir: string): Promise<BuildError> {
    const r = await loadRoleCards(fixture(`roles/${dir}`), fs);
    if (r.ok) throw new Error(`expected roles/${dir} to fail`);
    return r.error;
  }

  it('an unknown KPI id: names the field and the close valid ids', async () => {
    const e = await cardError('unknown-kpi');
    expect(e).toMatchObject({ code: 'role_card_invalid', file: 'roles/support-lead.md', field: 'kpis[1].id' });
    expect(e.message.en).toMatch(/^unknown KPI id "resolution_hourz"; close valid ids: resolution_hours\b/);
  });

  it('a non-reciprocal AHP matrix (a full matrix): says to write the upper triangle and which pair breaks a_ji = 1/a_ij', async () => {
    const e = await cardError('non-reciprocal-ahp');
    expect(e).toMatchObject({ code: 'role_card_invalid', file: 'roles/support-lead.md', field: 'weighting.ahp' });
    // a_12 = 2, so a_21 should be 0.5; the card says 2
    expect(e.message.en).toBe(
      'weighting.ahp is a full 3×3 matrix and it is not reciprocal (a_21 = 2 but 1/a_12 = 0.5): write only the upper triangle, rows of 3, 2, 1 entries (diagonal 1 first); the lower half is always a_ji = 1/a_ij',
    );
  });

  it('a missing language: names the field and both languages', async () => {
    const e = await cardError('missing-language');
    expect(e).toMatchObject({ code: 'role_card_invalid', field: 'title.en' });
    expect(e.message.en).toBe('missing language "en" in title: every text needs both zh-CN and en');
    // the same through validateRoleCard on the parsed front matter
    const text = readFileSync(fixture('roles/missing-language/support-lead.md'), 'utf8');
    const v = validateRoleCard(parseYaml(text.split('---')[1]!), 'roles/support-lead.md');
    expect(!v.ok && v.error.field).toBe('title.en');
  });
});

describe('hostile config', () => {
  it('a typo in a key: the message suggests the right key', async () => {
    const fs = memFs({ '/d/config.yaml': bytesOf('config-typo.yaml') });
    const r = await loadConfig('/d', fs);
    if (r.ok) throw new Error('expected the typo to stop the build');
    expect(r.error).toMatchObject({ code: 'config_invalid', file: 'config.yaml', field: 'sla.responsHours' });
    expect(r.error.message.en).toBe('config.yaml: unknown key sla.responsHours (did you mean responseHours?); allowed here: responseHours, visitHours');
    expect(r.error.hint!.en).toBe('Rename sla.responsHours to sla.responseHours.');
    const top = parseConfig('timezon: UTC\n');
    expect(!top.ok && top.error.message.en).toContain('unknown key timezon (did you mean timezone?)');
    const nested = parseConfig('files:\n  orders:\n    dateOrdr: dmy\n');
    expect(!nested.ok && nested.error.hint!.en).toBe('Rename files.orders.dateOrdr to files.orders.dateOrder.');
  });
});
