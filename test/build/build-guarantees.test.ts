import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, scratch, treeHashes } from './support.ts';

// Whole builds of the sample company through scripts/build.ts, as a user runs them.
describe('build guarantees', () => {
  let s: Awaited<ReturnType<typeof scratch>>;
  let first: Map<string, string>;

  beforeAll(async () => {
    s = await scratch();
    const r = build(s);
    expect(r.code, r.stderr).toBe(0);
    first = await treeHashes(s.out);
  }, 300_000);
  afterAll(async () => {
    await rm(s.dir, { recursive: true, force: true });
  });

  it('two builds of the same inputs give byte-identical dist trees', async () => {
    const again = { ...s, out: join(s.dir, 'dist-again') };
    const r = build(again, ['--no-cache']);
    expect(r.code, r.stderr).toBe(0);
    const second = await treeHashes(again.out);
    expect(second.size).toBe(first.size);
    const differing = [...first].filter(([p, h]) => second.get(p) !== h).map(([p]) => p);
    expect(differing).toEqual([]);
  }, 300_000);

  it('a build that fails on a broken input leaves the previous dist untouched and says how to fix it', async () => {
    const orders = join(s.data, 'orders.csv');
    const text = await readFile(orders, 'utf8');
    // Rename the order_date header: the required column is now missing.
    await writeFile(orders, text.replace('order_date', 'Bestelldatum'));
    const r = build(s);
    await writeFile(orders, text);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('orders.csv');
    expect(r.stderr).toContain('order_date');
    expect(r.stderr).toContain('Bestelldatum');
    expect(r.stderr).toMatch(/was not changed/);
    const after = await treeHashes(s.out);
    expect([...after]).toEqual([...first]);
  }, 300_000);

  it('never publishes raw inputs, quarantine files or contact details', async () => {
    const files = [...first.keys()];
    expect(files.filter((f) => f.endsWith('.csv') && /^(orders|customers|staff|tickets|interactions|surveys|targets|tasks)\.csv$/.test(f.split('/').pop()!))).toEqual([]);
    expect(files.filter((f) => f.includes('quarantine'))).toEqual([]);
    // every phone number and e-mail of the sample's customers.csv
    const customers = await readFile(join(s.data, 'customers.csv'), 'utf8');
    const [header, ...rows] = customers.trim().split('\n');
    const cols = header!.split(',');
    const phone = cols.indexOf('phone');
    const email = cols.indexOf('email');
    const secrets = new Set<string>();
    for (const row of rows) {
      const cells = row.split(',');
      if (cells[phone]) secrets.add(cells[phone]!);
      if (cells[email]) secrets.add(cells[email]!);
    }
    expect(secrets.size).toBeGreaterThan(100);
    // the sample's phones are digit runs and its e-mails plain addresses: every such token of every
    // published file is looked up (one pass per file, instead of one search per secret)
    expect([...secrets].every((x) => /^\d{7,}$|^[\w.+-]+@[\w.-]+$/.test(x))).toBe(true);
    const leaks: string[] = [];
    for (const f of files) {
      if (!/\.(html|csv|json|txt|js)$/.test(f)) continue;
      const text = await readFile(join(s.out, f), 'utf8');
      for (const token of text.match(/\d{7,}|[\w.+-]+@[\w.-]+/g) ?? []) {
        if (secrets.has(token) || secrets.has(token.replace(/\.+$/, ''))) leaks.push(`${f}: ${token}`);
      }
    }
    expect(leaks.slice(0, 5)).toEqual([]);
  }, 300_000);
});
