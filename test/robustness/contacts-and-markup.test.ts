import { csvParseRows } from 'd3-dsv';
import { createHmac } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, scratch } from '../build/support.ts';
import { replaceValue, setCell } from './hostile-data.ts';

/*
 * Issue 17.1, 17.2 and 11.7 through the real build command. A scratch copy of data/ gets contact
 * details typed into fields that are not contact columns (a customer's name and region, a staff
 * name, a rejected amount), customer ids that ARE a phone number, an e-mail address and a
 * resident id (as in many shop exports), and a role card whose body carries markup. Then every
 * published byte is searched: HTML pages, CSV downloads, JSON, and the Pagefind index
 * (decompressed). None of the raw values may appear; their masked forms and pseudonyms do, and
 * the pseudonymised customers still join their orders.
 */

const RESIDENT_ID = (() => {
  // a resident id with a valid birth date and check digit, worked out here (ISO 7064 MOD 11-2)
  const base = '11010519491231002';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return base + '10X98765432'[sum % 11]!;
})();

/** raw personal values, each as it must never appear in published output */
const RAW = {
  nameMobile: '13912345678',
  regionEmail: 'zhang.wei@example.com',
  staffPhone: '+86 139-8765-4321',
  rejected: '18512345678',
  idPhone: '13800138000',
  idEmail: 'buyer.li@example.com',
  idResident: RESIDENT_ID,
};

const HOSTILE_BODY = `
<!-- lang: all -->

<script>alert('card')</script>

<img src=x onerror="alert('card-img')">

<iframe src="https://evil.example/"></iframe>

[click](javascript:alert('card-link')) [data](data:text/html,hi)
`;

async function files(root: string): Promise<string[]> {
  const out: string[] = [];
  const go = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await go(p);
      else out.push(p);
    }
  };
  await go(root);
  return out;
}

/** a published file's text: gzip (Pagefind) decompressed */
async function publishedText(path: string): Promise<string> {
  const b = await readFile(path);
  return (b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b).toString('utf8');
}

