import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { afterAll, describe, expect, it } from 'vitest';
import { quietPipeline } from './quiet-pipeline.ts';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import { toCsv } from '../../src/publish/to-csv.ts';
import { readBundle } from '../../src/site-data/load.ts';
import { pageTables, wholeTables } from '../../src/site-data/tables.ts';
import type { SiteBundle } from '../../src/bundle/contract.ts';

/**
 * Issue 13's proof of exact money: every number in every published table (the bundle's JSON and
 * NDJSON files) and in every CSV download, of the sample company and of a refund-heavy company,
 * is free of binary floating-point residue (no `2.27e-13` for a zero), and every amount of money
 * has at most the currency's two decimals and no trace of summed doubles. (Hours and scores are
 * quotients and may carry 16 digits; they are not amounts.) Residue is what summing binary doubles leaves: `2.2737367544323206e-13` for a
 * net of 0, `25359.390000000003`, `0.30000000000000004`.
 */
const run = (dir: string) => quietPipeline(dir);

/** anywhere: a zero that is not one (`2.2737367544323206e-13`), as the shortest text shows it */
const tiny = (text: string): boolean => /e-/i.test(text);
/** money: also the noise of a sum of doubles (`0.30000000000000004`, `25359.389999999998`) */
const noisy = (text: string): boolean => tiny(text) || /\.\d*(0{7,}|9{7,})\d{1,2}$/.test(text);
const decimals = (text: string): number => (/\.(\d+)$/.exec(text)?.[1]?.length ?? 0);

interface Finding { where: string; text: string; key?: string }

/**
 * Model estimates that are neither amounts nor sums: a probability or an expected count from the
 * BG/NBD can truly be 1.1e-7 (a customer long silent), which is a value, not residue.
 */
const ESTIMATES = new Set(['p_alive', 'expected_purchases_90d', 'expected_purchases_12m']);

