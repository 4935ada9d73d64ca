import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest, PersonRow, PublishedCustomer } from '../../src/bundle/contract.ts';
import { deployCheck } from '../../src/deploy/deploy-check.ts';
import { forbiddenTokens } from '../../src/deploy/allowance.ts';
import { hostSettings, nginxBlock } from '../../src/deploy/host-settings.ts';
import { refs } from '../../src/deploy/links.ts';
import type { SiteTree } from '../../src/deploy/site-tree.ts';
import { TokenFinder } from '../../src/deploy/token-finder.ts';

const tree = (files: Record<string, string>): SiteTree => {
  const dirs = new Set<string>(['']);
  for (const f of Object.keys(files)) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return { dirs: [...dirs].sort(), files: Object.keys(files).sort(), text: (f) => files[f]! };
};

const page = (body: string) => `<html><head><link rel="stylesheet" href="/north/_astro/a.css"></head><body>${body}</body></html>`;
const good = {
  'index.html': page('<a href="/north/people/">people</a> <a href="people/S001/">S001</a> <a href="https://example.org/x">ext</a> <a href="#top">top</a>'),
  '404.html': page('<a href="/north/">home</a>'),
  'people/index.html': page('<a href="/north/people/S001/">王伟</a> <a href="../">up</a> <a href="/north/downloads/people.csv">csv</a>'),
  'people/S001/index.html': page('<a href="/north/people">list</a>'),
  'downloads/index.html': page(''),
  'downloads/people.csv': 'staff_id,name\nS001,王伟\n',
  '_astro/a.css': 'body{}',
  'pagefind/fragment/x.pf_fragment': '{"content":"王伟"}',
};

describe('deploy:check on folder trees', () => {
  it('a good folder: no problem', () => {
    expect(deployCheck({ tree: tree(good), base: '/north/' }).problems).toEqual([]);
  });

  it('a page folder without index.html, and no 404 page', () => {
    const files: Record<string, string> = { ...good, 'teams/x/data.csv': 'a' };
    delete files['404.html'];
    expect(deployCheck({ tree: tree(files), base: '/north/' }).problems).toEqual([
      { kind: 'missing_index', path: 'teams/', detail: 'teams/index.html' },
      { kind: 'missing_index', path: 'teams/x/', detail: 'teams/x/index.html' },
      { kind: 'missing_404', path: '404.html', detail: '' },
    ]);
  });

  it('a link to nothing, and one that leaves the base path', () => {
    const files = { ...good, 'downloads/index.html': page('<a href="/north/people/S999/">x</a> <a href="/people/">y</a> <img src="../_astro/missing.png">') };
    expect(deployCheck({ tree: tree(files), base: '/north/' }).problems).toEqual([
      { kind: 'broken_link', path: 'downloads/index.html', detail: '/north/people/S999/' },
      { kind: 'outside_base', path: 'downloads/index.html', detail: '/people/' },
      { kind: 'broken_link', path: 'downloads/index.html', detail: '../_astro/missing.png' },
    ]);
    // the same folder is fine at / only if its links say so: here every /north/ link leaves the base
    expect(deployCheck({ tree: tree(good), base: '/' }).problems.every((p) => p.kind === 'outside_base' || p.kind === 'broken_link')).toBe(true);
  });

  it('href and src in either quote, not other schemes, hosts or fragments', () => {
    expect(refs(`<a href='/a/'>x</a><img src="b.png"><a href="mailto:x@y">m</a><a href="//cdn/x">c</a><a href="#f">f</a><a href="/c/?q=1&amp;r=2">q</a>`)).toEqual(['/a/', 'b.png', '/c/?q=1&r=2']);
  });
});

const person = (staff_id: string, name: string, team: string): PersonRow => ({ staff_id, name, role: 'am', team, manager_id: null, region: null, active: true });
const customer = (customer_id: string, name: string): PublishedCustomer => ({ customer_id, name } as PublishedCustomer);
const manifest = (audience?: Manifest['audience']): Manifest => ({ asOf: '2026-09-30', definitionsVersion: '1', fingerprints: [], rowCounts: {}, title: { 'zh-CN': '', en: '' }, periods: { month: [], quarter: [], year: [] }, lastCompleteQuarter: null, lastCompleteMonth: null, filesPresent: [], ...(audience ? { audience } : {}) });
const north = { name: 'north', label: null, base: '/north/', companyFigures: 'aggregates' as const, ranks: 'within' as const, teams: ['华北组'], regions: [], people: 1, customers: 1 };

