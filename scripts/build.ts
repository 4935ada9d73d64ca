/**
 * npm run build: read data → validate → compute tables → render the site into dist/.
 * Prints each stage with its timing and ends with the ledger. The site is rendered into a
 * temporary sibling folder and swapped into place only when every stage succeeded, so a failed
 * build leaves the previous dist/ exactly as it was. Exit code 1 on any failure.
 *
 * Options: --data <dir> (default data), --out <dir> (default dist),
 *          --bundle <dir> (default .accountable/bundle), --cache <dir> (default .accountable/cache),
 *          --quarantine <dir> (default quarantine), --no-cache
 */
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBuildErrors } from '../src/lib/build-error.ts';
import { collectGarbage, nodeEffects } from '../src/lib/node-effects.ts';
import { runPipeline } from '../src/build/pipeline.ts';
import { formatLedger } from '../src/build/format-ledger.ts';
import { indexSearch } from '../src/build/search-index.ts';
import { moveDir, SwapFailure, swapDir } from '../src/publish/swap-dir.ts';
import { removeDeadBuildFolders } from '../src/publish/dead-build-folders.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'dist' },
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
const effects = nodeEffects();
const t0 = performance.now();
const stage = (name: string, since: number) =>
  console.log(`  ${name.padEnd(10)} ${((performance.now() - since) / 1000).toFixed(2)} s`);

async function main(): Promise<number> {
  console.log('Accountable build');
  // what killed builds left behind (their pids are gone): render folders, half-swapped sites, temp bundles
  const bundleDir = resolve(root, values.bundle);
  const stale = await removeDeadBuildFolders([
    { dir: join(root, '.accountable'), prefix: 'render-' },
    { dir: dirname(outDir), prefix: `.${basename(outDir)}-next-` },
    { dir: dirname(outDir), prefix: `${basename(outDir)}.old-`, restoreTo: outDir },
    { dir: dirname(bundleDir), prefix: `.${basename(bundleDir)}-next-` },
    { dir: resolve(root, values.cache), prefix: 'tables-next-' },
  ]);
  if (stale.length) console.log(`  removed ${stale.length} folder(s) left by interrupted builds`);
  const result = await runPipeline({
    root,
    dataDir: resolve(root, values.data),
    bundleDir: resolve(root, values.bundle),
    cacheDir: resolve(root, values.cache),
    quarantineDir: resolve(root, values.quarantine),
    useCache: !values['no-cache'],
    effects,
    collectGarbage,
    onStage: (name, ms) => console.log(`  ${name.padEnd(10)} ${(ms / 1000).toFixed(2)} s`),
  });
  if (!result.ok) {
    console.error('\n' + formatBuildErrors(result.errors ?? [result.error]));
    console.error(`\nThe build stopped; ${values.out}/ was not changed.`);
    return 1;
  }

  let t = performance.now();
  process.env.ACCOUNTABLE_BUNDLE_DIR = resolve(root, values.bundle);
  process.env.ACCOUNTABLE_OUT_DIR = renderDir;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  await build({ root, logLevel: 'warn' });
  stage('site', t);

  t = performance.now();
  await rm(join(renderDir, '.prerender'), { recursive: true, force: true });
  await indexSearch(renderDir);
  stage('search', t);

  await moveDir(renderDir, nextDir);
  const swap = await swapDir(nextDir, outDir);
  console.log('\n' + formatLedger(result.ledger));
  if (swap.leftover) {
    console.warn(`\n! ${values.out}/ holds the new site, but the previous one could not be removed (${swap.leftover.reason}): it is at ${swap.leftover.path}; the next build tries again.`);
  }
  const peakMB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`\n✓ ${values.out}/ built in ${((performance.now() - t0) / 1000).toFixed(1)} s, peak memory ${peakMB} MB (as of ${result.asOf})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    await rm(renderDir, { recursive: true, force: true });
    await rm(nextDir, { recursive: true, force: true });
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
