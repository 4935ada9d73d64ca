import { csvParseRows } from 'd3-dsv';
import { parseHTML } from 'linkedom';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/publish/to-csv.ts';
import { build, scratch, treeHashes } from '../build/support.ts';
import { appendHostileRows, formulas, injectHostile, type Injection } from './hostile-data.ts';

/*
 * Injection safety, through the real build command: a scratch copy of data/ with hostile strings
 * in customer names, staff names, team names (which become URL paths), ticket categories and
 * channels, order channels and products (test/robustness/hostile-data.ts). Every built HTML file
 * is parsed with linkedom and compared with a build of the unmodified data: no element or
 * attribute comes from the data, yet every displayed string is still there as text. The same
 * build's CSV downloads are checked for formula injection.
 */

interface PageFacts {
  /** tag names of every element */
  tags: Set<string>;
  /** `tag[attr=value]` of event-handler attributes (on…) */
  handlers: string[];
  /** `tag[attr=value]` of URL attributes starting with javascript: */
  jsUrls: string[];
  /** every <script>: src | type | text */
  scripts: string[];
  /** body text */
  text: string;
  /** every attribute value */
  attrs: string[];
  /** chart accessible names: svg <title> texts and aria-labels */
  labels: string[];
  /** svg <title> elements that hold elements (markup) instead of text only */
  titleMarkup: string[];
  /** internal hrefs (decoded) */
  hrefs: string[];
}

type Site = Map<string, PageFacts>;

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const go = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await go(p);
      else out.push(relative(root, p));
    }
  };
  await go(root);
  return out.sort();
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc']);

async function readSite(root: string): Promise<Site> {
  const site: Site = new Map();
  for (const f of (await walk(root)).filter((p) => p.endsWith('.html'))) {
    const { document } = parseHTML(await readFile(join(root, f), 'utf8'));
    const facts: PageFacts = { tags: new Set(), handlers: [], jsUrls: [], scripts: [], text: document.documentElement.textContent ?? '', attrs: [], labels: [], titleMarkup: [], hrefs: [] };
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      facts.tags.add(tag);
      for (const a of el.attributes) {
        facts.attrs.push(a.value);
        if (/^on/i.test(a.name)) facts.handlers.push(`${tag}[${a.name}=${a.value}]`);
        if (URL_ATTRS.has(a.name.toLowerCase()) && /^[\s\u0000-\u001f]*javascript:/i.test(a.value)) facts.jsUrls.push(`${tag}[${a.name}=${a.value}]`);
        if (a.name === 'aria-label') facts.labels.push(a.value);
      }
      if (tag === 'a' && el.getAttribute('href')?.startsWith('/')) facts.hrefs.push(el.getAttribute('href')!);
      if (tag === 'script') facts.scripts.push(`${el.getAttribute('src') ?? ''}|${el.getAttribute('type') ?? ''}|${el.textContent}`);
      if (tag === 'title' && el.parentElement?.tagName.toLowerCase() !== 'head') {
        facts.labels.push(el.textContent ?? '');
        if (el.children.length > 0) facts.titleMarkup.push(el.outerHTML.slice(0, 200));
      }
    }
    site.set(f, facts);
  }
  return site;
}

/** pages (at most 3) whose facts match */
const where = (site: Site, pick: (p: PageFacts) => boolean) => [...site].filter(([, p]) => pick(p)).map(([f]) => f);

