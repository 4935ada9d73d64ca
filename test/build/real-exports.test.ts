import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { afterAll, describe, expect, it } from 'vitest';
import { quietPipeline } from './quiet-pipeline.ts';
import { readBundle } from '../../src/site-data/load.ts';

/**
 * Real exports (credited subsets in test/fixtures/real-exports/), each built with its preset and
 * at most a path and a date order: the figures equal sums worked out here from the raw CSV, by
 * the system's own meaning (won/paid only, not cancelled, refunds netted), not by the program.
 */
const FIXTURES = 'test/fixtures/real-exports';

async function build(files: Record<string, string>, config: string, root = FIXTURES) {
  const dir = await mkdtemp(join(tmpdir(), 'real-export-'));
  for (const [to, from] of Object.entries(files)) await copyFile(join(root, from), join(dir, to));
  await writeFile(join(dir, 'config.yaml'), config);
  const r = await quietPipeline(dir);
  return { dir, r };
}

/** the company's figure summed over every month of the bundle */
function companyTotal(dir: string, kpi: string): number {
  const b = readBundle(join(dir, 'bundle'));
  const rows = b.kpis.filter((k) => k.entity_type === 'company' && k.grain === 'month' && k.kpi === kpi);
  return rows.reduce((s, k) => s + (k.value ?? 0), 0);
}
/** the company's figure of each year (distinct buyers do not add up across periods) */
function companyYears(dir: string, kpi: string): Record<string, number> {
  const b = readBundle(join(dir, 'bundle'));
  const rows = b.kpis.filter((k) => k.entity_type === 'company' && k.grain === 'year' && k.kpi === kpi);
  return Object.fromEntries(rows.map((k) => [k.period, k.value ?? 0]));
}
/** distinct values of `key` per year of `year` (rows already filtered by the test) */
function distinctByYear<T>(rows: T[], year: (r: T) => string, key: (r: T) => string): Record<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const r of rows) {
    const y = year(r);
    if (!sets.has(y)) sets.set(y, new Set());
    sets.get(y)!.add(key(r));
  }
  return Object.fromEntries([...sets].map(([y, s]) => [y, s.size]));
}

/** `$22,247.63` → 2224763 (cents), by hand: strip the dollar sign and the thousands commas */
const cents = (s: string) => Math.round(Number(s.replace(/[$,]/g, '')) * 100);
const round2 = (n: number) => Math.round(n * 100) / 100;

