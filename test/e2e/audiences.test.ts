import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCheck } from '../../src/deploy/deploy-check.ts';
import { nginxBlock } from '../../src/deploy/host-settings.ts';
import { readSiteTree } from '../../src/deploy/site-tree.ts';
import { readBundle } from '../../src/site-data/load.ts';
import { build, scratch } from '../build/support.ts';
import { htmlPages, internalRefs } from './support/site-files.ts';

/**
 * The sample built once with two audiences (docs/hosting.md): north = 华北组 (ranks within the
 * audience), south = 华南组 (company ranks, shown without the count); both with company aggregates.
 * Who belongs where is read here from the raw CSVs with d3-dsv, not from the build's bundle.
 */
const AUDIENCES = `
audiences:
  north:
    teams: [华北组]
  south:
    label: { zh-CN: 华南组, en: South team }
    teams: [华南组]
    ranks: company
`;

let s: Awaited<ReturnType<typeof scratch>>;
let buildOut = '';
const siteOf = (name: string) => join(s.dir, 'dist-audiences', name);

beforeAll(async () => {
  s = await scratch();
  appendFileSync(join(s.data, 'config.yaml'), AUDIENCES);
  const r = build(s);
  buildOut = r.stdout + r.stderr;
  if (r.code !== 0) throw new Error(`build failed:\n${buildOut}`);
}, 600_000);

afterAll(() => {
  if (s) rmSync(s.dir, { recursive: true, force: true });
});

interface Csv { [k: string]: string }
const readCsv = (file: string): Csv[] => csvParse(readFileSync(join('data', file), 'utf8').replace(/^\uFEFF/, '')) as unknown as Csv[];

/** each team's people (ids, names) and customers (ids, names), from staff.csv and customers.csv */
function membersOf(team: string) {
  const staff = readCsv('staff.csv');
  const people = staff.filter((p) => p.team === team);
  const ids = new Set(people.map((p) => p.staff_id!));
  const customers = readCsv('customers.csv').filter((c) => ids.has(c.owner_id!));
  return { people, customers };
}

/** every file below a folder as text (gzip files, e.g. Pagefind's index and fragments, decompressed), with its path */
function folderTexts(root: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        let bytes = readFileSync(p);
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
        const rel = relative(root, p).split(sep).join('/');
        out.push({ path: rel, text: `${rel}\n${bytes.toString('utf8')}\n${safeDecode(rel)}` });
      }
    }
  };
  walk(root);
  return out;
}
const safeDecode = (s: string) => { try { return decodeURIComponent(s); } catch { return s; } };

/**
 * Which tokens occur in the texts: every token indexed by its first two characters, each text
 * position looked up once. An ASCII id must not have a letter or digit on either side (S001 is not
 * in S0012). Written for the test, independent of src/deploy/token-finder.ts.
 */
function occurring(tokens: Iterable<string>, texts: { path: string; text: string }[]): Map<string, string> {
  const byHead = new Map<string, string[]>();
  for (const t of new Set(tokens)) {
    if (t.length < 2) continue;
    const h = t.slice(0, 2);
    byHead.set(h, [...(byHead.get(h) ?? []), t]);
  }
  const word = /[A-Za-z0-9]/;
  const found = new Map<string, string>();
  for (const { path, text } of texts) {
    for (let i = 0; i + 1 < text.length; i++) {
      const cands = byHead.get(text.slice(i, i + 2));
      if (!cands) continue;
      for (const c of cands) {
        if (found.has(c) || !text.startsWith(c, i)) continue;
        if (word.test(c[0]!) && i > 0 && word.test(text[i - 1]!)) continue;
        if (word.test(c.at(-1)!) && word.test(text[i + c.length] ?? '')) continue;
        found.set(c, path);
      }
    }
  }
  return found;
}

