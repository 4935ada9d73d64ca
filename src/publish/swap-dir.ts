import { rename, rm, stat } from 'node:fs/promises';

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
