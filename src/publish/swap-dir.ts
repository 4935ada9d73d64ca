import { cp, rename, rm, stat } from 'node:fs/promises';

/**
 * Put a freshly built folder in place of the published one only after the whole build
 * succeeded: `next` → `target`, the old `target` removed afterwards. Until the first rename
 * the previous site is untouched; between the two renames a reader sees either tree whole.
 *
 * Either the swap completes or the previous tree is restored, and the outcome says which:
 * - completed: `target` holds the new tree; `leftover` names the previous tree when it could
 *   not be removed (a read-only folder: the next build tries again);
 * - not completed: throws a SwapFailure whose `restored` says whether `target` holds the previous
 *   tree again (else `previousAt` says where it is).
 */
export interface SwapResult {
  leftover: { path: string; reason: string } | null;
}

export class SwapFailure extends Error {
  readonly restored: boolean;
  readonly previousAt: string | null;
  constructor(message: string, restored: boolean, previousAt: string | null, cause: unknown) {
    super(message, { cause });
    this.name = 'SwapFailure';
    this.restored = restored;
    this.previousAt = previousAt;
  }
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** the file-system calls swapDir makes (tests inject failures: a read-only tree, a full disk) */
export interface SwapOps {
  rename: (from: string, to: string) => Promise<void>;
  rm: (path: string, opts: { recursive: boolean; force: boolean }) => Promise<void>;
}
const nodeOps: SwapOps = { rename, rm };

export async function swapDir(next: string, target: string, ops: SwapOps = nodeOps): Promise<SwapResult> {
  const old = `${target}.old-${process.pid}`;
  const hadTarget = await stat(target).then(() => true, () => false);
  if (hadTarget) {
    try {
      await ops.rename(target, old);
    } catch (e) {
      throw new SwapFailure(`could not move ${target} aside (${reason(e)}); it was not changed`, true, null, e);
    }
  }
  try {
    await ops.rename(next, target);
  } catch (e) {
    if (!hadTarget) throw new SwapFailure(`could not move the new tree into ${target} (${reason(e)})`, false, null, e);
    try {
      await ops.rename(old, target);
    } catch (e2) {
      throw new SwapFailure(`could not move the new tree into ${target} (${reason(e)}) nor put the previous one back (${reason(e2)}): it is at ${old}`, false, old, e);
    }
    throw new SwapFailure(`could not move the new tree into ${target} (${reason(e)}); the previous one was put back`, true, null, e);
  }
  if (!hadTarget) return { leftover: null };
  try {
    await ops.rm(old, { recursive: true, force: true });
    return { leftover: null };
  } catch (e) {
    return { leftover: { path: old, reason: reason(e) } };
  }
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