describe('audiences: one build, a folder per audience with only its rows', () => {
  const cases = [
    { name: 'north', team: '华北组', other: '华南组' },
    { name: 'south', team: '华南组', other: '华北组' },
  ];

  it('writes both folders, complete in both languages, after data stages that ran once', () => {
    for (const c of cases) {
      const pages = htmlPages(siteOf(c.name));
      for (const p of ['/', '/en/', '/people/', '/en/people/', '/teams/', '/data/', '/404.html']) expect(pages).toContain(p);
    }
    // one ingest (or cache hit) and one metrics run for the three sites
    expect(buildOut.match(/^\s+(ingest|cache hit)\s/gm)?.length).toBe(1);
    expect(buildOut).toMatch(/audience north: \d+ pages/);
    expect(buildOut).toMatch(/audience south: \d+ pages/);
  });

  for (const c of cases) {
    it(`${c.name}: no name, id or customer of the other audience anywhere (HTML, CSV, JSON, search index), and all of its own`, () => {
      const texts = folderTexts(siteOf(c.name));
      const own = membersOf(c.team);
      const other = membersOf(c.other);
      expect(own.people.length).toBeGreaterThan(3);
      expect(own.customers.length).toBeGreaterThan(50);
      expect(texts.some((t) => t.path.startsWith('pagefind/fragment/'))).toBe(true);
      expect(texts.some((t) => t.path.endsWith('.csv'))).toBe(true);

      const ownTokens = [...own.people.flatMap((p) => [p.staff_id!, p.name!]), ...own.customers.flatMap((x) => [x.customer_id!, x.name!]), c.team];
      const otherTokens = [...other.people.flatMap((p) => [p.staff_id!, p.name!]), ...other.customers.flatMap((x) => [x.customer_id!, x.name!]), c.other];
      // a name of the other audience inside one of ours (person 王伟 in customer 王伟芳) is searched
      // for with our names blanked out; the plain ones in one pass
      const inside = (tok: string) => ownTokens.filter((o) => o !== tok && o.includes(tok));
      const ambiguous = otherTokens.filter((tok) => inside(tok).length > 0);
      expect(ambiguous.length).toBeLessThan(10);
      const leaks = occurring(otherTokens.filter((tok) => !ambiguous.includes(tok)), texts);
      for (const tok of ambiguous) {
        const hit = texts.find((t) => inside(tok).reduce((x, o) => x.replaceAll(o, '\u0000'), t.text).includes(tok));
        if (hit) leaks.set(tok, hit.path);
      }
      expect([...leaks].slice(0, 10).map(([tok, path]) => `${tok} in ${path}`)).toEqual([]);

      const present = occurring(ownTokens, texts);
      const missing = ownTokens.filter((tok) => !present.has(tok));
      expect(missing).toEqual([]);
    });
  }

  it('ranks: north ranks within its own people ("of" its count); south shows company ranks without a count', () => {
    const north = readFileSync(join(siteOf('north'), 'people', 'index.html'), 'utf8');
    expect(north.length).toBeGreaterThan(0);
    const southMembers = membersOf('华南组').people.filter((p) => p.role === 'account-manager');
    const southPage = readFileSync(join(siteOf('south'), 'people', southMembers[0]!.staff_id!, 'index.html'), 'utf8');
    expect(southPage).not.toMatch(/第 \d+ 名 \/ 共/);
    const northMembers = membersOf('华北组').people.filter((p) => p.role === 'account-manager');
    const ranks = northMembers.map((p) => readFileSync(join(siteOf('north'), 'people', p.staff_id!, 'index.html'), 'utf8').match(/第 (\d+) 名 \/ 共 (\d+) 名/));
    // within north: the counts are at most north's account managers, and the ranks 1..n
    for (const m of ranks) if (m) expect(Number(m[2])).toBeLessThanOrEqual(northMembers.length);
    const got = ranks.filter((m) => m).map((m) => Number(m![1])).sort((a, b) => a - b);
    expect(got[0]).toBe(1);
  });
});

describe('deploy:check', () => {
  const check = (args: string[]) =>
    spawnSync(process.execPath, ['scripts/deploy-check.ts', ...args, '--bundle', join(s.dir, 'bundle')], { encoding: 'utf8' });

  it('passes both audience folders and the company folder of a good build, and prints the host settings', () => {
    const r = check([siteOf('north'), siteOf('south'), s.out]);
    expect(r.stdout + r.stderr).toContain('nothing outside the audience');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('location /north/ {');
    expect(r.stdout).toContain('SupportSubDir true');
    expect(r.stdout).toContain('OriginalHttpStatus');
  }, 300_000);

  it('finds each defect it claims to find, on a copy of the north folder', () => {
    const copy = join(s.dir, 'defects', 'north');
    cpSync(siteOf('north'), copy, { recursive: true });
    // deploy:check reads the audience from the folder's manifest and the bundles beside --bundle
    const run = () => check([copy]);
    const defects: { kind: string; make: () => void; undo: () => void }[] = [];
    const page = join(copy, 'people', 'index.html');
    const pageHtml = readFileSync(page, 'utf8');
    const southPerson = membersOf('华南组').people[0]!;
    const southCustomer = membersOf('华南组').customers[0]!;
    defects.push({ kind: 'missing_index', make: () => rmSync(join(copy, 'en', 'data', 'index.html')), undo: () => cpSync(join(siteOf('north'), 'en', 'data', 'index.html'), join(copy, 'en', 'data', 'index.html')) });
    defects.push({ kind: 'missing_404', make: () => rmSync(join(copy, '404.html')), undo: () => cpSync(join(siteOf('north'), '404.html'), join(copy, '404.html')) });
    defects.push({ kind: 'broken_link', make: () => writeFileSync(page, pageHtml.replace('</body>', '<a href="/north/people/NOPE/">x</a></body>')), undo: () => writeFileSync(page, pageHtml) });
    defects.push({ kind: 'outside_base', make: () => writeFileSync(page, pageHtml.replace('</body>', '<a href="/people/">x</a></body>')), undo: () => writeFileSync(page, pageHtml) });
    defects.push({ kind: 'outside_allowance', make: () => writeFileSync(page, pageHtml.replace('</body>', `<p>${southPerson.name}</p></body>`)), undo: () => writeFileSync(page, pageHtml) });
    defects.push({ kind: 'outside_allowance', make: () => writeFileSync(join(copy, 'downloads', 'extra.csv'), `customer_id\n${southCustomer.customer_id}\n`), undo: () => rmSync(join(copy, 'downloads', 'extra.csv')) });
    const clean = run();
    expect(clean.status, clean.stdout).toBe(0);
    // each defect through the check's own function (the command around it is run above and below)
    const allowance = { company: readBundle(join(s.dir, 'bundle')), audience: readBundle(join(s.dir, 'bundle-audiences', 'north')) };
    for (const d of defects) {
      d.make();
      const r = deployCheck({ tree: readSiteTree(copy), base: '/north/', allowance });
      d.undo();
      expect(r.problems.map((p) => p.kind), d.kind).toContain(d.kind);
    }
    // a search index that names another audience's customer (Pagefind fragments are gzip)
    const frag = readdirSync(join(copy, 'pagefind', 'fragment'))[0]!;
    const fragPath = join(copy, 'pagefind', 'fragment', frag);
    const original = readFileSync(fragPath);
    const text = gunzipSync(original).toString('utf8').replace('"content":"', `"content":"${southCustomer.name} `);
    writeFileSync(fragPath, gzipSync(text));
    const r = run();
    writeFileSync(fragPath, original);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`pagefind/fragment/${frag} holds customer "${southCustomer.name}"`);
  }, 300_000);
});