/** every number below a JSON value, with its path */
function numbers(v: unknown, where: string, out: Finding[]): void {
  if (typeof v === 'number') out.push({ where, text: JSON.stringify(v), key: /\.([^.[\]]+)$/.exec(where)?.[1] });
  else if (Array.isArray(v)) v.forEach((x, i) => numbers(x, `${where}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbers(x, `${where}.${k}`, out);
}

const currencyKpis = new Set(kpiCatalogue.filter((k) => k.unit === 'currency').map((k) => k.id));
const partsKpis = new Set(kpiCatalogue.filter((k) => k.parts === 'currency').map((k) => k.id));

/** the bundle's amounts of money, by where they are published */
function moneyOfBundle(b: SiteBundle): Finding[] {
  const out: Finding[] = [];
  const add = (where: string, v: number | null | undefined) => { if (typeof v === 'number') out.push({ where, text: JSON.stringify(v) }); };
  for (const k of b.kpis) {
    if (currencyKpis.has(k.kpi)) { add(`kpis ${k.kpi} value`, k.value); add(`kpis ${k.kpi} numerator`, k.numerator); }
    if (partsKpis.has(k.kpi)) { add(`kpis ${k.kpi} numerator`, k.numerator); add(`kpis ${k.kpi} denominator`, k.denominator); }
  }
  for (const c of b.cohorts ?? []) add('cohorts revenue', c.revenue);
  for (const c of b.customers ?? []) { add('customers monetary', c.monetary); add('customers value_revenue', c.value_revenue); }
  for (const e of b.rfm?.edges.monetary ?? []) add('rfm edges monetary', e);
  for (const s of b.rfm?.segments.rows ?? []) add('rfm segments revenue', s.revenue);
  add('rfm atRiskValue', b.rfm?.segments.atRiskValue);
  for (const t of b.valueTiers?.summary ?? []) add('value tiers revenue', t.revenue);
  for (const c of b.channels ?? []) add('channels gross_sales', c.gross_sales);
  // the ledger's amounts: each status value's, the duplicate lines' at stake
  for (const f of b.ledger) {
    for (const v of f.statuses?.values ?? []) add(`ledger ${f.name} status ${v.value}`, v.amount);
    add(`ledger ${f.name} duplicate lines`, f.duplicateLines?.amount);
  }
  // the customer-base models' money estimates and their portfolio sums
  for (const c of b.customerHealth ?? []) {
    for (const k of ['expected_purchase_value', 'expected_value', 'value_if_active', 'value_at_risk'] as const) add(`customer health ${k}`, c[k]);
  }
  for (const p of b.customerPortfolio ?? []) { add('portfolio value', p.value); add('portfolio valueAtRisk', p.valueAtRisk); }
  const cb = b.manifest.customerBase;
  if (cb?.ok) add('customer base highValueCut', cb.highValueCut);
  return out;
}

/** the machine column names of the whole-table downloads that hold money */
const MONEY_HEADERS = ['revenue', 'monetary', 'value_revenue', 'gross_sales', 'expected_purchase_value', 'expected_value', 'value_if_active', 'value_at_risk'];

/** every download of the site (both languages' page tables, the whole tables), as parsed CSV */
interface Download { name: string; header: string[]; rows: string[][]; money: Set<number>; keys?: string[] }
function downloads(b: SiteBundle): Download[] {
  const out: Download[] = [];
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const t of pageTables(b, locale)) {
      const [header, ...rows] = csvParseRows(toCsv(t.columns, t.rows).replace(/^\uFEFF/, ''));
      // money: currency columns, and value columns whose row's unit is currency
      const money = new Set<number>();
      t.columns.forEach((c, i) => { if (c.kind === 'currency') money.add(i); });
      out.push({ name: `${locale}/${t.id}.csv`, header: header!, rows, money, keys: t.columns.map((c) => c.key) });
      t.columns.forEach((c, i) => {
        if (!c.unitKey) return;
        const moneyRows = t.rows.map((r, k) => (r[c.unitKey!] === 'currency' ? k : -1)).filter((k) => k >= 0);
        out.push({ name: `${locale}/${t.id}.csv (${c.key}, currency rows)`, header: header!, rows: moneyRows.map((k) => [rows[k]![i]!]), money: new Set([0]) });
      });
    }
  }
  for (const w of wholeTables(b)) {
    const [header, ...rows] = csvParseRows(toCsv(w.columns, w.rows).replace(/^\uFEFF/, ''));
    const money = new Set<number>();
    header!.forEach((h, i) => { if (MONEY_HEADERS.includes(h)) money.add(i); });
    out.push({ name: `${w.name}.csv`, header: header!, rows, money });
  }
  const kpis = wholeTables(b).find((w) => w.name === 'kpis')!;
  const kpiMoney = (kpis.rows as { kpi: string; value: unknown; numerator: unknown }[]).filter((r) => currencyKpis.has(r.kpi));
  const [, ...kpiRows] = csvParseRows(toCsv([{ key: 'value', header: 'value' }, { key: 'numerator', header: 'numerator' }], kpiMoney).replace(/^\uFEFF/, ''));
  out.push({ name: 'kpis.csv (currency KPIs)', header: ['value', 'numerator'], rows: kpiRows, money: new Set([0, 1]) });
  return out;
}

async function scan(dir: string): Promise<{ residue: Finding[]; tooPrecise: Finding[]; amounts: number }> {
  const bundleDir = join(dir, 'bundle');
  const found: Finding[] = [];
  for (const f of await readdir(bundleDir)) {
    const text = await readFile(join(bundleDir, f), 'utf8');
    if (f.endsWith('.ndjson')) text.split('\n').filter((l) => l !== '').forEach((l, i) => numbers(JSON.parse(l), `${f}:${i + 1}`, found));
    else if (f.endsWith('.json')) numbers(JSON.parse(text), f, found);
  }
  const b = readBundle(bundleDir);
  const money = moneyOfBundle(b);
  for (const d of downloads(b)) {
    d.rows.forEach((r, k) => r.forEach((cell, i) => {
      if (/^-?[\d.]+(e[-+]?\d+)?$/i.test(cell)) found.push({ where: `${d.name} line ${k + 2} ${d.header[i] ?? ''}`, text: cell, key: d.keys?.[i] ?? d.header[i] });
      if (d.money.has(i) && cell !== '') money.push({ where: `${d.name} line ${k + 2} ${d.header[i] ?? ''}`, text: cell });
    }));
  }
  return {
    residue: found.filter((x) => tiny(x.text) && !ESTIMATES.has(x.key ?? '')),
    tooPrecise: money.filter((x) => noisy(x.text) || decimals(x.text) > 2),
    amounts: money.length,
  };
}

/**
 * A company of refunds, credits and cents: every amount a sum of tenths, many nets exactly 0;
 * partial refunds in a refund column, cancelled orders (a status column) and exact duplicate
 * lines, so the ledger's amounts are sums of cents too.
 */
function refundHeavy(): { orders: string; customers: string } {
  let seed = 20261203;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const cents = ['0.10', '0.20', '0.30', '19.99', '0.07', '1234.56', '2.55', '0.01', '99.95', '3.33'];
  const refunds = ['0.01', '0.07', '0.10', '0.03'];
  const lines = ['order_id,customer_id,order_date,amount,channel,status,refund_amount'];
  const customers = ['customer_id,name,region'];
  for (let c = 0; c < 300; c++) customers.push(`C${c},Customer ${c},${['north', 'south', 'east'][c % 3]}`);
  let id = 0;
  for (let c = 0; c < 300; c++) {
    const n = 1 + Math.floor(rnd() * 6);
    for (let k = 0; k < n; k++) {
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 27);
      const date = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const lineCount = 1 + Math.floor(rnd() * 4);
      const picks = Array.from({ length: lineCount }, () => cents[Math.floor(rnd() * cents.length)]!);
      const order = `O${id++}`;
      const channel = () => (rnd() < 0.5 ? 'web' : 'store');
      // most purchases are refunded in full, line by line, a few days later (a credit note)
      if (rnd() < 0.6) {
        for (const p of picks) lines.push(`${order},C${c},${date},${p},${channel()},paid,`);
        const later = `2025-${String(month).padStart(2, '0')}-${String(Math.min(28, day + 1)).padStart(2, '0')}`;
        const credit = `R${id++}`;
        for (const p of picks) lines.push(`${credit},C${c},${later},-${p},${channel()},paid,`);
      } else if (rnd() < 0.2) {
        for (const p of picks) lines.push(`${order},C${c},${date},${p},${channel()},cancelled,`);
      } else {
        // partial refunds of a few cents in the refund column, and now and then a line exported twice
        for (const p of picks) {
          const refund = p.startsWith('0.0') ? '' : rnd() < 0.5 ? refunds[Math.floor(rnd() * refunds.length)]! : '';
          const line = `${order},C${c},${date},${p},${channel()},paid,${refund}`;
          lines.push(line);
          if (rnd() < 0.1) lines.push(line);
        }
      }
    }
  }
  return { orders: lines.join('\n') + '\n', customers: customers.join('\n') + '\n' };
}

/** The refund-heavy company reporting in USD, a third of its rows in EUR or JPY converted by a rates file. */
function converted(): { orders: string; customers: string; rates: string } {
  const f = refundHeavy();
  const lines = f.orders.trimEnd().split('\n');
  const currencies = ['USD', 'EUR', 'JPY'];
  const out = [`${lines[0]},currency`];
  for (let i = 1; i < lines.length; i++) {
    const c = currencies[i % 3]!;
    const cells = lines[i]!.split(',');
    // yen have no minor unit: the same digits read as whole yen (12.34 → 1234)
    const yen = (v: string) => (v === '' ? v : String(Number(v.replace('.', ''))));
    if (c === 'JPY') { cells[3] = yen(cells[3]!); cells[6] = yen(cells[6]!); }
    out.push(`${cells.join(',')},${c}`);
  }
  const rates = 'date,currency,rate\n2024-12-01,EUR,1.0389\n2025-06-01,EUR,1.1417\n2024-12-01,JPY,0.006413\n2025-07-15,JPY,0.0067\n';
  return { orders: out.join('\n') + '\n', customers: f.customers, rates };
}

describe('no binary residue in any published number (issue 13)', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('the sample company: bundle tables and every download', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residue-sample-'));
    dirs.push(dir);
    await cp('data', dir, { recursive: true });
    const r = await run(dir);
    expect(r.ok).toBe(true);
    const s = await scan(dir);
    expect(s.amounts).toBeGreaterThan(1000);
    expect(s.residue).toEqual([]);
    expect(s.tooPrecise).toEqual([]);
  }, 240_000); // a whole pipeline over the sample's 50k order lines: a minute on a loaded machine

  it('a refund-heavy company (cents, tenths, full credits): nets of 0 are 0, not 2e-13', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residue-refunds-'));
    dirs.push(dir);
    const f = refundHeavy();
    await writeFile(join(dir, 'orders.csv'), f.orders);
    await writeFile(join(dir, 'customers.csv'), f.customers);
    await writeFile(join(dir, 'config.yaml'), 'asOf: "2025-12-31"\n');
    const r = await run(dir);
    expect(r.ok).toBe(true);
    const s = await scan(dir);
    expect(s.amounts).toBeGreaterThan(500);
    expect(s.residue).toEqual([]);
    expect(s.tooPrecise).toEqual([]);
    // customers whose every purchase was credited publish exactly 0
    const b = readBundle(join(dir, 'bundle'));
    // the ledger's amounts are there to be scanned: cancelled orders, lines dropped as duplicates
    const orders = b.ledger.find((f) => f.name === 'orders')!;
    expect(orders.statuses!.values.find((v) => v.value === 'cancelled')!.amount).toBeGreaterThan(0);
    expect(orders.duplicateLines!.amount).toBeGreaterThan(0);
    const zero = (b.customers ?? []).filter((c) => c.value_revenue === 0 && c.last_purchase !== null);
    expect(zero.length).toBeGreaterThan(10);
    for (const c of zero) expect(c.value_tier).toBe('none');
  });

  it('a company reporting in USD with EUR and JPY rows converted by a rates file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residue-rates-'));
    dirs.push(dir);
    const f = converted();
    await writeFile(join(dir, 'orders.csv'), f.orders);
    await writeFile(join(dir, 'customers.csv'), f.customers);
    await writeFile(join(dir, 'rates.csv'), f.rates);
    await writeFile(join(dir, 'config.yaml'), 'asOf: "2025-12-31"\ncurrency: USD\nrates: rates.csv\n');
    const r = await run(dir);
    if (!r.ok) throw new Error(r.error.message.en);
    const s = await scan(dir);
    expect(s.amounts).toBeGreaterThan(500);
    expect(s.residue).toEqual([]);
    expect(s.tooPrecise).toEqual([]);
    const b = readBundle(join(dir, 'bundle'));
    expect(b.manifest.currency).toBe('USD');
    expect(b.ledger.find((x) => x.name === 'orders')!.notes!.some((n) => n.en.startsWith('amounts in EUR ('))).toBe(true);
  });
});
