import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse, csvParseRows } from 'd3-dsv';
import { afterAll, describe, expect, it } from 'vitest';
import { quietPipeline } from '../build/quiet-pipeline.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';
import { mapData } from '../../src/mapping/map-data.ts';

/**
 * `npm run map` on the credited real exports and on the sample company: the config.yaml it
 * writes is valid, and the data half of the build runs with it without stopping.
 */
const NOW = Date.UTC(2026, 11, 3);
const quiet = { ...nodeEffects(), log: { info: () => {}, warn: () => {} } };
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** a scratch copy of `from` (without its config.yaml), mapped and written as the command would */
async function mapped(from: string, lang: 'en' | 'zh-CN' = 'en') {
  const dir = await mkdtemp(join(tmpdir(), 'map-'));
  dirs.push(dir);
  const data = join(dir, 'data');
  await cp(from, data, { recursive: true });
  await rm(join(data, 'config.yaml'), { force: true });
  const r = await mapData({ dataDir: data, fs: quiet.fs, now: NOW, lang, label: 'data' });
  await writeFile(join(data, 'config.yaml'), r.text);
  return { ...r, dir, data };
}

const pipeline = (dir: string, data: string) => quietPipeline(dir, { data });

async function expectBuilds(m: Awaited<ReturnType<typeof mapped>>) {
  const parsed = parseConfig(m.text);
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  // the text says exactly what the proposal decided (comments aside)
  expect(parseConfig(JSON.stringify(m.proposal.config))).toEqual(parsed);
  const r = await pipeline(m.dir, m.data);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r;
}

const use = (m: Awaited<ReturnType<typeof mapped>>, name: string) => m.proposal.used.find((u) => u.name === name);

describe('npm run map on the real exports', () => {
  it('zoho-crm: accounts are the customers, one orders file is chosen with the zoho preset, and it builds', async () => {
    const m = await mapped('test/fixtures/real-exports/zoho-crm');
    const customers = use(m, 'customers')!;
    expect(customers.file).toBe('Accounts.csv');
    expect(customers.preset).toBe('zoho');
    expect(customers.columns.find((c) => c.column === 'customer_id')?.header).toBe('ACCOUNTID');
    const orders = use(m, 'orders')!;
    expect(['Invoices.csv', 'Sales_Orders.csv', 'Potentials.csv']).toContain(orders.file);
    expect(orders.preset).toBe('zoho');
    // the status values, their rows and amounts, counted here independently with d3-dsv
    const st = m.proposal.statuses;
    if (st) {
      const amountHeader = orders.columns.find((c) => c.column === 'amount')!.header;
      const rows = csvParse(await readFile(`test/fixtures/real-exports/zoho-crm/${orders.file}`, 'utf8'));
      const sums = new Map<string, { rows: number; cents: number }>();
      for (const r of rows) {
        const v = (r[st.header] ?? '').trim();
        const e = sums.get(v) ?? { rows: 0, cents: 0 };
        e.rows++;
        const a = (r[amountHeader] ?? '').replace(/[$,]/g, '');
        if (a !== '') e.cents += Math.round(Number(a) * 100);
        sums.set(v, e);
      }
      expect(st.values.map((v) => [v.value, v.rows, v.amount])).toEqual(
        [...sums].map(([v, e]) => [v, e.rows, e.cents / 100]).sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0]))),
      );
    }
    // every file of the folder is accounted for: used or not used with a reason
    expect(m.proposal.used.length + m.proposal.skipped.length).toBe((await readdir('test/fixtures/real-exports/zoho-crm')).length);
    // Users.csv has no name and no role column: the name is joined from First/Last, the role asked as a constant
    const staff = use(m, 'staff')!;
    expect(staff.file).toBe('Users.csv');
    expect(staff.columns.find((c) => c.column === 'name')).toMatchObject({ header: 'First Name + Last Name', by: 'parts' });
    expect(staff.given).toMatchObject([{ column: 'role', setting: 'constants', question: true }]);
    // Calls.csv has no interaction type (Call Type is a direction): its name gives every row's type,
    // and it is read as interactions (most of its calls have no customer: left out, with that reason)
    const calls = m.proposal.skipped.find((x) => x.file === 'Calls.csv')!;
    expect(calls.why.kind).toBe('mostly_rejected');
    expect(calls.why.kind === 'mostly_rejected' && calls.why.ledger.mapping.type).toBe('= "call" (constants)');
    // Potentials.csv has no deal id: the advice is one order per line, never an id from the deal's name
    expect(orders.file).toBe('Invoices.csv');
    expect(m.text).toContain('set files.orders.path: Potentials.csv, orderIdentity: line');
    await expectBuilds(m);
  });

  it('odoo: dateOrder mdy, with the count of rows whose second number can only be a day', async () => {
    const m = await mapped('test/fixtures/real-exports/odoo');
    // independent count: every cell of the file shaped n/n/yyyy whose second number is over 12
    const rows = csvParseRows(await readFile('test/fixtures/real-exports/odoo/sale.order.csv', 'utf8')).slice(1);
    let monthFirst = 0, dayFirst = 0;
    for (const row of rows) {
      for (const cell of row) {
        const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(cell.trim());
        if (!d) continue;
        if (Number(d[2]) > 12 && Number(d[1]) <= 12) monthFirst++;
        if (Number(d[1]) > 12 && Number(d[2]) <= 12) dayFirst++;
      }
    }
    expect(monthFirst).toBeGreaterThan(100);
    expect(dayFirst).toBe(0);
    expect(m.proposal.dates['sale.order.csv']).toMatchObject({ kind: 'proven', order: 'mdy', rows: monthFirst });
    expect(m.text).toContain(`dateOrder: mdy   # month first: the second number is over 12 (a day) in ${monthFirst} rows`);
  });

  it('odoo: the proposal reads the lines as orders and builds', async () => {
    const m = await mapped('test/fixtures/real-exports/odoo');
    const orders = use(m, 'orders')!;
    expect(orders.file).toBe('sale.order.csv');
    expect(orders.preset).toBe('odoo');
    expect((m.proposal.config as { files: { orders: { dateOrder: string } } }).files.orders.dateOrder).toBe('mdy');
    await expectBuilds(m);
  });

  it('tmall: the paid amount is chosen over the total, refunds are read, and it builds', async () => {
    const m = await mapped('test/fixtures/real-exports/tmall');
    const orders = use(m, 'orders')!;
    expect(orders.preset).toBe('tmall');
    const header = (column: string) => orders.columns.find((c) => c.column === column)?.header;
    expect(header('amount')).toBe('买家实际支付金额');
    expect(orders.columns.find((c) => c.column === 'amount')?.others).toContain('总金额');
    expect(header('refund_amount')).toBe('退款金额');
    expect(header('order_date')).toBe('订单创建时间');
    await expectBuilds(m);
  });
});