describe('real exports build with their preset and the right figures', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('天猫 order report (preset tmall): paid orders only, the paid amount, refunds netted once', async () => {
    const raw = await readFile(join(FIXTURES, 'tmall/tmall_order_report.csv'), 'utf8');
    const rows = csvParse(raw);
    const paidAt = rows.columns.find((c) => c.trim() === '订单付款时间')!;
    const paid = rows.filter((r) => r[paidAt]!.trim() !== '');
    // in this report the paid amount is already net of the refund: 总金额 = 买家实际支付金额 + 退款金额 on every paid row
    for (const r of paid) expect(Math.abs(Number(r['总金额']) - Number(r['买家实际支付金额']) - Number(r['退款金额']))).toBeLessThan(0.005);
    const revenue = paid.reduce((s, r) => s + Math.round(Number(r['买家实际支付金额']) * 100), 0) / 100;
    const purchases = paid.filter((r) => Number(r['买家实际支付金额']) > 0).length;
    // what the user would have seen before: 总金额 of every row, 1.3× or more the real figure
    const gmv = rows.reduce((s, r) => s + Number(r['总金额']), 0);
    expect(gmv).toBeGreaterThan(revenue * 1.3);

    const { dir, r } = await build({ 'tmall_order_report.csv': 'tmall/tmall_order_report.csv' }, 'files:\n  orders: { path: tmall_order_report.csv, preset: tmall }\n');
    dirs.push(dir);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(round2(companyTotal(dir, 'revenue'))).toBe(revenue);
    expect(companyTotal(dir, 'purchases')).toBe(purchases);
    const orders = r.ledger.find((f) => f.name === 'orders')!;
    expect(orders.excluded).toBe(rows.length - paid.length);
    expect(orders.notes!.map((n) => n.en).join('\n')).toContain('amount: read from "买家实际支付金额" (paid/net); "总金额" (a list/gross amount) is not read.');
    expect(orders.notes!.map((n) => n.en).join('\n')).toContain('refunds: "买家实际支付金额" is already net of "退款金额"');
  });

  it('Zoho CRM invoices (preset zoho): invoices not cancelled, Grand Total, buyers by account', async () => {
    const rows = csvParse(await readFile(join(FIXTURES, 'zoho-crm/Invoices.csv'), 'utf8'));
    const live = rows.filter((r) => r['Invoice Status'] !== 'Cancelled');
    const priced = live.filter((r) => r['Grand Total']!.trim() !== '');
    const revenue = priced.reduce((s, r) => s + cents(r['Grand Total']!), 0) / 100;
    const purchases = priced.filter((r) => cents(r['Grand Total']!) > 0).length;
    // Created Time reads "20 Apr, 2021 07:49:50": the year is its four digits
    const buyers = distinctByYear(priced.filter((r) => cents(r['Grand Total']!) > 0), (r) => /\d{4}/.exec(r['Created Time']!)![0], (r) => r['Account Id']!);

    const { dir, r } = await build(
      { 'Invoices.csv': 'zoho-crm/Invoices.csv', 'Accounts.csv': 'zoho-crm/Accounts.csv' },
      // the organisation reports in USD (its amounts read "$ 1,234.00"): a second config line
      'currency: USD\nfiles:\n  orders: { path: Invoices.csv, preset: zoho }\n  customers: { path: Accounts.csv, preset: zoho }\n',
    );
    dirs.push(dir);
    if (!r.ok) throw new Error(r.error.message.en);
    const accounts = csvParse(await readFile(join(FIXTURES, 'zoho-crm/Accounts.csv'), 'utf8'));
    expect(r.ledger.find((f) => f.name === 'customers')!.accepted).toBe(accounts.length);
    expect(round2(companyTotal(dir, 'revenue'))).toBe(revenue);
    expect(companyTotal(dir, 'purchases')).toBe(purchases);
    expect(companyYears(dir, 'buyers')).toEqual(buyers);
    const orders = r.ledger.find((f) => f.name === 'orders')!;
    expect(orders.mapping).toMatchObject({ order_id: 'INVOICEID', customer_id: 'Account Id', amount: 'Grand Total', status: 'Invoice Status', owner_id: 'Invoice Owner Id' });
    expect(orders.excluded).toBe(rows.length - live.length);
    // invoices without any amount are rejected and counted, not guessed
    expect(orders.rejected).toBe(live.length - priced.length);
    expect(orders.reasons.map((x) => x.code)).toEqual(['missing_amount']);
  });

  it('Zoho CRM deals (Potentials, preset zoho): a Stage column stops nothing, only Closed Won counts', async () => {
    const rows = csvParse(await readFile(join(FIXTURES, 'zoho-crm/Potentials.csv'), 'utf8'));
    const won = rows.filter((r) => r['Stage'] === 'Closed Won');
    // Potentials has no deal id: one deal per line (orderIdentity: line), not an id from the deal's name
    expect(won.length).toBeGreaterThan(0);
    const { dir, r } = await build(
      { 'Potentials.csv': 'zoho-crm/Potentials.csv' },
      'currency: USD\nfiles:\n  orders: { path: Potentials.csv, preset: zoho, orderIdentity: line }\n',
    );
    dirs.push(dir);
    if (!r.ok) throw new Error(r.error.message.en);
    const orders = r.ledger.find((f) => f.name === 'orders')!;
    expect(orders.excluded).toBe(rows.length - won.length);
    const revenue = won.reduce((s, x) => s + cents(x['Amount']!), 0) / 100;
    expect(round2(companyTotal(dir, 'revenue'))).toBe(revenue);
    // each won deal with an amount is one purchase
    expect(companyTotal(dir, 'purchases')).toBe(won.filter((x) => cents(x['Amount']!) > 0).length);
  });

  it('Odoo sale.order relational export (preset odoo): confirmed orders, Σ line subtotals, customers', async () => {
    const rows = csvParse(await readFile(join(FIXTURES, 'odoo/sale.order.csv'), 'utf8'));
    const sold = rows.filter((r) => ['Sale Order', 'Sales Order', 'Locked'].includes(r['order_line/order_id/state']!));
    const byOrder = new Map<string, number>();
    for (const r of sold) byOrder.set(r['order_line/order_id/name']!, (byOrder.get(r['order_line/order_id/name']!) ?? 0) + Math.round(Number(r['order_line/price_subtotal']) * 100));
    const revenue = [...byOrder.values()].reduce((s, v) => s + v, 0) / 100;
    const purchases = [...byOrder.values()].filter((v) => v > 0).length;
    // dates are month first (3/15/2021 6:49): the year is the third number
    const buyers = distinctByYear(
      sold.filter((r) => (byOrder.get(r['order_line/order_id/name']!) ?? 0) > 0),
      (r) => r['order_line/order_id/date_order']!.split(/[/ ]/)[2]!,
      (r) => r['order_line/order_partner_id/display_name']!.trim(),
    );

    const { dir, r } = await build({ 'sale.order.csv': 'odoo/sale.order.csv' }, 'files:\n  orders: { path: sale.order.csv, preset: odoo, dateOrder: mdy }\n');
    dirs.push(dir);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(round2(companyTotal(dir, 'revenue'))).toBe(revenue);
    expect(companyTotal(dir, 'purchases')).toBe(purchases);
    expect(companyYears(dir, 'buyers')).toEqual(buyers);
    const orders = r.ledger.find((f) => f.name === 'orders')!;
    expect(orders.mapping).toMatchObject({ order_id: 'order_line/order_id/name', amount: 'order_line/price_subtotal', status: 'order_line/order_id/state' });
    expect(orders.accepted + orders.excluded + orders.rejected + orders.duplicates).toBe(rows.length);
  });

  it('a Shopify-layout export (synthetic, preset shopify): order totals on the first line are counted once, refunds deducted, unpaid and voided left out', async () => {
    // worked out by hand from test/fixtures/shopify/orders_export.csv:
    // #1001 paid 115.00 (2 lines) · #1002 refunded 50.00 − 50.00 = 0 · #1003 partially refunded 230.00 − 30.00 = 200.00 (3 lines)
    // #1004 pending (no Paid at, 2 lines) and #1005 voided: not sales · #1006 paid 78.00 (2 lines), the same customer as #1001
    const { dir, r } = await build({ 'orders_export.csv': 'shopify/orders_export.csv' }, 'files:\n  orders: { path: orders_export.csv, preset: shopify }\n', 'test/fixtures');
    dirs.push(dir);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(round2(companyTotal(dir, 'revenue'))).toBe(115 + 0 + 200 + 78);
    expect(companyTotal(dir, 'purchases')).toBe(3);
    expect(companyYears(dir, 'buyers')).toEqual({ 2024: 2 });
    const orders = r.ledger.find((f) => f.name === 'orders')!;
    expect([orders.read, orders.accepted, orders.excluded, orders.rejected, orders.duplicates]).toEqual([11, 8, 3, 0, 0]);
    const notes = orders.notes!.map((n) => n.en).join('\n');
    expect(notes).toContain('5 lines continue the order above');
    expect(notes).toContain('refunds: "Refunded Amount" deducted from "Total" (2 rows, 80.00).');
  });

  it('a real status column without a rule stops: Zoho invoices read without the preset list every status with its rows and amount', async () => {
    const rows = csvParse(await readFile(join(FIXTURES, 'zoho-crm/Invoices.csv'), 'utf8'));
    const { dir, r } = await build({ 'Invoices.csv': 'zoho-crm/Invoices.csv' }, 'currency: USD\nfiles:\n  orders: { path: Invoices.csv, columns: { order_date: Created Time } }\n');
    dirs.push(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('uncovered_statuses');
    const outcome: Record<string, string> = { Delivered: 'kept', Cancelled: 'excluded', Approved: 'no rule', Created: 'no rule' };
    for (const status of ['Delivered', 'Approved', 'Cancelled', 'Created']) {
      const of = rows.filter((x) => x['Invoice Status'] === status);
      const amount = of.filter((x) => x['Grand Total']!.trim() !== '').reduce((s, x) => s + cents(x['Grand Total']!), 0) / 100;
      const shown = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      expect(r.error.message.en).toContain(`"${status}": ${of.length} rows, amount ${shown} (${outcome[status]})`);
    }
    // the fix, ready to paste: the values already counted and those that read as won or paid (most rows first, ties by name)
    expect(r.error.hint!.en).toContain('orders:\n  includeStatuses: ["Approved", "Delivered"]');
    expect(r.error.hint!.en).toContain('orders:\n  statusRule: none');
  });
});
