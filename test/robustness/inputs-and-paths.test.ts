import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quietPipeline } from '../build/quiet-pipeline.ts';
import { readBundle } from '../../src/site-data/load.ts';

/*
 * Issue 17.3 (stale figures from the cache) and 17.8 (configured paths that point nowhere).
 * The cache key covers every file the build reads, wherever it lives: a subfolder of data/ (the
 * docs' own `path: exports/…`) or an absolute path elsewhere. A path the user named that cannot
 * be read stops the build with that path.
 */
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'inputs-'));
  dirs.push(d);
  return d;
}

/** the pipeline with the cache on; returns the stages it ran */
async function run(root: string, data: string) {
  const stages: string[] = [];
  const r = await quietPipeline(root, { data, useCache: true, onStage: (name) => stages.push(name) });
  return { r, stages };
}

/** company revenue of the whole year 2024 from the bundle */
const revenue2024 = (root: string) =>
  readBundle(join(root, 'bundle')).kpis.find((k) => k.kpi === 'revenue' && k.entity_type === 'company' && k.period === '2024')?.value;

const orders = (amount: number) => `order_id,customer_id,order_date,amount\nA1,C1,2024-01-05,10\nA2,C2,2024-06-01,${amount}\n`;

describe('the cache fingerprint covers every file the build reads', () => {
  it('an edit to a file in a subfolder of data/ is a cache miss and republishes the new figure', async () => {
    const root = await tmp();
    const data = join(root, 'data');
    await mkdir(join(data, 'exports'), { recursive: true });
    await writeFile(join(data, 'config.yaml'), 'files:\n  orders:\n    path: exports/orders.csv\n');
    await writeFile(join(data, 'exports', 'orders.csv'), orders(5));
    const a = await run(root, data);
    expect(a.r.ok).toBe(true);
    expect(revenue2024(root)).toBe(15);
    const again = await run(root, data);
    expect(again.stages).toContain('cache hit');
    await writeFile(join(data, 'exports', 'orders.csv'), orders(90));
    const b = await run(root, data);
    expect(b.stages).not.toContain('cache hit');
    expect(revenue2024(root)).toBe(100);
  });

  it('an edit to a file at an absolute path outside data/ is a cache miss too', async () => {
    const root = await tmp();
    const data = join(root, 'data');
    const elsewhere = join(root, 'elsewhere');
    await mkdir(data, { recursive: true });
    await mkdir(elsewhere, { recursive: true });
    await writeFile(join(elsewhere, 'orders.csv'), orders(5));
    await writeFile(join(data, 'config.yaml'), `files:\n  orders:\n    path: ${join(elsewhere, 'orders.csv')}\n`);
    const a = await run(root, data);
    if (!a.r.ok) throw new Error(a.r.error.message.en);
    expect(revenue2024(root)).toBe(15);
    await writeFile(join(elsewhere, 'orders.csv'), orders(40));
    const b = await run(root, data);
    expect(b.stages).not.toContain('cache hit');
    expect(revenue2024(root)).toBe(50);
    // the published manifest names the file, not the local folder it sits in
    expect(JSON.stringify(readBundle(join(root, 'bundle')).manifest.fingerprints)).not.toContain(elsewhere);
  });
});

describe('configured paths that point nowhere stop the build with the path', () => {
  it('an absolute files.*.path is read where it points, not under data/', async () => {
    const root = await tmp();
    const data = join(root, 'data');
    await mkdir(data, { recursive: true });
    await writeFile(join(root, 'o.csv'), orders(5));
    await writeFile(join(data, 'config.yaml'), `files:\n  orders:\n    path: ${join(root, 'o.csv')}\n`);
    const { r } = await run(root, data);
    expect(r.ok).toBe(true);
  });

  it('a configured optional file that does not exist is an error naming every such path, not "not present"', async () => {
    const root = await tmp();
    const data = join(root, 'data');
    await mkdir(data, { recursive: true });
    await writeFile(join(data, 'orders.csv'), orders(5));
    await writeFile(join(data, 'config.yaml'), 'files:\n  tickets:\n    path: exports/tickets-2026.csv\n  surveys:\n    path: /nowhere/surveys.csv\n');
    const { r } = await run(root, data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('missing_file');
    expect(r.error.message.en).toContain(`files.tickets.path: ${join(data, 'exports/tickets-2026.csv')}`);
    expect(r.error.message.en).toContain('files.surveys.path: /nowhere/surveys.csv');
  });

  it('a broken symlink at a default file name stops the build too', async () => {
    const root = await tmp();
    const data = join(root, 'data');
    await mkdir(data, { recursive: true });
    await writeFile(join(data, 'orders.csv'), orders(5));
    await symlink(join(root, 'gone.csv'), join(data, 'staff.csv'));
    const { r } = await run(root, data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message.en).toContain(join(data, 'staff.csv'));
  });
});
