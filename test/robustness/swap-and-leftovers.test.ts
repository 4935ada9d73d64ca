import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quietPipeline } from '../build/quiet-pipeline.ts';
import { processAlive, removeDeadBuildFolders } from '../../src/publish/dead-build-folders.ts';
import { SwapFailure, swapDir } from '../../src/publish/swap-dir.ts';

/*
 * Issue 17.7 (a read-only dist/ got a false "was not changed"), 17.13 (quarantine/ disagreed with
 * the ledger) and 17.14 (a killed build's render folders stayed for ever).
 */
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'leftovers-'));
  dirs.push(d);
  return d;
}
async function tree(root: string, files: Record<string, string>): Promise<void> {
  for (const [p, text] of Object.entries(files)) {
    await mkdir(join(root, p, '..'), { recursive: true });
    await writeFile(join(root, p), text);
  }
}
const eacces = (p: string) => Object.assign(new Error(`EACCES: permission denied, rmdir '${p}'`), { code: 'EACCES' });

describe('swapDir: the swap completes or restores, and says which', () => {
  it('the previous tree cannot be removed (read-only): the swap is complete and the leftover is named', async () => {
    const d = await tmp();
    await tree(d, { 'dist/index.html': 'old', 'next/index.html': 'new' });
    const r = await swapDir(join(d, 'next'), join(d, 'dist'), {
      rename,
      rm: async (p) => { throw eacces(p); },
    });
    expect(await readFile(join(d, 'dist/index.html'), 'utf8')).toBe('new');
    expect(r.leftover?.path).toBe(join(d, `dist.old-${process.pid}`));
    expect(r.leftover?.reason).toContain('EACCES');
  });

  it('the new tree cannot be moved in: the previous one is put back and the failure says so', async () => {
    const d = await tmp();
    await tree(d, { 'dist/index.html': 'old', 'next/index.html': 'new' });
    const failing = async (from: string, to: string) => {
      if (from.endsWith('next')) throw eacces(to);
      await rename(from, to);
    };
    const e = await swapDir(join(d, 'next'), join(d, 'dist'), { rename: failing, rm }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SwapFailure);
    expect((e as SwapFailure).restored).toBe(true);
    expect((e as SwapFailure).message).toContain('the previous one was put back');
    expect(await readFile(join(d, 'dist/index.html'), 'utf8')).toBe('old');
  });

  it('the previous tree cannot be moved aside: nothing changed, and the failure says so', async () => {
    const d = await tmp();
    await tree(d, { 'dist/index.html': 'old', 'next/index.html': 'new' });
    const e = await swapDir(join(d, 'next'), join(d, 'dist'), { rename: async (_f, t) => { throw eacces(t); }, rm }).catch((x: unknown) => x);
    expect((e as SwapFailure).restored).toBe(true);
    expect((e as SwapFailure).message).toContain('it was not changed');
    expect(await readFile(join(d, 'dist/index.html'), 'utf8')).toBe('old');
  });
});

describe('folders left by killed builds are cleaned by the next one', () => {
  it('removes the temp folders of dead builds, keeps live ones, restores a set-aside site', async () => {
    const d = await tmp();
    // a real process that has exited: its pid is dead
    const child = spawn(process.execPath, ['-e', '0']);
    const dead = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    expect(processAlive(dead)).toBe(false);
    await tree(d, {
      [`.accountable/render-${dead}/index.html`]: 'x',
      [`.accountable/render-${process.pid}/index.html`]: 'mine',
      '.accountable/render-notapid/keep.txt': 'x',
      [`.dist-next-${dead}/index.html`]: 'half',
      [`dist.old-${dead}/index.html`]: 'previous site',
    });
    const removed = await removeDeadBuildFolders([
      { dir: join(d, '.accountable'), prefix: 'render-' },
      { dir: d, prefix: '.dist-next-' },
      { dir: d, prefix: 'dist.old-', restoreTo: join(d, 'dist') },
    ]);
    expect(removed.sort()).toEqual([join(d, `.accountable/render-${dead}`), join(d, `.dist-next-${dead}`)].sort());
    expect((await readdir(join(d, '.accountable'))).sort()).toEqual([`render-${process.pid}`, 'render-notapid'].sort());
    // killed between the swap's two renames: dist/ was missing, the set-aside site is put back
    expect(await readFile(join(d, 'dist/index.html'), 'utf8')).toBe('previous site');
  });
});

describe('quarantine/ always equals the ledger', () => {
  const run = (root: string) => quietPipeline(root, { data: join(root, 'data'), useCache: true });

  it('a cache-hit build recreates a deleted quarantine folder; a fixed file\'s old *.rejected.csv goes', async () => {
    const root = await tmp();
    await tree(root, {
      'data/orders.csv': 'order_id,customer_id,order_date,amount\nA1,C1,2024-01-05,10\nA2,C2,2024-02-30,5\n',
      'data/customers.csv': 'customer_id,name\nC1,Li\nC1,Again\n',
    });
    expect((await run(root)).ok).toBe(true);
    expect((await readdir(join(root, 'quarantine'))).sort()).toEqual(['customers.rejected.csv', 'orders.rejected.csv']);
    await rm(join(root, 'quarantine'), { recursive: true });
    expect((await run(root)).ok).toBe(true); // a cache hit: same inputs
    expect((await readdir(join(root, 'quarantine'))).sort()).toEqual(['customers.rejected.csv', 'orders.rejected.csv']);
    // the orders file fixed: its quarantine file goes, the customers one stays
    await writeFile(join(root, 'data/orders.csv'), 'order_id,customer_id,order_date,amount\nA1,C1,2024-01-05,10\nA2,C2,2024-02-28,5\n');
    expect((await run(root)).ok).toBe(true);
    expect(await readdir(join(root, 'quarantine'))).toEqual(['customers.rejected.csv']);
    expect(existsSync(join(root, 'quarantine', 'orders.rejected.csv'))).toBe(false);
  });
});
