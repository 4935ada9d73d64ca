import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Temporary folders a build names after its process id (`.accountable/render-<pid>`,
 * `.dist-next-<pid>`, `dist.old-<pid>`, `.bundle-next-<pid>`, `cache/tables-next-<pid>`): a killed
 * build leaves them behind. The next build removes those whose process is gone; a build still
 * running side by side keeps its own. Only the exact `<prefix><pid>` names are touched.
 */
export interface TempFolders {
  /** the folder they are made in */
  dir: string;
  /** the name before the pid, e.g. `render-` */
  prefix: string;
  /** for a set-aside published tree (`dist.old-<pid>`): put it back here when this is missing */
  restoreTo?: string;
}

const exists = (p: string) => stat(p).then(() => true, () => false);

/** whether a process id is alive (signal 0 tests without signalling) */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, but another user's
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the dead builds' folders; returns their paths. */
export async function removeDeadBuildFolders(kinds: readonly TempFolders[], alive: (pid: number) => boolean = processAlive): Promise<string[]> {
  const removed: string[] = [];
  for (const { dir, prefix, restoreTo } of kinds) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isDirectory() || !e.name.startsWith(prefix)) continue;
      const rest = e.name.slice(prefix.length);
      if (!/^\d+$/.test(rest)) continue;
      const pid = Number(rest);
      if (pid === process.pid || alive(pid)) continue;
      const path = join(dir, e.name);
      if (restoreTo && !(await exists(restoreTo))) {
        // killed between the two renames of a swap: this is the published site, put it back
        await rename(path, restoreTo).catch(() => {});
        continue;
      }
      // best effort: a folder that cannot be removed (read-only) is tried again next time
      if (await rm(path, { recursive: true, force: true }).then(() => true, () => false)) removed.push(path);
    }
  }
  return removed;
}
