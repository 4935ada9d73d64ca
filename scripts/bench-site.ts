/**
 * npm run bench:site — the site at scale: 2,000 staff in 50 teams (four roles), 400k order lines
 * with customers, tickets, surveys and interactions in proportion, the shipped role cards, both
 * locales. Runs the real build command (scripts/build.ts) on it and prints the build's stage
 * timings, its wall time and peak memory, the number of pages, and the heaviest pages.
 *   npm run bench:site [-- --staff 2000 --teams 50 --lines 400000]
 * Targets: whole build under 3 minutes; no page over 300 KB of HTML; the overview under 150 KB.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCsv } from '../src/bench/write-csv.ts';

const { values } = parseArgs({
  options: {
    staff: { type: 'string', default: '2000' },
    teams: { type: 'string', default: '50' },
    lines: { type: 'string', default: '400000' },
    keep: { type: 'boolean', default: false },
  },
});

const dir = mkdtempSync(join(tmpdir(), 'accountable-site-bench-'));
const data = join(dir, 'data');
const out = join(dir, 'dist');
try {
  cpSync('data/roles', join(data, 'roles'), { recursive: true });
  const sizes = writeSyntheticCsv(data, { lines: Number(values.lines), seed: 1, staff: Number(values.staff), teams: Number(values.teams) });
  console.log(`site bench: ${sizes.staff} staff in ${sizes.teams} teams, ${sizes.lines.toLocaleString('en')} order lines, ${sizes.customers.toLocaleString('en')} customers; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['scripts/build.ts', '--data', data, '--out', out, '--bundle', join(dir, 'bundle'), '--cache', join(dir, 'cache'), '--quarantine', join(dir, 'quarantine')],
    { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    console.error(r.stdout.slice(-4000), r.stderr.slice(-4000));
    throw new Error(`the build failed (exit ${r.status})`);
  }
  for (const line of r.stdout.split('\n')) if (/^ {2}[a-z ]+\d+\.\d\d s$/.test(line) || line.startsWith('✓')) console.log(line);

  const pages: { path: string; kb: number }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) pages.push({ path: '/' + relative(out, p), kb: statSync(p).size / 1024 });
    }
  };
  walk(out);
  pages.sort((a, b) => b.kb - a.kb);
  const overview = pages.filter((p) => p.path === '/index.html' || p.path === '/en/index.html');
  const over = pages.filter((p) => p.kb > 300);
  console.log(`build wall time ${wall.toFixed(1)} s (target < 180 s); ${pages.length.toLocaleString('en')} HTML pages`);
  console.log(`heaviest pages: ${pages.slice(0, 5).map((p) => `${p.path} ${p.kb.toFixed(0)} KB`).join(', ')}`);
  console.log(`overview: ${overview.map((p) => `${p.path} ${p.kb.toFixed(0)} KB`).join(', ')} (target < 150 KB)`);
  console.log(over.length ? `✗ ${over.length} pages over 300 KB` : '✓ no page over 300 KB');
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
