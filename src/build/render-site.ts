import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { indexSearch } from './search-index.ts';
import { moveDir } from '../publish/swap-dir.ts';

/**
 * One site from one bundle: Astro renders every page of both languages into `renderDir` (a folder
 * of this build's own), Pagefind indexes it, and the result is moved to `to` (a staging folder
 * next to where it is published; the caller swaps it in once every site of the build is ready).
 * The company's site and every audience's go through here: the same pages, another bundle.
 */
export interface RenderSite {
  root: string;
  /** where the pages read the bundle (ACCOUNTABLE_BUNDLE_DIR, src/site-data/load.ts) */
  bundleDir: string;
  renderDir: string;
  to: string;
  /** the URL path the site is built for; absent: astro.config.mjs's (ACCOUNTABLE_BASE or /) */
  base?: string;
  onStage?: (name: 'site' | 'search', ms: number) => void;
}

/** the import.meta.env names Astro and Vite define themselves (astro/dist/core/create-vite.js) */
const ASTRO_OWN_ENV = ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR'];

export async function renderSite(o: RenderSite): Promise<{ pages: number }> {
  let t = performance.now();
  process.env.ACCOUNTABLE_BUNDLE_DIR = o.bundleDir;
  process.env.ACCOUNTABLE_OUT_DIR = o.renderDir;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Astro turns every environment variable into import.meta.env.<name>, ahead of its own values:
  // an inherited BASE_URL (vitest sets one, so can a shell) would replace the base of every link
  for (const k of ASTRO_OWN_ENV) delete process.env[k];
  const { build } = await import('astro');
  await build({ root: o.root, logLevel: 'warn', outDir: o.renderDir, ...(o.base ? { base: o.base } : {}) });
  o.onStage?.('site', performance.now() - t);

  t = performance.now();
  await rm(join(o.renderDir, '.prerender'), { recursive: true, force: true });
  const indexed = await indexSearch(o.renderDir);
  o.onStage?.('search', performance.now() - t);
  await mkdir(dirname(o.to), { recursive: true });
  await moveDir(o.renderDir, o.to);
  return indexed;
}
