import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    await sortEntryLanguages(join(siteDir, 'pagefind', 'pagefind-entry.json'));
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

/**
 * Pagefind lists the languages of pagefind-entry.json in hash-map order, which changes from run
 * to run; sorted, the same inputs give byte-identical builds. The content is unchanged.
 */
async function sortEntryLanguages(path: string): Promise<void> {
  const entry = JSON.parse(await readFile(path, 'utf8')) as { languages?: Record<string, unknown> };
  if (entry.languages) {
    entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  await writeFile(path, JSON.stringify(entry));
}
