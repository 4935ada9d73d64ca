import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Move every file of `from` into `to` (created as needed), then remove `from`. The Astro builds
 * over shares of one site write disjoint pages but the same assets (`_astro/`, public/ files):
 * a file already in `to` must have the same bytes, or the merge stops (two builds disagreeing
 * would otherwise publish whichever came last).
 */
export async function mergeDirInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const e of await readdir(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isDirectory()) {
      await mergeDirInto(src, dst);
      continue;
    }
    const existing = await readFile(dst).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (existing === null) await rename(src, dst);
    else if (!existing.equals(await readFile(src))) throw new Error(`site: two renders of ${dst} differ`);
  }
  await rm(from, { recursive: true, force: true });
}
