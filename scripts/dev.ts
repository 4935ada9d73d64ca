/**
 * npm run dev: build the data bundle, then serve the site with live reload. Editing a CSV, the
 * config or a role card re-runs the data pipeline (the cache skips what did not change); the
 * pages pick up the rewritten bundle on the next request. Astro reloads templates itself.
 */
import { watch } from 'node:fs';
import { resolve } from 'node:path';
import { runPipeline } from '../src/build/pipeline.ts';
import { formatBuildErrors } from '../src/lib/build-error.ts';
import { collectGarbage, nodeEffects } from '../src/lib/node-effects.ts';

const root = process.cwd();
const dataDir = resolve(root, 'data');
const bundleDir = resolve(root, '.accountable/bundle');
const effects = nodeEffects();

async function refresh(): Promise<boolean> {
  const result = await runPipeline({
    root,
    dataDir,
    bundleDir,
    cacheDir: resolve(root, '.accountable/cache'),
    quarantineDir: resolve(root, 'quarantine'),
    useCache: true,
    effects,
    collectGarbage,
    onStage: (name, ms) => console.log(`  ${name.padEnd(10)} ${(ms / 1000).toFixed(2)} s`),
  });
  if (!result.ok) console.error(formatBuildErrors(result.errors ?? [result.error]));
  return result.ok;
}

if (!(await refresh())) process.exit(1);

let timer: NodeJS.Timeout | undefined;
watch(dataDir, { recursive: true }, (_event, file) => {
  if (!file || file.startsWith('.')) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    console.log(`data/${file} changed: rebuilding the data`);
    void refresh();
  }, 200);
});

process.env.ACCOUNTABLE_BUNDLE_DIR = bundleDir;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { dev } = await import('astro');
await dev({ root });
