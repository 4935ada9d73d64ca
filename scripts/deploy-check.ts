/**
 * npm run deploy:check [dir …]: checks built site folders before they are uploaded (docs/hosting.md):
 * every page folder has index.html, a 404 page exists, every internal link resolves under the
 * base path, and an audience's folder holds no name or id of a person, customer or team outside
 * the audience. Then prints the settings each host needs (nginx, oauth2-proxy, OSS, COS).
 * Exit code 1 when any folder has a problem.
 *
 * Default folders: dist/ and every folder of dist-audiences/.
 * Options: --base <path> (the company site's base; default ACCOUNTABLE_BASE or /; an audience's
 *          comes from its manifest), --bundle <dir> (the company bundle, default .accountable/bundle;
 *          audiences' bundles are beside it in <bundle>-audiences/), --server-dir <path> (where the
 *          folders will be on the server, for the printed nginx alias; default their path here)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../src/bundle/contract.ts';
import { deployCheck } from '../src/deploy/deploy-check.ts';
import { hostSettings } from '../src/deploy/host-settings.ts';
import { problemText } from '../src/deploy/messages.ts';
import type { Problem } from '../src/deploy/problem.ts';
import { readSiteTree } from '../src/deploy/site-tree.ts';
import { readBundle } from '../src/site-data/load.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string' },
    bundle: { type: 'string', default: '.accountable/bundle' },
    'server-dir': { type: 'string' },
  },
});

const root = process.cwd();
const bundleDir = resolve(root, values.bundle);
const dirs = positionals.length
  ? positionals.map((p) => resolve(root, p))
  : [resolve(root, 'dist'), ...(existsSync(resolve(root, 'dist-audiences')) ? readdirSync(resolve(root, 'dist-audiences')).filter((n) => !n.startsWith('.')).sort().map((n) => resolve(root, 'dist-audiences', n)) : [])];

const SHOWN = 20;

function checkOne(dir: string): boolean {
  const label = dir.startsWith(root + '/') ? dir.slice(root.length + 1) + '/' : dir + '/';
  const manifestFile = join(dir, 'downloads', 'manifest.json');
  if (!existsSync(manifestFile)) {
    report(label, [{ kind: 'not_a_site', path: label, detail: '' }]);
    return false;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const audience = manifest.audience ?? null;
  const base = audience?.base ?? values.base ?? process.env.ACCOUNTABLE_BASE ?? '/';
  let allowance = null;
  if (audience) {
    const audienceBundle = join(`${bundleDir}-audiences`, audience.name);
    if (!existsSync(join(bundleDir, 'manifest.json')) || !existsSync(join(audienceBundle, 'manifest.json'))) {
      console.error(`✗ ${label}: audience "${audience.name}" is checked against the company's bundle (${bundleDir}) and its own (${audienceBundle}); build first or pass --bundle`);
      console.error(`  检查受众 "${audience.name}" 需要公司数据包和该受众的数据包；请先构建或用 --bundle 指定`);
      return false;
    }
    allowance = { company: readBundle(bundleDir), audience: readBundle(audienceBundle) };
  }
  const t = performance.now();
  const r = deployCheck({ tree: readSiteTree(dir), base, allowance });
  const secs = ((performance.now() - t) / 1000).toFixed(1);
  const who = audience ? `audience ${audience.name}` : 'company';
  console.log(`\n${label} (${who}, base ${base}): ${r.pages} pages, ${r.files} files${audience ? `, ${r.forbidden} names and ids outside the audience searched for` : ''}, ${secs} s`);
  if (r.problems.length) report(label, r.problems);
  else console.log(`✓ every folder has index.html, 404.html exists, every internal link resolves under ${base}${audience ? ', nothing outside the audience' : ''}`);
  const serverDir = values['server-dir'] ? join(values['server-dir'], audience ? join('dist-audiences', audience.name) : basename(dir)) : dir;
  console.log(`\nHost settings for ${label}:\n${hostSettings({ name: audience?.name ?? null, base, dir: serverDir })}`);
  return r.problems.length === 0;
}

function report(label: string, problems: Problem[]): void {
  console.log(`✗ ${label}: ${problems.length} problem(s) · ${problems.length} 个问题`);
  const byKind = new Map<Problem['kind'], Problem[]>();
  for (const p of problems) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  for (const [kind, list] of byKind) {
    console.log(`  ${kind} (${list.length})`);
    for (const p of list.slice(0, SHOWN)) {
      const m = problemText(p);
      console.log(`    - ${m.en}\n      ${m['zh-CN']}`);
    }
    if (list.length > SHOWN) console.log(`    … and ${list.length - SHOWN} more · 另有 ${list.length - SHOWN} 个`);
    const fix = problemText(list[0]!).fix;
    console.log(`    → ${fix.en}\n    → ${fix['zh-CN']}`);
  }
}

let ok = true;
for (const d of dirs) ok = checkOne(d) && ok;
process.exit(ok ? 0 : 1);
