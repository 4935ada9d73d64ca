import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/build/pipeline.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';

describe('the data pipeline', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('stops with a clear message when no order row survives ingest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pipeline-'));
    dirs.push(dir);
    await writeFile(join(dir, 'orders.csv'), 'order_id,order_date,amount\nA1,2024-02-30,10\nA2,not a date,5\nA3,2024-03-01,abc\n');
    const r = await runPipeline({
      root: process.cwd(),
      dataDir: dir,
      bundleDir: join(dir, 'bundle'),
      cacheDir: join(dir, 'cache'),
      quarantineDir: join(dir, 'quarantine'),
      useCache: false,
      effects: { ...nodeEffects(), log: { info: () => {}, warn: () => {} } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('no_orders');
    expect(r.error.file).toBe('orders.csv');
    // three rows read, all three rejected (impossible date, unparsable date, unparsable amount)
    expect(r.error.message.en).toBe('no usable order rows (3 read, 3 rejected, 0 excluded, 0 duplicates)');
    expect(r.error.hint?.en).toContain('quarantine/orders.rejected.csv');
  });
});
