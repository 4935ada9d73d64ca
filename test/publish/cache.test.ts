import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCache, writeCache } from '../../src/publish/cache.ts';

describe('the tables cache', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('gives back the same value, key order included, for the same key and nothing for another', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cache-'));
    dirs.push(dir);
    const value = {
      zeta: 1,
      rows: [{ b: 2, a: 1 }, { b: null, a: 'x' }],
      nested: { list: [1, 2, 3], label: 'n', deeper: { y: [[1, 2]], x: null } },
      alpha: 'last',
      empty: [],
    };
    await writeCache(dir, 'k1', value);
    const back = await readCache<typeof value>(dir, 'k1');
    expect(back).toEqual(value);
    // JSON of the read value is byte-identical: the same bundle whether cached or computed
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
    expect(await readCache(dir, 'k2')).toBeNull();
  });

  it('is a miss, not an error, when nothing was cached', async () => {
    expect(await readCache(join(tmpdir(), 'no-such-cache-dir'), 'k')).toBeNull();
  });
});
