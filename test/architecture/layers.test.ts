import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './import-graph.ts';

/**
 * The stage order, lowest first: the one place it is defined (docs/development.md, "Stages and
 * their charters", explains it). A folder of src/ may import its own files and those of folders
 * listed before it, never one listed after it. A new folder must be placed here.
 *
 * - lib: generic helpers (errors as values, effects, time zone and calendar, CSV text, closest name)
 * - config, validate (the input schemas and rejection reasons), model (shared types built on them)
 * - ingest → metrics → roles → scoring: the data flow
 * - bundle: the contract between the data half and the site; publish writes it, build runs it all
 * - i18n → site-data → charts → layouts → components → pages: the site
 * - sample, bench, mapping, notify: tools (the sample company, synthetic exports, `npm run map`'s config
 *   proposal, `npm run notify`'s chat card) that may use any stage
 * - `.`: files directly in src/ (Astro's content config)
 */
export const STAGES = [
  'lib',
  'config',
  'validate',
  'model',
  'ingest',
  'metrics',
  'roles',
  'scoring',
  'bundle',
  'publish',
  'build',
  'i18n',
  'site-data',
  'charts',
  'layouts',
  'components',
  'pages',
  'sample',
  'bench',
  'mapping',
  'notify',
  'deploy',
  '.',
] as const;

const root = fileURLToPath(new URL('../..', import.meta.url));
const graph = importGraph(root);
/** src/<folder>/… → folder; a file directly in src/ → '.' */
const folderOf = (file: string): string => {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : '.';
};
const rank = new Map<string, number>(STAGES.map((s, i) => [s, i]));

describe('imports follow the stages', () => {
  it('the graph is read (sanity: known edges are found)', () => {
    expect(graph.edges.size).toBeGreaterThan(200);
    expect(graph.edges.get('src/publish/write-bundle.ts')).toContain('src/bundle/contract.ts');
    expect(graph.edges.get('src/pages/index.astro')?.length).toBeGreaterThan(0);
  });

  it('every folder of src/ has a place in the stage order', () => {
    const unknown = [...new Set([...graph.edges.keys()].map(folderOf))].filter((f) => !rank.has(f)).sort();
    expect(unknown, 'add the folder to STAGES in test/architecture/layers.test.ts').toEqual([]);
  });

  it('no stage imports a later one', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph.edges) {
      const from = rank.get(folderOf(file));
      for (const dep of deps) {
        const to = rank.get(folderOf(dep));
        if (from !== undefined && to !== undefined && to > from) wrong.push(`${file} → ${dep}`);
      }
    }
    expect(wrong.sort()).toEqual([]);
  });

  it('no import cycle between files', () => {
    const found = cycles(graph.edges.keys(), (f) => graph.edges.get(f)?.filter((d) => graph.edges.has(d)) ?? []);
    expect(found.map((c) => c.join(' ↔ '))).toEqual([]);
  });

  it('no import cycle between the folders of src/ (the stage order implies it; this names the cycle)', () => {
    const folder = folderOf;
    const next = new Map<string, Set<string>>();
    for (const [file, deps] of graph.edges) {
      const a = folder(file);
      if (!next.has(a)) next.set(a, new Set());
      for (const d of deps) if (folder(d) !== a) next.get(a)!.add(folder(d));
    }
    const found = cycles(next.keys(), (f) => [...(next.get(f) ?? [])]);
    expect(found.map((c) => c.join(' ↔ '))).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('finds a two-file and a three-file cycle and nothing in a chain', () => {
    const g: Record<string, string[]> = { a: ['b'], b: ['a'], c: ['d'], d: ['e'], e: ['c'], f: ['g'], g: [] };
    expect(cycles(Object.keys(g), (n) => g[n]!).sort()).toEqual([['a', 'b'], ['c', 'd', 'e']]);
  });
});