describe('injection safety: hostile names through the real build', () => {
  let clean: Awaited<ReturnType<typeof scratch>>;
  let hostile: Awaited<ReturnType<typeof scratch>>;
  let cleanSite: Site;
  let site: Site;
  let markup: Injection[];
  let formulaCustomers: string[];
  let badRows: [string, string, number][];

  beforeAll(async () => {
    clean = await scratch();
    hostile = await scratch();
    ({ markup, formulaCustomers } = await injectHostile(hostile.data));
    badRows = await appendHostileRows(hostile.data);
    const a = build(clean);
    expect(a.code, a.stderr).toBe(0);
    const b = build(hostile);
    expect(b.code, b.stderr).toBe(0);
    cleanSite = await readSite(clean.out);
    site = await readSite(hostile.out);
  }, 600_000);
  afterAll(async () => {
    await rm(clean.dir, { recursive: true, force: true });
    await rm(hostile.dir, { recursive: true, force: true });
  });

  it('builds the same pages apart from team slugs', () => {
    const pages = (s: Site) => [...s.keys()].filter((f) => !f.includes('teams/')).sort();
    expect(pages(site)).toEqual(pages(cleanSite));
    expect(site.size).toBe(cleanSite.size);
  });

  it('no element type appears that the clean build does not have (no <img>, <svg onload>, <iframe> from data)', () => {
    const known = new Set<string>();
    for (const p of cleanSite.values()) for (const t of p.tags) known.add(t);
    const extra: string[] = [];
    for (const [f, p] of site) for (const t of p.tags) if (!known.has(t)) extra.push(`${f}: <${t}>`);
    expect(extra.slice(0, 10)).toEqual([]);
    expect(known.has('img')).toBe(false);
  });

  it('no event-handler attribute (img[onerror], svg[onload], onmouseover …) in any page', () => {
    const found = [...site].flatMap(([f, p]) => p.handlers.map((h) => `${f}: ${h}`));
    expect(found.slice(0, 10)).toEqual([]);
  });

  it('no href/src starting with javascript:', () => {
    const found = [...site].flatMap(([f, p]) => p.jsUrls.map((h) => `${f}: ${h}`));
    expect(found.slice(0, 10)).toEqual([]);
  });

  it('no <script> other than the site\'s own (the same scripts as the clean build, none with alert)', () => {
    const known = new Set<string>();
    for (const p of cleanSite.values()) for (const s of p.scripts) known.add(s);
    const foreign: string[] = [];
    for (const [f, p] of site) for (const s of p.scripts) if (!known.has(s)) foreign.push(`${f}: ${s.slice(0, 120)}`);
    expect(foreign.slice(0, 10)).toEqual([]);
    expect(where(site, (p) => p.scripts.some((s) => s.includes('alert('))).slice(0, 3)).toEqual([]);
    // every page has the same number of scripts as the clean page it corresponds to
    for (const [f, p] of site) if (cleanSite.has(f)) expect(p.scripts.length, f).toBe(cleanSite.get(f)!.scripts.length);
  });

  it('the injected strings are shown as text (escaped, not dropped)', () => {
    const missing: string[] = [];
    for (const i of markup) {
      // products are not shown on any page of the site (only in order data): nothing to find
      if (i.column === 'product') continue;
      const pages = where(site, (p) => p.text.includes(i.to));
      if (pages.length === 0) missing.push(`${i.file} ${i.column}: ${i.to}`);
    }
    expect(missing).toEqual([]);
  });

  it('chart titles and aria-labels carry the strings as plain text', () => {
    const labelled = markup.filter((i) => where(site, (p) => p.labels.some((l) => l.includes(i.to))).length > 0);
    // the ticket categories and team names are chart categories (service and retention charts)
    expect(labelled.map((i) => `${i.file} ${i.column}`)).toEqual(expect.arrayContaining(['tickets.csv category', 'staff.csv team']));
    const titled = [...site].flatMap(([f, p]) => p.titleMarkup.map((t) => `${f}: ${t}`));
    expect(titled.slice(0, 5)).toEqual([]);
  });

  // Team names with / ? # % & " ' < > | * : or spaces become slugs (src/site-data/paths.ts);
  // every page builds its team links from the same slugs.
  it('every internal link to a team page points at a page that exists', () => {
    const broken = new Set<string>();
    for (const [, p] of site) {
      for (const h of p.hrefs) {
        if (!h.includes('/teams/')) continue;
        const path = decodeURI(h.split('#')[0]!.split('?')[0]!);
        if (!existsSync(join(hostile.out, path, path.endsWith('/') ? 'index.html' : ''))) broken.add(path);
      }
    }
    expect([...broken].slice(0, 5)).toEqual([]);
  });

  it('the Pagefind index holds the strings as text and the search page renders them inertly', async () => {
    const files = (await walk(join(hostile.out, 'pagefind'))).filter((f) => f.endsWith('.pf_fragment'));
    expect(files.length).toBeGreaterThan(0);
    // pagefind.js escapes < and > of the page text before it builds an excerpt …
    const pf = await readFile(join(hostile.out, 'pagefind', 'pagefind.js'), 'utf8');
    expect(pf).toContain('.replace(/</g,"&lt;").replace(/>/g,"&gt;")');
    let indexed = 0;
    const live: string[] = [];
    for (const f of files) {
      const raw = gunzipSync(await readFile(join(hostile.out, 'pagefind', f))).toString('utf8');
      expect(raw.startsWith('pagefind_dcd')).toBe(true);
      const frag = JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string; content: string; meta: Record<string, string> };
      if (markup.some((i) => frag.content.includes(i.to))) indexed++;
      // … so the excerpt, even whole, holds no element: what `p.innerHTML = excerpt` inserts is text
      const excerpt = frag.content.replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const { document } = parseHTML(`<!doctype html><html><body><p>${excerpt}</p></body></html>`);
      if (document.querySelector('p')!.children.length > 0) live.push(`${f} (${frag.url})`);
      if (frag.url.toLowerCase().startsWith('javascript:')) live.push(`${f}: url ${frag.url}`);
    }
    expect(live.slice(0, 5)).toEqual([]);
    expect(indexed).toBeGreaterThan(0);
    // the search page sets the result title (raw meta.title, which holds the markup) as text;
    // its only innerHTML is Pagefind's escaped excerpt
    for (const page of ['search/index.html', 'en/search/index.html']) {
      const html = await readFile(join(hostile.out, page), 'utf8');
      expect(html.match(/\.innerHTML\s*=\s*[^;]+/g), page).toEqual(['.innerHTML = d.excerpt']);
      expect(html).toMatch(/\.textContent = \(d\.meta && d\.meta\.title\)/);
    }
  });

  it('hostile rows do not stop the build: each is counted on the data-quality download with its line', async () => {
    const text = (await readFile(join(hostile.out, 'downloads/data-reasons.csv'), 'utf8')).slice(1);
    const [header, ...rows] = csvParseRows(text);
    expect(header).toEqual(['文件', '原因', '列', '数量 (行)', '示例（已脱敏）']);
    for (const [reason, column, line] of badRows) {
      const row = rows.find((r) => r[0] === 'orders.csv' && r[1]!.endsWith(`[${reason}]`));
      expect(row, reason).toBeDefined();
      expect([row![2], row![3]], reason).toEqual([column, '1']);
      expect(row![4], reason).toContain(`第 ${line} 行`);
    }
    // neither the NUL byte nor the 100 KB value reaches a published file
    const long = 'x'.repeat(1000);
    for (const f of await walk(hostile.out)) {
      if (!/\.(html|csv|json|txt|xml)$/.test(f)) continue;
      const body = await readFile(join(hostile.out, f), 'utf8');
      expect(body.includes('\u0000'), f).toBe(false);
      expect(body.includes(long), f).toBe(false);
    }
  });

  it('a hostile file that cannot be used stops the build with the fix, and the previous dist survives', async () => {
    const before = await treeHashes(hostile.out);
    const orders = join(hostile.data, 'orders.csv');
    const text = await readFile(orders, 'utf8');
    // a second amount column: ambiguous, so the build must stop (not pick one silently)
    const [head, ...rest] = text.split('\n');
    await writeFile(orders, [`${head},Amount`, ...rest.map((l) => (l ? `${l},0` : l))].join('\n'));
    const r = build(hostile);
    await writeFile(orders, text);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('orders.csv: the header of amount appears 2 times');
    expect(r.stderr).toContain('Rename or delete the extra column');
    expect(r.stderr).toMatch(/was not changed/);
    expect([...(await treeHashes(hostile.out))]).toEqual([...before]);
  });

  describe('CSV downloads', () => {
    const csvFiles = async () => (await walk(hostile.out)).filter((f) => f.endsWith('.csv'));

    it('every CSV starts with a UTF-8 BOM', async () => {
      const files = await csvFiles();
      expect(files).toContain('downloads/customer-tiers.csv');
      for (const f of files) {
        const b = await readFile(join(hostile.out, f));
        expect([b[0], b[1], b[2]], f).toEqual([0xef, 0xbb, 0xbf]);
      }
    });

    it('formula names come out prefixed with \' in customer-tiers.csv', async () => {
      const text = (await readFile(join(hostile.out, 'downloads/customer-tiers.csv'), 'utf8')).slice(1);
      const [header, ...rows] = csvParseRows(text);
      const id = header!.indexOf('customer_id');
      const name = header!.indexOf('name');
      const byId = new Map(rows.map((r) => [r[id]!, r[name]!]));
      expect(formulaCustomers.map((c) => byId.get(c))).toEqual(formulas.map((f) => `'${f}`));
      expect(byId.get(formulaCustomers[0]!)).toBe('\'=HYPERLINK("http://x","y")');
      expect(byId.get(formulaCustomers[1]!)).toBe("'-cmd");
      expect(byId.get(formulaCustomers[2]!)).toBe("'@SUM(A1)");
    });

    it('no cell of any CSV starts a formula; numbers, negative ones too, stay numbers', async () => {
      const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;
      const formulaCells: string[] = [];
      const quotedNumbers: string[] = [];
      let negatives = 0;
      for (const f of await csvFiles()) {
        const rows = csvParseRows((await readFile(join(hostile.out, f), 'utf8')).slice(1));
        for (const r of rows) {
          for (const c of r) {
            if (/^[=+\-\u2212@\t\r]/.test(c) && !NUMBER.test(c)) formulaCells.push(`${f}: ${c}`);
            if (/^'-?\d+(\.\d+)?$/.test(c)) quotedNumbers.push(`${f}: ${c}`);
            if (NUMBER.test(c) && c.startsWith('-')) negatives++;
          }
        }
      }
      expect(formulaCells.slice(0, 5)).toEqual([]);
      expect(quotedNumbers.slice(0, 5)).toEqual([]);
      expect(negatives).toBeGreaterThan(0);
      // a negative KPI value in kpis.csv is written as a plain number, e.g. -12.5
      const kpis = csvParseRows((await readFile(join(hostile.out, 'downloads/kpis.csv'), 'utf8')).slice(1));
      const value = kpis[0]!.indexOf('value');
      expect(value).toBeGreaterThanOrEqual(0);
      const negative = kpis.slice(1).map((r) => r[value]!).filter((v) => v.startsWith('-'));
      expect(negative.length).toBeGreaterThan(0);
      for (const v of negative) expect(v).toMatch(/^-\d+(\.\d+)?(e-\d+)?$/);
    });

    it('tab and CR at the start of a text cell are prefixed too (ingest trims them from names, so checked on csvCell)', () => {
      expect(csvCell('\tcmd')).toBe("'\tcmd");
      expect(csvCell('\rcmd')).toBe("'\rcmd");
      expect(csvCell(-12.5)).toBe('-12.5');
      expect(csvCell('-12.5')).toBe("'-12.5"); // a text cell that looks like a number is still text
    });
  });
});
