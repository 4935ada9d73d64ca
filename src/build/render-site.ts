import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexSearch } from './search-index.ts';
import { mergeDirInto } from './merge-dir.ts';
import type { ShardCount } from './render-shard.ts';
import { moveDir } from '../publish/swap-dir.ts';

/**
 * One site from one bundle: Astro renders every page of both languages into `renderDir` (a folder
 * of this build's own), Pagefind indexes it, and the result is moved to `to` (a staging folder
 * next to where it is published; the caller swaps it in once every site of the build is ready).
 * The company's site and every audience's go through here: the same pages, another bundle.
 *
 * Rendering is CPU-bound and Astro renders one page at a time, so the pages can be split over
 * several Astro builds (child processes, render-shard.ts) whose folders are merged
 * (ACCOUNTABLE_RENDER_SHARDS, default 1). Each build loads the whole bundle and bundles the code
 * itself: measured at 2,000 staff on this shared 2-core host, two builds took 1.35× the CPU and
 * 1.8× the memory of one, and no less time while the host was busy (docs/development.md), so
 * the default is one; on an idle multi-core machine 2 can pay. With `cacheDir`, each build keeps
 * Astro's incremental cache there: a page whose code and data did not change since the last
 * build is copied from it instead of rendered.
 */
export interface RenderSite {
  root: string;
  /** where the pages read the bundle (ACCOUNTABLE_BUNDLE_DIR, src/site-data/load.ts) */
  bundleDir: string;
  renderDir: string;
  to: string;
  /** the URL path the site is built for; absent: astro.config.mjs's (ACCOUNTABLE_BASE or /) */
  base?: string;
  /** Astro's incremental cache of this site (one per site: the company's, each audience's); absent: none */
  cacheDir?: string;
  /** Astro builds run at once (default: ACCOUNTABLE_RENDER_SHARDS, else 1) */
  shards?: number;
  onStage?: (name: 'site' | 'search', ms: number) => void;
}

/** the import.meta.env names Astro and Vite define themselves (astro/dist/core/create-vite.js) */
const ASTRO_OWN_ENV = ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR'];
const SHARD_PROCESS = fileURLToPath(new URL('./render-shard-process.ts', import.meta.url));

export interface Rendered {
  /** pages in the search index */
  pages: number;
  /** pages and files of the site, and how many of them were rendered (the rest: copied from the cache) */
  listed: number;
  rendered: number;
}

export async function renderSite(o: RenderSite): Promise<Rendered> {
  let t = performance.now();
  const count = renderShards(o.shards ?? process.env.ACCOUNTABLE_RENDER_SHARDS);
  const env: NodeJS.ProcessEnv = { ...process.env, ACCOUNTABLE_BUNDLE_DIR: o.bundleDir, ASTRO_TELEMETRY_DISABLED: '1' };
  // Astro turns every environment variable into import.meta.env.<name>, ahead of its own values:
  // an inherited BASE_URL (vitest sets one, so can a shell) would replace the base of every link
  for (const k of ASTRO_OWN_ENV) delete env[k];
  // what a page reads besides its code: Astro hashes the code and the config itself
  const cacheKey = `${await digestDir(o.bundleDir)}:${env.ACCOUNTABLE_SITE_URL ?? ''}`;
  const shardDirs = Array.from({ length: count }, (_, k) => join(o.renderDir, `shard-${k}`));
  const counts = await Promise.all(shardDirs.map((outDir, index) => runShard({
    root: o.root,
    outDir,
    cacheDir: join(o.cacheDir ?? join(o.renderDir, 'astro-cache'), `shard-${index}-of-${count}`),
    ...(o.base ? { base: o.base } : {}),
    shard: { index, count },
    cacheKey,
  }, { ...env, ACCOUNTABLE_OUT_DIR: outDir })));
  const siteDir = join(o.renderDir, 'site');
  for (const dir of shardDirs) {
    await rm(join(dir, '.prerender'), { recursive: true, force: true });
    await mergeDirInto(dir, siteDir);
  }
  o.onStage?.('site', performance.now() - t);

  t = performance.now();
  const indexed = await indexSearch(siteDir);
  o.onStage?.('search', performance.now() - t);
  await mkdir(dirname(o.to), { recursive: true });
  await moveDir(siteDir, o.to);
  await rm(o.renderDir, { recursive: true, force: true });
  const sum = (k: keyof ShardCount) => counts.reduce((a, c) => a + c[k], 0);
  return { pages: indexed.pages, listed: sum('listed'), rendered: sum('rendered') };
}

/** The number of Astro builds: a whole number from 1 to the machine's cores, else the build stops. */
export function renderShards(value: number | string | undefined, cores = availableParallelism()): number {
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > Math.max(1, cores)) {
    throw new Error(`site: ACCOUNTABLE_RENDER_SHARDS must be a whole number from 1 to ${Math.max(1, cores)} (the cores of this machine), not "${value}"`);
  }
  return n;
}

/** One Astro build over one share of the pages, in a child process (render-shard-process.ts). */
function runShard(job: object, env: NodeJS.ProcessEnv): Promise<ShardCount> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SHARD_PROCESS, JSON.stringify(job)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ShardCount) : reject(new Error(`site: an Astro build failed (exit ${code}): ${stderr.trim().split('\n').slice(-5).join('\n')}`))));
  });
}

/** sha256 over every file of a folder (names and bytes, in name order). */
async function digestDir(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (d: string, rel: string): Promise<void> => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path, `${rel}${e.name}/`);
      else hash.update(`${rel}${e.name}\0`).update(await readFile(path)).update('\0');
    }
  };
  await walk(dir, '');
  return hash.digest('hex');
}
