import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Hostile strings for the injection tests, each tagged with where it was put so a finding names
 * its source. Markup payloads (`<script>`, `<img onerror>`, `<svg onload>`, `javascript:` URLs,
 * a `</script>` break-out for data embedded in inline scripts, a quote break-out for attributes)
 * and spreadsheet formulas for the CSV downloads.
 */
export const payloads = {
  script: (tag: string) => `<script>alert('${tag}')</script>`,
  img: (tag: string) => `"><img src=x onerror=alert('${tag}')>`,
  js: (tag: string) => `javascript:alert('${tag}')`,
  svg: (tag: string) => `<svg onload=alert('${tag}')>`,
  breakout: (tag: string) => `</script><script>alert('${tag}')</script>`,
  attr: (tag: string) => `' onmouseover='alert("${tag}")' x='`,
};

/** Formula payloads put into customer names: they must come out prefixed with `'` in CSVs. */
export const formulas = ['=HYPERLINK("http://x","y")', '-cmd', '@SUM(A1)', '+1+cmd'];

export interface Injection {
  file: string;
  column: string;
  /** the value replaced (every cell of the column holding it), or a row selector */
  from: string;
  to: string;
}

async function rewrite(data: string, file: string, edit: (header: string[], rows: string[][]) => void): Promise<void> {
  const path = join(data, file);
  const [header, ...rows] = csvParseRows(await readFile(path, 'utf8'));
  edit(header!, rows);
  await writeFile(path, csvFormatRows([header!, ...rows]) + '\n');
}

/** Replace every cell of `column` equal to `from` with `to`. Returns how many cells changed. */
export async function replaceValue(data: string, file: string, column: string, from: string, to: string): Promise<number> {
  let n = 0;
  await rewrite(data, file, (header, rows) => {
    const c = header.indexOf(column);
    if (c < 0) throw new Error(`${file} has no column ${column}`);
    for (const r of rows) if (r[c] === from) { r[c] = to; n++; }
  });
  return n;
}

/** Set `column` of the row whose `keyColumn` is `key`. */
export async function setCell(data: string, file: string, keyColumn: string, key: string, column: string, to: string): Promise<void> {
  await rewrite(data, file, (header, rows) => {
    const k = header.indexOf(keyColumn);
    const c = header.indexOf(column);
    const row = rows.find((r) => r[k] === key);
    if (!row) throw new Error(`${file}: no row ${keyColumn}=${key}`);
    row[c] = to;
  });
}

/** Customer ids by net order revenue in the file, highest first (an independent sum of orders.csv). */
export async function topCustomers(data: string, n: number): Promise<string[]> {
  const [header, ...rows] = csvParseRows(await readFile(join(data, 'orders.csv'), 'utf8'));
  const c = header!.indexOf('customer_id');
  const a = header!.indexOf('amount');
  const sums = new Map<string, number>();
  for (const r of rows) if (r[c]) sums.set(r[c]!, (sums.get(r[c]!) ?? 0) + Number(r[a]));
  return [...sums].sort((x, y) => y[1] - x[1]).slice(0, n).map(([id]) => id);
}

/**
 * Inject hostile strings into a scratch copy of data/: customer names (all of them, four with
 * spreadsheet formulas), a staff name, a team name (teams become URL paths),
 * ticket categories and channels, order channels and products. Returns every injected string
 * with where it went.
 */
export async function injectHostile(data: string): Promise<{ markup: Injection[]; formulaCustomers: string[] }> {
  const markup: Injection[] = [];
  const kinds = Object.keys(payloads) as (keyof typeof payloads)[];
  // customers.csv: every customer gets a hostile name (markup payloads in turn), so whichever
  // customers a page lists are hostile; four big customers get spreadsheet formulas instead
  const formulaCustomers = (await topCustomers(data, formulas.length)).slice(0, formulas.length);
  await rewrite(data, 'customers.csv', (header, rows) => {
    const id = header.indexOf('customer_id');
    const name = header.indexOf('name');
    rows.forEach((r, i) => {
      const f = formulaCustomers.indexOf(r[id]!);
      r[name] = f >= 0 ? formulas[f]! : payloads[kinds[i % kinds.length]!](`customer-${kinds[i % kinds.length]}`);
    });
  });
  for (const k of kinds) markup.push({ file: 'customers.csv', column: 'name', from: '*', to: payloads[k](`customer-${k}`) });

  const replace = async (file: string, column: string, from: string, to: string) => {
    const n = await replaceValue(data, file, column, from, to);
    if (n === 0) throw new Error(`${file}.${column}: no cell "${from}"`);
    markup.push({ file, column, from, to });
  };
  await replace('staff.csv', 'name', '何峰晓', payloads.img('staff'));
  await replace('staff.csv', 'name', '黄霞', payloads.script('staff2'));
  await replace('staff.csv', 'name', '魏怡', payloads.attr('staff3'));
  // team names also become URL paths (/teams/<slug>/)
  await replace('staff.csv', 'team', '华东一组', payloads.svg('team'));
  await replace('staff.csv', 'team', '华南组', payloads.script('team2'));
  await replace('staff.csv', 'team', '华北组', payloads.img('team3'));
  await replace('staff.csv', 'team', '西南组', payloads.attr('team4'));
  await replace('tickets.csv', 'category', '发票问题', payloads.script('ticket-category'));
  await replace('tickets.csv', 'category', '售后服务', payloads.breakout('ticket-category2'));
  await replace('tickets.csv', 'category', '质量问题', payloads.img('ticket-category3'));
  await replace('tickets.csv', 'channel', '微信', payloads.img('ticket-channel'));
  await replace('tickets.csv', 'channel', '电话', payloads.js('ticket-channel2'));
  await replace('orders.csv', 'channel', '微信', payloads.svg('order-channel'));
  await replace('orders.csv', 'channel', '门店', payloads.js('order-channel2'));
  await replace('orders.csv', 'channel', '电话', payloads.attr('order-channel3'));
  await replace('orders.csv', 'product', '蓝牙耳机', payloads.img('order-product'));
  await replace('orders.csv', 'product', '咖啡豆', payloads.attr('order-product2'));
  return { markup, formulaCustomers };
}

/**
 * Append hostile rows to orders.csv, each with the ledger outcome it must have: a NUL byte in an
 * id, a 100 KB product name, a ragged row, a date in 2100. Returns [reason, column, line] each.
 */
export async function appendHostileRows(data: string): Promise<[string, string, number][]> {
  const path = join(data, 'orders.csv');
  let text = await readFile(path, 'utf8');
  if (!text.endsWith('\n')) text += '\n';
  let line = text.split('\n').length; // the line the next row starts on
  const rows: [string, string, string][] = [
    ['SOX0001,C\u00001,2026-09-30 10:00:00,10,1,10,,已完成,微信,笔,办公耗材,华东', 'nul_byte', 'customer_id'],
    [`SOX0002,C00001,2026-09-30 10:00:00,10,1,10,,已完成,微信,${'x'.repeat(100_000)},办公耗材,华东`, 'value_too_long', 'product'],
    ['SOX0003,C00001,2026-09-30 10:00:00,10', 'ragged_row', ''],
    ['SOX0004,C00001,2100-01-01 10:00:00,10,1,10,,已完成,微信,笔,办公耗材,华东', 'date_out_of_range', 'order_date'],
  ];
  const out: [string, string, number][] = [];
  for (const [row, reason, column] of rows) {
    text += row + '\n';
    out.push([reason, column, line++]);
  }
  await writeFile(path, text);
  return out;
}
