import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import type { Effects } from './effects.ts';

/** The real effects, used only by scripts/. */
export const nodeEffects = (): Effects => ({
  fs: {
    // a Buffer is a Uint8Array: no copy of the file's bytes
    readFile: (p) => readFile(p),
    writeFile: (p, d) => writeFile(p, d),
    exists: async (p) => stat(p).then(() => true, () => false),
    readdir: (p) => readdir(p),
    mkdir: async (p) => void (await mkdir(p, { recursive: true })),
  },
  log: { info: (m) => console.log(m), warn: (m) => console.warn(m) },
  clock: { now: () => performance.now() },
});
