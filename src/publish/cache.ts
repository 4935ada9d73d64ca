import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readNdjson, writeNdjson } from '../bundle/ndjson.ts';
import { swapDir } from './swap-dir.ts';

/**
 * Computed tables keyed by the fingerprint of their inputs (data files, config, definitions
 * code). One entry is kept: a new key replaces the old one. A missing or unreadable entry is a
 * miss, never an error.
 *
 * The value is stored as a tree of parts (arrays as NDJSON, everything else in one JSON file
 * per object), because the tables of a large company do not fit in one JSON string.
 */
export async function readCache<T>(dir: string, key: string): Promise<T | null> {
  try {
    const root = join(dir, 'tables');
    if ((await readFile(join(root, 'key.txt'), 'utf8')) !== key) return null;
    return (await readParts(join(root, 'value'))) as T;
  } catch {
    return null;
  }
}

export async function writeCache(dir: string, key: string, value: Record<string, unknown>): Promise<void> {
  const next = join(dir, `tables-next-${process.pid}`);
  await rm(next, { recursive: true, force: true });
  try {
    await writeParts(join(next, 'value'), value);
    await writeFile(join(next, 'key.txt'), key);
    await swapDir(next, join(dir, 'tables'));
  } catch (e) {
    await rm(next, { recursive: true, force: true });
    throw e;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function writeParts(dir: string, obj: Record<string, unknown>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (Array.isArray(v)) await writeNdjson(join(dir, `${k}.ndjson`), v);
    else if (isPlainObject(v)) await writeParts(join(dir, k), v);
    else values[k] = v;
  }
  // the key order is kept: a cache hit must publish the same bytes as a fresh computation
  await writeFile(join(dir, '_values.json'), JSON.stringify({ order: Object.keys(obj), values }));
}

async function readParts(dir: string): Promise<Record<string, unknown>> {
  const { order, values } = JSON.parse(await readFile(join(dir, '_values.json'), 'utf8')) as { order: string[]; values: Record<string, unknown> };
  const parts: Record<string, unknown> = {};
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) parts[e.name] = await readParts(join(dir, e.name));
    else if (e.name.endsWith('.ndjson')) parts[e.name.slice(0, -'.ndjson'.length)] = readNdjson(join(dir, e.name));
  }
  const out: Record<string, unknown> = {};
  for (const k of order) out[k] = k in values ? values[k] : parts[k];
  return out;
}
