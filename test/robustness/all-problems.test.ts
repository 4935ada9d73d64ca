import { describe, expect, it } from 'vitest';
import { formatLedger } from '../../src/build/format-ledger.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { formatBuildErrors } from '../../src/lib/build-error.ts';
import { memFs } from '../ingest/mem-fs.ts';

/*
 * A stopped build lists every problem of every file at once, each with the config lines that
 * fix it (issue 11 item 3); the console ledger tells each reason with its real line and value
 * (issue 11 item 8), contacts still masked.
 */
const NOW = Date.UTC(2026, 0, 1);
const run = (files: Record<string, string | Uint8Array>, cfg: ConfigInput = {}) =>
  ingest({ dataDir: 'data', config: configSchema.parse(cfg), fs: memFs(Object.fromEntries(Object.entries(files).map(([k, v]) => [`data/${k}`, v]))), now: NOW });

describe('every problem of every file at once', () => {
  it('two missing columns in orders (id and date), two ambiguous date columns in tickets, a binary customers file: five problems in one run', async () => {
    const r = await run({
      // no order id, no order date (客户 and 金额 are matched)
      'orders.csv': '客户编号,金额,备注\nC1,10,x\n',
      'customers.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
      // opened_at and resolved_at both day/month ambiguous; the first ambiguous value of each is named
      'tickets.csv': 'ticket_id,customer_id,opened_at,resolved_at,category\nT1,C1,2024-03-05,2024-03-06,a\nT2,C1,05/03/2024,2024-03-06,a\nT3,C1,2024-03-07,07/03/2024,a\n',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.file, e.field, e.line])).toEqual([
      ['missing_column', 'orders.csv', 'order_id', null],
      ['missing_column', 'orders.csv', 'order_date', null],
      ['not_a_table', 'customers.csv', null, null],
      ['ambiguous_dates', 'tickets.csv', 'opened_at', 3],
      ['ambiguous_dates', 'tickets.csv', 'resolved_at', 4],
    ]);
    // each with the lines that fix it
    expect(r.errors[0]!.hint!.en).toContain('files:\n  orders:\n    columns: { order_id:');
    expect(r.errors[3]!.hint!.en).toContain('files:\n  tickets:\n    dateOrder: dmy');
    expect(r.errors[4]!.message.en).toContain('"07/03/2024"');
    const text = formatBuildErrors(r.errors);
    expect(text).toContain('5 problems stop the build');
    for (let i = 1; i <= 5; i++) expect(text).toContain(`\n${i}. ✗`);
  });

  it('a build with one problem prints it alone, as before', async () => {
    const r = await run({ 'orders.csv': 'order_id,customer_id,order_date,amount\nA1,C1,05/03/2024,10\n' });
    expect(!r.ok && r.errors.length).toBe(1);
    if (!r.ok) expect(formatBuildErrors(r.errors)).not.toContain('problems stop');
  });
});

describe('the console ledger shows the real line and value', () => {
  it('each reason with its first example and the other examples\' lines; contacts masked', async () => {
    const r = await run({
      'orders.csv': [
        'order_id,customer_id,order_date,amount',
        'A1,C1,2024-03-05,10',
        'A2,C1,2024-02-30,10', // line 3: impossible date
        'A3,C1,2024-03-05,12x', // line 4
        'A4,C1,2024-03-05,abc', // line 5
        'A5,C1,2024-03-05,1,2', // line 6: ragged
      ].join('\n') + '\n',
      'customers.csv': 'customer_id,name,phone\nC1,Ann,13812345678\nC2,Bob,not-a-phone\n',
    });
    if (!r.ok) throw new Error(r.error.message.en);
    const text = formatLedger(r.ledger);
    expect(text).toContain('orders.csv: 1 × impossible_date (order_date): order_date is not a real calendar date or time: "2024-02-30" (line 3)');
    expect(text).toContain('orders.csv: 2 × invalid_number (amount): amount is not a number: "12x" (line 4; also line 5)');
    expect(text).toContain('orders.csv: 1 × ragged_row: the row has a different number of fields than the header: 5 fields, header 4 (line 6)');
    expect(text).not.toContain('"…"');
    expect(text).not.toContain('line …');
  });
});
