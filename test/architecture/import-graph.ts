import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The project's own import graph: every src/**\/*.ts and *.astro file and the project files it
 * imports (relative specifiers only; packages are not nodes). Imports are read with the
 * TypeScript compiler's own pre-processor (static, type-only, re-exports and dynamic `import()`),
 * from an .astro file's front matter and its <script> blocks.
 */
export interface ImportGraph {
  /** file (relative to the root, `/`-separated) → project files it imports */
  edges: Map<string, string[]>;
}

const CODE = /\.(ts|astro)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (CODE.test(name)) out.push(path);
  }
  return out;
}

/** The script parts of a file: all of a .ts; the front matter and <script> blocks of an .astro. */
export function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.astro')) return text;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(p) && statSync(p).isFile()) return p;
  return null;
}

const posixPath = (p: string) => p.split(sep).join('/');

export function importGraph(root: string, folder = 'src'): ImportGraph {
  const edges = new Map<string, string[]>();
  for (const file of walk(join(root, folder))) {
    const info = ts.preProcessFile(scriptOf(file, readFileSync(file, 'utf8')), true, true);
    const deps: string[] = [];
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveImport(file, fileName);
      if (target && CODE.test(target)) deps.push(posixPath(relative(root, target)));
    }
    edges.set(posixPath(relative(root, file)), [...new Set(deps)].sort());
  }
  return { edges };
}

/** Strongly connected components with more than one node (Tarjan): every import cycle, each sorted. */
export function cycles(nodes: Iterable<string>, next: (n: string) => readonly string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) found.push(c.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return found;
}