describe('npm run map on the sample company', () => {
  it('reads every canonical file under its own name, asks the time zone and currency, and builds', async () => {
    const m = await mapped('data', 'zh-CN');
    const names = m.proposal.used.map((u) => `${u.name}←${u.file}`);
    expect(names).toEqual(['orders←orders.csv', 'customers←customers.csv', 'staff←staff.csv', 'tickets←tickets.csv',
      'interactions←interactions.csv', 'surveys←surveys.csv', 'targets←targets.csv', 'tasks←tasks.csv']);
    for (const u of m.proposal.used) {
      expect(u.preset).toBeNull();
      expect(u.columns.every((c) => c.by === 'canonical')).toBe(true);
    }
    // nothing in the files says the zone or the currency: both are questions, defaults kept
    expect(m.text).toContain('# 问题：这些时间是按哪个时区记录的？');
    expect(m.text).toContain('# currency: CNY');
    const r = await expectBuilds(m);
    // the sample's own rows: the same ledger as with its shipped config (which maps nothing)
    const orders = r.ok ? r.ledger.find((l) => l.name === 'orders')! : null;
    expect(orders?.rejected).toBe(2);
  });
});

describe('npm run map --write', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['scripts/map.ts', ...args], { encoding: 'utf8' });

  it('writes data/config.yaml, refuses to replace it without --force, replaces it with --force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'map-write-'));
    dirs.push(dir);
    await cp('test/fixtures/real-exports/zoho-crm', dir, { recursive: true });
    const first = run(['--data', dir, '--write', '--lang', 'en']);
    expect(first.status).toBe(0);
    const written = await readFile(join(dir, 'config.yaml'), 'utf8');
    expect(parseConfig(written).ok).toBe(true);
    await writeFile(join(dir, 'config.yaml'), 'mine: true\n');
    const second = run(['--data', dir, '--write']);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('--force');
    expect(await readFile(join(dir, 'config.yaml'), 'utf8')).toBe('mine: true\n');
    const third = run(['--data', dir, '--write', '--force', '--lang', 'en']);
    expect(third.status).toBe(0);
    expect(await readFile(join(dir, 'config.yaml'), 'utf8')).toBe(written);
    // no temp file left behind
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
