import { describe, expect, it } from 'vitest';
import { withIdentityWarnings } from '../../src/build/pipeline.ts';
import { computeAllMetrics } from '../../src/metrics/compute-all-metrics.ts';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { duplicateLinesNote, noReasonsNote, warningNotes } from '../../src/site-data/data-notes.ts';
import { ledgerToMajor } from '../../src/publish/ledger-money.ts';
import { moneyFor } from '../../src/lib/money.ts';
import type { LedgerFile } from '../../src/model/ledger.ts';
import { memFs } from './mem-fs.ts';

/*
 * Exact duplicate lines kept or dropped by a file setting, with the amount at stake (issue 11
 * item 4); ledger warnings for Excel-mangled ids (issue 17 item 9) and for one order id
 * spanning several days or customers (issue 11 item 4). Amounts added up by hand.
 */
const NOW = Date.UTC(2026, 0, 1);
async function ok(files: Record<string, string>, config: ConfigInput = {}) {
  const data = Object.fromEntries(Object.entries(files).map(([k, v]) => [`data/${k}`, v]));
  const r = await ingest({ dataDir: 'data', config: configSchema.parse(config), fs: memFs(data), now: NOW });
  if (!r.ok) throw new Error(r.error.message.en);
  return r;
}

/** the ledger as the data page reads it: amounts published in yuan (ingest holds fen) */
const published = (l: LedgerFile): LedgerFile => ledgerToMajor([l], moneyFor('CNY'))[0]!;

const ORDERS = [
  'order_id,customer_id,order_date,amount',
  'A,C1,2024-03-05,10.5',
  'A,C1,2024-03-05,10.5', // identical to line 2
  'B,C2,2024-03-06,7',
  'B,C2,2024-03-06,7', // identical to line 4
  'B,C2,2024-03-06,7', // identical to line 4
  'C,C3,2024-03-07,1',
].join('\n') + '\n';

describe('exact duplicate lines: a file setting, with the amount at stake', () => {
  it('drop (the orders default): 3 lines dropped, 10.5 + 7 + 7 = 24.5 not counted', async () => {
    const r = await ok({ 'orders.csv': ORDERS });
    const l = r.ledger[0]!;
    // ingest holds fen: 1050 + 700 + 700
    expect(l).toMatchObject({ accepted: 3, duplicates: 3, duplicateLines: { policy: 'drop', count: 3, amount: 2450 } });
    expect(r.dataset.orders.columns.amount).toEqual([1050, 700, 100]);
    expect(published(l).duplicateLines!.amount).toBe(24.5);
    expect(duplicateLinesNote(published(l), 'en')).toBe('3 lines identical to an earlier line were dropped (duplicateLines: drop); their amount, ¥24.50, is not counted.');
  });

  it('files.orders.duplicateLines: keep — every line kept, the same 24.5 shown as counted', async () => {
    const r = await ok({ 'orders.csv': ORDERS }, { files: { orders: { duplicateLines: 'keep' } } });
    const l = r.ledger[0]!;
    expect(l).toMatchObject({ accepted: 6, duplicates: 0, duplicateLines: { policy: 'keep', count: 3, amount: 2450 } });
    expect(duplicateLinesNote(published(l), 'zh-CN')).toBe('3 行与前面某行完全相同，已保留（duplicateLines: keep）；其金额 ¥24.50 已计入。');
  });

  it('the old key orders.dropExactDuplicates: false still keeps them; the file setting wins over it', async () => {
    const old = await ok({ 'orders.csv': ORDERS }, { orders: { dropExactDuplicates: false } });
    expect(old.ledger[0]).toMatchObject({ accepted: 6, duplicateLines: { policy: 'keep' } });
    const both = await ok({ 'orders.csv': ORDERS }, { orders: { dropExactDuplicates: false }, files: { orders: { duplicateLines: 'drop' } } });
    expect(both.ledger[0]).toMatchObject({ accepted: 3, duplicates: 3 });
  });

  it('another file can drop its identical lines too (files other than orders keep them by default)', async () => {
    const text = 'staff_id,period,kpi,target\nS1,2024-Q1,revenue,100\nS1,2024-Q1,revenue,100\n';
    const kept = await ok({ 'orders.csv': ORDERS, 'targets.csv': text });
    expect(kept.ledger.find((f) => f.name === 'targets')).toMatchObject({ accepted: 2, duplicates: 0 });
    const dropped = await ok({ 'orders.csv': ORDERS, 'targets.csv': text }, { files: { targets: { duplicateLines: 'drop' } } });
    const f = dropped.ledger.find((x) => x.name === 'targets')!;
    expect(f).toMatchObject({ accepted: 1, duplicates: 1, duplicateLines: { policy: 'drop', count: 1, amount: null } });
    expect(duplicateLinesNote(f, 'en')).toBe('1 lines identical to an earlier line were dropped (duplicateLines: drop).');
  });
});

describe('ledger warnings', () => {
  it('Excel-mangled ids (1.23E+15) are kept but warned about: they collide', async () => {
    const text = 'order_id,customer_id,order_date,amount\n1.23457E+15,C1,2024-03-05,1\n1.23457E+15,C2,2024-03-06,2\nA3,4.5E+11,2024-03-06,2\n';
    const r = await ok({ 'orders.csv': text });
    const w = r.ledger[0]!.warnings!;
    expect(w.map((x) => [x.code, x.column, x.count])).toEqual([
      ['excel_scientific_id', 'order_id', 2],
      ['excel_scientific_id', 'customer_id', 1],
    ]);
    expect(w[0]!.examples).toEqual([{ line: 2, raw: '1.23457E+15' }, { line: 3, raw: '1.23457E+15' }]);
    expect(warningNotes(r.ledger[0]!, 'en')[0]!.text).toContain('scientific notation');
  });

  it('one order id across two days and two customers warns (found while lines become orders)', async () => {
    const text = [
      'order_id,customer_id,order_date,amount',
      'A,C1,2024-03-05 10:00,1',
      'A,C1,2024-03-05 18:00,1', // same day: fine
      'B,C2,2024-03-05 10:00,1',
      'A,C1,2024-03-07 10:00,1', // line 5: order A on another day
      'B,C3,2024-03-05 10:00,1', // line 6: order B of another customer
    ].join('\n') + '\n';
    const r = await ok({ 'orders.csv': text }, { asOf: '2024-03-31' });
    const m = computeAllMetrics(r.dataset, configSchema.parse({ asOf: '2024-03-31' }));
    expect(m.orderIdentity.spansDates).toEqual({ count: 1, examples: [{ line: 5, id: 'A' }] });
    expect(m.orderIdentity.spansCustomers).toEqual({ count: 1, examples: [{ line: 6, id: 'B' }] });
    const ledger = withIdentityWarnings(r.ledger, m.orderIdentity);
    expect(ledger[0]!.warnings!.map((x) => [x.code, x.count])).toEqual([['order_id_spans_dates', 1], ['order_id_spans_customers', 1]]);
  });

  it('the data page never says "every row was accepted" beside excluded rows', async () => {
    const r = await ok({ 'orders.csv': 'order_id,order_date,amount,status\nA,2024-03-05,1,paid\nB,2024-03-05,1,cancelled\n' });
    expect(noReasonsNote(r.ledger, 'en')).toBe('No row was rejected; 1 rows were excluded by the status rules (orders.excludeStatuses) and are not counted.');
    const all = await ok({ 'orders.csv': 'order_id,order_date,amount\nA,2024-03-05,1\n' });
    expect(noReasonsNote(all.ledger, 'en')).toBe('Every row was accepted.');
  });
});
