import type { FileSystem } from '../../src/lib/effects.ts';

/** An in-memory FileSystem for stage tests: paths are plain strings, directories are implied. */
export function memFs(files: Record<string, string | Uint8Array> = {}): FileSystem & { files: Map<string, Uint8Array> } {
  const enc = new TextEncoder();
  const map = new Map<string, Uint8Array>();
  for (const [p, d] of Object.entries(files)) map.set(p, typeof d === 'string' ? enc.encode(d) : d);
  return {
    files: map,
    readFile: async (p) => {
      const d = map.get(p);
      if (!d) throw new Error(`ENOENT: ${p}`);
      return d;
    },
    writeFile: async (p, d) => void map.set(p, typeof d === 'string' ? enc.encode(d) : d),
    exists: async (p) => map.has(p) || [...map.keys()].some((k) => k.startsWith(p + '/')),
    readdir: async (p) => [...new Set([...map.keys()].filter((k) => k.startsWith(p + '/')).map((k) => k.slice(p.length + 1).split('/')[0]!))],
    mkdir: async () => {},
    remove: async (p) => void map.delete(p),
  };
}
