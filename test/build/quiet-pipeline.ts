import { join } from 'node:path';
import { runPipeline, type PipelineOptions } from '../../src/build/pipeline.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';

/**
 * The data half of a build (runPipeline) as the tests run it: the files of `data` (default:
 * `dir`), everything it writes kept in `dir` (bundle/, cache/, quarantine/), no cache, nothing
 * logged; `extra` sets the rest (useCache, now, onStage …).
 */
export function quietPipeline(dir: string, extra: Partial<PipelineOptions> & { data?: string } = {}) {
  const { data = dir, ...rest } = extra;
  return runPipeline({
    root: process.cwd(), dataDir: data, bundleDir: join(dir, 'bundle'), cacheDir: join(dir, 'cache'),
    quarantineDir: join(dir, 'quarantine'), useCache: false,
    effects: { ...nodeEffects(), log: { info: () => {}, warn: () => {} } },
    ...rest,
  });
}
