import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { searchableHtml } from './searchable-html.ts';

/**
 * Write a Pagefind index into <siteDir>/pagefind. Pagefind's extended binary (shipped in the
 * npm package) segments Chinese, so a word in the middle of a sentence is found. Pages mark
 * what to index with data-pagefind-body; the language comes from <html lang>. Each page goes in
 * as what a reader searches for (searchable-html.ts: its words, not its figures).
 */
export async function indexSearch(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  try {
    const pages = await addPages(index, siteDir);
    // getFiles, not writeFiles: the index comes back in memory and we write it ourselves, so no
    // file is read back while Pagefind's service may still be writing it (under load the entry
    // file was read back empty), and the entry's languages are sorted before the one write
    const built = await index.getFiles();
    if (built.errors.length) throw new Error(`search index: ${built.errors.join('; ')}`);
    const outDir = join(siteDir, 'pagefind');
    for (const file of built.files) {
      const to = join(outDir, file.path);
      await mkdir(dirname(to), { recursive: true });
      await writeFile(to, file.path === 'pagefind-entry.json' ? sortEntryLanguages(file.content) : file.content);
    }
    return { pages };
  } finally {
    await pagefind.close();
  }
}

/**
 * Every HTML page of the site that is indexed, one after the other in path order: Pagefind numbers
 * pages in the order they arrive, so pages sent concurrently gave a different index on every build.
 */
async function addPages(index: pagefind.PagefindIndex, siteDir: string): Promise<number> {
  const files = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  let pages = 0;
  for (const file of files) {
    const content = searchableHtml(await readFile(join(siteDir, file), 'utf8'));
    if (content === null) continue;
    const r = await index.addHTMLFile({ sourcePath: relative(siteDir, join(siteDir, file)).split(sep).join('/'), content });
    if (r.errors.length) throw new Error(`search index: ${file}: ${r.errors.join('; ')}`);
    pages++;
  }
  return pages;
}

/**
 * Pagefind lists the languages of pagefind-entry.json in hash-map order, which changes from run
 * to run; sorted, the same inputs give byte-identical builds. The content is unchanged.
 */
function sortEntryLanguages(content: Uint8Array): string {
  const entry = JSON.parse(new TextDecoder().decode(content)) as { languages?: Record<string, unknown> };
  if (entry.languages) {
    entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return JSON.stringify(entry);
}
