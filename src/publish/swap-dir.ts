import { cp, rename, rm, stat } from 'node:fs/promises';

/**
 * Put a freshly built folder in place of the published one only after the whole build
 * succeeded: `next` → `target`, the old `target` removed afterwards. Until the first rename
 * the previous site is untouched; between the two renames a reader sees either tree whole.
 */
export async function swapDir(next: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  const hadTarget = await stat(target).then(() => true, () => false);
  if (hadTarget) await rename(target, old);
  try {
    await rename(next, target);
  } catch (e) {
    if (hadTarget) await rename(old, target);
    throw e;
  }
  if (hadTarget) await rm(old, { recursive: true, force: true });
}

/** Move a folder, copying when source and target are on different file systems. */
export async function moveDir(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
