import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { swapDir } from './swap-dir.ts';

/**
 * Write the bundle into a fresh sibling folder, then swap it in: pages never read a bundle
 * that is half old and half new.
 */
export async function writeBundle(dir: string, files: Record<string, unknown>): Promise<void> {
  const next = join(dirname(dir), `.${basename(dir)}-next-${process.pid}`);
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  try {
    for (const name of Object.keys(files).sort()) await writeFile(join(next, name), JSON.stringify(files[name]));
    await swapDir(next, dir);
  } catch (e) {
    await rm(next, { recursive: true, force: true });
    throw e;
  }
}