describe('the allowance of an audience', () => {
  const company = {
    manifest: manifest(),
    people: [person('S001', '王伟', '华北组'), person('S002', '李娜', '华南组'), person('S003', '王', '华南组')],
    customers: [customer('C00001', '北方王伟贸易'), customer('C00002', '南方机械')],
  };
  const audience = { manifest: manifest(north), people: [company.people[0]!], customers: [company.customers[0]!] };

  it("forbids the others' ids, names and teams", () => {
    expect(forbiddenTokens(company, audience)).toEqual(new Map([
      ['S002', 'staff id'], ['李娜', 'person'], ['华南组', 'team'], ['S003', 'staff id'], ['王', 'person'], ['C00002', 'customer id'], ['南方机械', 'customer'],
    ]));
    const teams = { ...audience, manifest: manifest({ ...north, companyFigures: 'teams' }) };
    expect(forbiddenTokens(company, teams).has('华南组')).toBe(false);
  });

  it('finds them in a page, a CSV, a search fragment, a %-encoded link and a file name', () => {
    const files = {
      ...good,
      'people/index.html': page('<a href="/north/people/S001/">王伟</a> <a href="/north/teams/%E5%8D%8E%E5%8D%97%E7%BB%84/">t</a>'),
      'downloads/people.csv': 'staff_id,name\nS001,王伟\nS002,x\n',
      'pagefind/fragment/x.pf_fragment': '{"content":"南方机械 ordered"}',
      'downloads/C00002.csv': 'a',
      'downloads/S0021.csv': 'S0021 and xS002 are other ids',
      // 王 (S003) inside the allowed 王伟 and 北方王伟贸易 is no leak; alone it is
      'roles/index.html': page('王伟 北方王伟贸易'),
      'teams/index.html': page('王伟 and 王'),
    };
    const r = deployCheck({ tree: tree(files), base: '/north/', allowance: { company, audience } });
    expect(r.problems.filter((p) => p.kind === 'outside_allowance')).toEqual([
      { kind: 'outside_allowance', path: 'downloads/C00002.csv', detail: 'customer id "C00002"' },
      { kind: 'outside_allowance', path: 'downloads/people.csv', detail: 'staff id "S002"' },
      { kind: 'outside_allowance', path: 'pagefind/fragment/x.pf_fragment', detail: 'customer "南方机械"' },
      { kind: 'outside_allowance', path: 'people/index.html', detail: 'team "华南组"' },
      { kind: 'outside_allowance', path: 'teams/index.html', detail: 'person "王"' },
    ]);
    expect(r.forbidden).toBe(7);
  });
});

describe('TokenFinder', () => {
  it('finds overlapping tokens in one pass, ids only on word boundaries', () => {
    const f = new TokenFinder(['华南', '南组', '华南组长', '组长助理', 'S001']);
    expect([...f.find('是华南组长助理').keys()].sort()).toEqual(['华南', '华南组长', '南组', '组长助理'].sort());
    expect([...f.find('xS001 S001').entries()]).toEqual([['S001', 6]]);
    expect([...f.find('S0012 华南组').keys()]).toEqual(['华南', '南组']);
  });
});

describe('host settings', () => {
  it('nginx: the folder under its base, basic auth, the site 404', () => {
    expect(nginxBlock({ name: 'north', base: '/north/', dir: '/srv/dist-audiences/north' })).toBe([
      'location /north/ {',
      '    alias /srv/dist-audiences/north/;',
      '    index index.html;',
      '    auth_basic "Accountable · north";',
      '    auth_basic_user_file /etc/nginx/accountable/north.htpasswd;',
      '    error_page 404 /north/404.html;',
      '    absolute_redirect off;',
      '}',
    ].join('\n'));
  });

  it('OSS and COS: sub-folder index, 404 page, custom domain; a prefix for a base below /', () => {
    const s = hostSettings({ name: 'north', base: '/north/', dir: '/srv/n' });
    expect(s).toContain('SupportSubDir true');
    expect(s).toContain('Key north/404.html');
    expect(s).toContain('custom domain');
    expect(hostSettings({ name: null, base: '/', dir: '/srv/d' })).toContain('Key 404.html');
  });
});

describe('the command', () => {
  it('a folder that is not a built site fails with not_a_site', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-check-'));
    try {
      const r = spawnSync(process.execPath, ['scripts/deploy-check.ts', dir], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('not_a_site (1)');
      expect(r.stdout).toContain('不是构建好的站点');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
