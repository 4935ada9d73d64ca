/**
 * npm run build: read data → validate → compute tables → render the site into dist/.
 * Prints each stage with its timing and ends with the ledger. The site is rendered into a
 * temporary sibling folder and swapped into place only when every stage succeeded, so a failed
 * build leaves the previous dist/ exactly as it was. Exit code 1 on any failure.
 *
 * With audiences in config.yaml, each audience's site (the same pages on the audience's bundle)
 * goes to <out>-audiences/<name>/ (default dist-audiences/), swapped in after dist/.
 *
 * Options: --data <dir> (default data), --out <dir> (default dist), --audiences-out <dir> (default <out>-audiences),
 *          --bundle <dir> (default .accountable/bundle), --cache <dir> (default .accountable/cache),
 *          --quarantine <dir> (default quarantine), --no-cache
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBuildErrors } from '../src/lib/build-error.ts';
import { collectGarbage, nodeEffects } from '../src/lib/node-effects.ts';
import { runPipeline } from '../src/build/pipeline.ts';
import { formatLedger } from '../src/build/format-ledger.ts';
import { renderShards, renderSite } from '../src/build/render-site.ts';
import { SwapFailure, swapDir } from '../src/publish/swap-dir.ts';
import { removeDeadBuildFolders } from '../src/publish/dead-build-folders.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'dist' },
    'audiences-out': { type: 'string' },
    bundle: { type: 'string', default: '.accountable/bundle' },
    cache: { type: 'string', default: '.accountable/cache' },
    quarantine: { type: 'string', default: 'quarantine' },
    'no-cache': { type: 'boolean', default: false },
  },
});

const root = process.cwd();
const outDir = resolve(root, values.out);
// Astro renders into a folder of its own inside the project: for an outDir outside the working
// directory Astro would put its prerender chunks in the shared .astro/, and builds running side
// by side (tests, benchmarks) would overwrite each other's.
const renderDir = join(root, '.accountable', `render-${process.pid}`);
const nextDir = join(dirname(outDir), `.${basename(outDir)}-next-${process.pid}`);
const audiencesDir = resolve(root, values['audiences-out'] ?? `${values.out}-audiences`);
const audiencesNext = join(dirname(audiencesDir), `.${basename(audiencesDir)}-next-${process.pid}`);
const effects = nodeEffects();
const t0 = performance.now();

async function main(): Promise<number> {
  console.log('Accountable build');
  // a setting, checked before any work: a wrong value stops the build with what to write instead
  let shards: number;
  try {
    shards = renderShards(process.env.ACCOUNTABLE_RENDER_SHARDS);
  } catch (e) {
    console.error(`\n${(e as Error).message}\n\nThe build stopped; ${values.out}/ was not changed.`);
    return 1;
  }
  // what killed builds left behind (their pids are gone): render folders, half-swapped sites, temp bundles
  const bundleDir = resolve(root, values.bundle);
  const stale = await removeDeadBuildFolders([
    { dir: join(root, '.accountable'), prefix: 'render-' },
    { dir: dirname(outDir), prefix: `.${basename(outDir)}-next-` },
    { dir: dirname(outDir), prefix: `${basename(outDir)}.old-`, restoreTo: outDir },
    { dir: dirname(audiencesDir), prefix: `.${basename(audiencesDir)}-next-` },
    { dir: dirname(audiencesDir), prefix: `${basename(audiencesDir)}.old-`, restoreTo: audiencesDir },
    { dir: dirname(bundleDir), prefix: `.${basename(bundleDir)}-next-` },
    { dir: resolve(root, values.cache), prefix: 'tables-next-' },
  ]);
  if (stale.length) console.log(`  removed ${stale.length} folder(s) left by interrupted builds`);
  const result = await runPipeline({
    root,
    dataDir: resolve(root, values.data),
    bundleDir,
    cacheDir: resolve(root, values.cache),
    quarantineDir: resolve(root, values.quarantine),
    useCache: !values['no-cache'],
    effects,
    collectGarbage,
    previousSite: outDir,
    onStage: (name, ms) => console.log(`  ${name.padEnd(10)} ${(ms / 1000).toFixed(2)} s`),
  });
  if (!result.ok) {
    console.error('\n' + formatBuildErrors(result.errors ?? [result.error]));
    console.error(`\nThe build stopped; ${values.out}/ was not changed.`);
    return 1;
  }

  const onStage = (name: string, ms: number) => console.log(`  ${name.padEnd(10)} ${(ms / 1000).toFixed(2)} s`);
  // Astro's incremental caches, one per site (--no-cache: every page rendered afresh)
  const renderCache = (site: string) => (values['no-cache'] ? undefined : join(resolve(root, values.cache), 'render', site));
  const site = await renderSite({ root, bundleDir, renderDir, to: nextDir, cacheDir: renderCache('site'), shards, onStage });
  console.log(`  ${site.rendered} of ${site.listed} pages rendered, ${site.listed - site.rendered} unchanged since the last build (copied)`);
  // every audience: the same pages on its own bundle, with its own base path (docs/hosting.md)
  for (const a of result.audiences) {
    const t = performance.now();
    const parts: string[] = [];
    const r = await renderSite({ root, bundleDir: a.bundleDir, renderDir, to: join(audiencesNext, a.name), base: a.base, cacheDir: renderCache(`audience-${a.name}`), shards, onStage: (n, ms) => parts.push(`${n} ${(ms / 1000).toFixed(2)} s`) });
    console.log(`  audience ${a.name}: ${r.pages} pages in ${((performance.now() - t) / 1000).toFixed(2)} s (${parts.join(', ')}), base ${a.base}`);
  }

  const swap = await swapDir(nextDir, outDir);
  const audSwap = result.audiences.length ? await swapDir(audiencesNext, audiencesDir) : null;
  console.log('\n' + formatLedger(result.ledger));
  if (swap.leftover) {
    console.warn(`\n! ${values.out}/ holds the new site, but the previous one could not be removed (${swap.leftover.reason}): it is at ${swap.leftover.path}; the next build tries again.`);
  }
  if (audSwap?.leftover) {
    console.warn(`\n! ${basename(audiencesDir)}/ holds the new sites, but the previous ones could not be removed (${audSwap.leftover.reason}): they are at ${audSwap.leftover.path}; the next build tries again.`);
  }
  if (result.audiences.length) console.log(`  audiences: ${result.audiences.map((a) => `${basename(audiencesDir)}/${a.name}/`).join(', ')}`);
  else if (existsSync(audiencesDir)) console.warn(`\n! ${basename(audiencesDir)}/ holds audience sites of an earlier build, but config.yaml names no audience now: they were not updated; remove the folder if they are no longer wanted.`);
  const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`\n✓ ${values.out}/ built in ${((performance.now() - t0) / 1000).toFixed(1)} s, peak memory ${peakMB} MB (as of ${result.asOf})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    await rm(renderDir, { recursive: true, force: true });
    await rm(nextDir, { recursive: true, force: true });
    await rm(audiencesNext, { recursive: true, force: true });
    if (e instanceof SwapFailure) {
      // the site was built; only putting it in place failed: say what dist/ holds now
      console.error(`✗ ${e.message}`);
      console.error(e.restored
        ? `\nThe build failed; ${values.out}/ still holds the previous site.`
        : e.previousAt
          ? `\nThe build failed; ${values.out}/ is missing: the previous site is at ${e.previousAt}.`
          : `\nThe build failed; ${values.out}/ was not created.`);
    } else {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      console.error(`\nThe build failed; ${values.out}/ was not changed.`);
    }
    process.exit(1);
  },
);