describe('nginx with the documented basic-auth block serves an audience folder', () => {
  let nginx: ChildProcess | null = null;
  let base = '';
  const user = 'north';
  const password = randomBytes(9).toString('base64url');
  const auth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

  beforeAll(async () => {
    const prefix = join(s.dir, 'nginx');
    mkdirSync(prefix, { recursive: true });
    // the htpasswd line as docs/hosting.md makes it: openssl passwd -apr1
    const htpasswd = join(prefix, 'north.htpasswd');
    const hash = spawnSync('openssl', ['passwd', '-apr1', '-stdin'], { input: password, encoding: 'utf8' });
    expect(hash.status, hash.stderr).toBe(0);
    writeFileSync(htpasswd, `${user}:${hash.stdout.trim()}\n`);
    const port = await freePort();
    const block = nginxBlock({ name: 'north', base: '/north/', dir: siteOf('north'), htpasswd });
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      // the worker runs as nobody: it must be able to read the folder and the password file
      chmodSync(s.dir, 0o755);
      chmodSync(htpasswd, 0o644);
    }
    writeFileSync(join(prefix, 'nginx.conf'), [
      ...(asRoot ? ['user nobody nogroup;'] : []),
      'worker_processes 1;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${join(prefix, k)};`),
      '  server {',
      `    listen 127.0.0.1:${port};`,
      block.split('\n').map((l) => `    ${l}`).join('\n'),
      '  }',
      '}',
    ].join('\n'));
    nginx = spawn(existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    nginx.stderr!.on('data', (d) => (err += d));
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/north/`).then(() => true, () => false);
      if (up) break;
      if (i > 100 || nginx.exitCode != null) throw new Error(`nginx did not start: ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 60_000);

  afterAll(() => {
    nginx?.kill('SIGTERM');
  });

  it('401 without credentials or with wrong ones, 200 with them', async () => {
    expect((await fetch(`${base}/north/`)).status).toBe(401);
    expect((await fetch(`${base}/north/people/`, { headers: { authorization: 'Basic ' + Buffer.from(`${user}:wrong`).toString('base64') } })).status).toBe(401);
    const ok = await fetch(`${base}/north/`, { headers: { authorization: auth } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<html');
    const missing = await fetch(`${base}/north/no-such-page/`, { headers: { authorization: auth } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<html');
  });

  it('every internal link of the audience folder answers 200', async () => {
    const root = siteOf('north');
    const urls = new Set<string>();
    for (const page of htmlPages(root)) {
      const file = join(root, page.endsWith('/') ? `${page}index.html` : page);
      urls.add(`/north${page}`);
      for (const ref of internalRefs(readFileSync(file, 'utf8'), `/north${page}`)) urls.add(ref);
    }
    expect(urls.size).toBeGreaterThan(100);
    const bad: string[] = [];
    const list = [...urls];
    for (let i = 0; i < list.length; i += 8) {
      await Promise.all(list.slice(i, i + 8).map(async (u) => {
        const r = await fetch(base + encodeURI(u), { headers: { authorization: auth } });
        await r.arrayBuffer();
        if (r.status !== 200) bad.push(`${r.status} ${u}`);
      }));
    }
    expect(bad.slice(0, 20)).toEqual([]);
  }, 300_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
