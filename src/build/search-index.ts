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
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
