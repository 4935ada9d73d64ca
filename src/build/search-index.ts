import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Write a Pagefind index into <siteDir>/pagefind. Pagefind's extended binary (shipped in the
 * npm package) segments Chinese, so a word in the middle of a sentence is found. Pages mark
 * what to index with data-pagefind-body; the language comes from <html lang>.
 */
export async function indexSearch(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`);
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
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
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
