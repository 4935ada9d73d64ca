/**
 * The child process of one Astro build over one share of a site's pages (render-site.ts starts
 * one per core). Its job comes as one JSON argument; the environment (ACCOUNTABLE_BUNDLE_DIR,
 * ACCOUNTABLE_OUT_DIR, ...) is set by the parent. Its last line on stdout is the count of its pages
 * (ShardCount as JSON); exit code 1 with the error on stderr.
 */
import { shardIntegration, type Shard, type ShardCount } from './render-shard.ts';

interface ShardJob {
  root: string;
  outDir: string;
  /** Astro's cache folder of this share: its incremental-build manifest and page copies */
  cacheDir: string;
  base?: string;
  shard: Shard;
  cacheKey: string;
}

const job = JSON.parse(process.argv[2] ?? '{}') as ShardJob;
const count: ShardCount = { listed: 0, rendered: 0 };
try {
  const { build } = await import('astro');
  await build({
    root: job.root,
    logLevel: 'warn',
    outDir: job.outDir,
    cacheDir: job.cacheDir,
    ...(job.base ? { base: job.base } : {}),
    experimental: { incrementalBuild: true },
    integrations: [shardIntegration(job.shard, job.cacheKey, count)],
  });
  console.log(JSON.stringify(count));
  process.exit(0);
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
}