describe('personal data in any field, markup in role cards: the built site', () => {
  let s: Awaited<ReturnType<typeof scratch>>;
  const texts = new Map<string, string>();
  let key = '';

  beforeAll(async () => {
    s = await scratch();
    await setCell(s.data, 'customers.csv', 'customer_id', 'C00001', 'name', `王先生 ${RAW.nameMobile}`);
    await setCell(s.data, 'customers.csv', 'customer_id', 'C00002', 'region', `华北 ${RAW.regionEmail}`);
    await replaceValue(s.data, 'staff.csv', 'name', '何峰晓', `何峰晓 ${RAW.staffPhone}`);
    // customer ids that are personal identifiers, in every file that names the customer
    for (const [from, to] of [['C00068', RAW.idPhone], ['C00724', RAW.idEmail], ['C00174', RAW.idResident]] as const) {
      for (const f of ['customers.csv', 'orders.csv', 'tickets.csv', 'interactions.csv', 'surveys.csv']) await replaceValue(s.data, f, 'customer_id', from, to);
    }
    const orders = join(s.data, 'orders.csv');
    await writeFile(orders, (await readFile(orders, 'utf8')) + `SOX9001,C00001,2026-09-30 10:00:00,call ${RAW.rejected},1,10,S001,已完成,微信,笔,办公耗材,华东\n`);
    const card = join(s.data, 'roles', 'account-manager.md');
    await writeFile(card, (await readFile(card, 'utf8')) + HOSTILE_BODY);
    const r = build(s);
    expect(r.code, r.stderr).toBe(0);
    key = (await readFile(join(s.dir, 'pseudonym-key'), 'utf8')).trim();
    for (const f of await files(s.out)) texts.set(relative(s.out, f), await publishedText(f));
  }, 600_000);
  afterAll(async () => {
    await rm(s.dir, { recursive: true, force: true });
  });

  it('publishes pages, CSV downloads, JSON and a Pagefind index (what the search covers)', () => {
    const kinds = new Set([...texts.keys()].map((f) => (f.startsWith('pagefind/') ? 'pagefind' : f.split('.').pop())));
    expect([...kinds]).toEqual(expect.arrayContaining(['html', 'csv', 'json', 'pagefind']));
  });

  it('no raw phone number, e-mail or resident id anywhere in the published bytes', () => {
    const found: string[] = [];
    for (const [f, text] of texts) {
      for (const [what, raw] of Object.entries(RAW)) {
        // the digits alone as well: a phone written with separators is still found
        const digits = raw.replace(/\D/g, '');
        if (text.includes(raw) || (digits.length >= 11 && text.replace(/[\s-]/g, '').includes(digits))) found.push(`${f}: ${what}`);
      }
    }
    expect(found.slice(0, 10)).toEqual([]);
  });

  it('contact details inside text are masked in place, in pages and downloads', () => {
    const tiers = texts.get('downloads/customer-tiers.csv')!.slice(1);
    const [header, ...rows] = csvParseRows(tiers);
    const at = (c: string) => header!.indexOf(c);
    const c1 = rows.find((r) => r[at('customer_id')] === 'C00001')!;
    expect(c1[at('name')]).toBe('王先生 139****5678');
    const c2 = rows.find((r) => r[at('customer_id')] === 'C00002')!;
    expect(c2[at('region')]).toBe('华北 z***@example.com');
    const html = [...texts].filter(([f]) => f.endsWith('.html')).map(([, t]) => t).join('\n');
    expect(html).toContain('何峰晓 139****4321');
    // the rejected amount is shown on the data page and its download, masked
    const reasons = texts.get('downloads/data-reasons.csv')!;
    expect(reasons).toContain('call 185****5678');
  });

  it('an identifier that is a phone, e-mail or resident id becomes a stable pseudonym that still joins', async () => {
    const tiers = texts.get('downloads/customer-tiers.csv')!.slice(1);
    const [header, ...rows] = csvParseRows(tiers);
    const ids = new Set(rows.map((r) => r[header!.indexOf('customer_id')]!));
    // the pseudonym worked out independently: HMAC-SHA256 with the build's key, 16 hex digits
    const anon = (v: string) => `anon-${createHmac('sha256', key).update(v).digest('hex').slice(0, 16)}`;
    for (const raw of [RAW.idPhone, RAW.idEmail, RAW.idResident]) expect(ids.has(anon(raw)), raw).toBe(true);
    // the pseudonymised customer keeps its orders: its order count equals the lines in orders.csv
    const [oh, ...orders] = csvParseRows(await readFile(join(s.data, 'orders.csv'), 'utf8'));
    const lines = orders.filter((r) => r[oh!.indexOf('customer_id')] === RAW.idPhone && r[oh!.indexOf('status')] === '已完成');
    const row = rows.find((r) => r[header!.indexOf('customer_id')] === anon(RAW.idPhone))!;
    expect(Number(row[header!.indexOf('frequency')])).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('the role card shows no markup from its body, in either language', () => {
    for (const page of ['roles/account-manager/index.html', 'en/roles/account-manager/index.html']) {
      const html = texts.get(page)!;
      expect(html, page).not.toContain("alert('card");
      expect(html, page).not.toMatch(/<iframe|onerror=|javascript:|href="data:/i);
    }
  });

  it('role-card bodies: CJK emphasis rendered, each page in its own language, reportsTo as a title', () => {
    const zh = texts.get('roles/account-manager/index.html')!;
    const en = texts.get('en/roles/account-manager/index.html')!;
    expect(zh).toContain('<strong>层次分析法（AHP）</strong>赋权');
    expect(zh).not.toContain('Role in brief');
    expect(en).toContain('Role in brief');
    expect(en).not.toContain('岗位定位');
    const body = zh.slice(zh.indexOf('<div class="body"'), zh.indexOf('</section>', zh.indexOf('<div class="body"')));
    expect(body).not.toMatch(/\*\*|targets\.csv|owner_id/);
    expect(texts.get('en/roles/crm-specialist/index.html')!).toMatch(/<a href="\/en\/roles\/customer-relationship-manager\/"[^>]*>Customer relationship manager<\/a>/);
  });
});
