import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './write-atomic.ts';

/**
 * Computed tables keyed by the fingerprint of their inputs (data files, config, definitions
 * code). One entry is kept: a new key replaces the old one. A missing or unreadable entry is a
 * miss, never an error.
 */
export async function readCache<T>(dir: string, key: string): Promise<T | null> {
  try {
    const text = await readFile(join(dir, 'tables.json'), 'utf8');
    const entry = JSON.parse(text) as { key: string; value: T };
    return entry.key === key ? entry.value : null;
  } catch {
    return null;
  }
}

export async function writeCache<T>(dir: string, key: string, value: T): Promise<void> {
  await writeFileAtomic(join(dir, 'tables.json'), JSON.stringify({ key, value }));
}
