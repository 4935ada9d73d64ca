import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quietPipeline } from './quiet-pipeline.ts';
import { readBundle } from '../../src/site-data/load.ts';

/** the data half of a build on the files of `dir`, everything it writes kept in `dir`, quietly */
const run = (dir: string) => quietPipeline(dir);

describe('the data pipeline', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('stops with a clear message when no order row survives ingest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pipeline-'));
    dirs.push(dir);
    await writeFile(join(dir, 'orders.csv'), 'order_id,order_date,amount\nA1,2024-02-30,10\nA2,not a date,5\nA3,2024-03-01,abc\n');
    const r = await run(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('no_orders');
    expect(r.error.file).toBe('orders.csv');
    // three rows read, all three rejected (impossible date, unparsable date, unparsable amount)
    expect(r.error.message.en).toBe('no usable order rows (3 read, 3 rejected, 0 excluded, 0 duplicates)');
    expect(r.error.hint?.en).toContain('quarantine/orders.rejected.csv');
  });

  it('the configured thresholds reach the bundle, and the site states them in the KPI definitions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pipeline-'));
    dirs.push(dir);
    await writeFile(join(dir, 'orders.csv'), 'order_id,customer_id,order_date,amount\nA1,C1,2024-01-05,10\nA2,C1,2024-06-01,5\n');
    await writeFile(join(dir, 'config.yaml'), 'dormantDays: 60\nsla:\n  responseHours: 12\n');
    const r = await run(dir);
    if (!r.ok) throw new Error(r.error.message.en);
    const b = readBundle(join(dir, 'bundle'));
    expect(b.manifest.definitionSettings).toMatchObject({ dormantDays: 60, responseHours: 12, lostDays: 365 });
    const def = (id: string) => b.catalogue.find((k) => k.id === id)!;
    expect(def('reactivated').definition.en).toContain('more than 60 days');
    expect(def('response_sla_rate').name['zh-CN']).toBe('12小时响应达标率');
  });
});

