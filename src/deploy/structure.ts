import type { Problem } from './problem.ts';

/** Folders that hold assets, not pages: no index.html is expected in them. */
const ASSET_DIRS = ['_astro', 'pagefind'];
const isAsset = (dir: string) => ASSET_DIRS.some((a) => dir === a || dir.startsWith(`${a}/`));

/**
 * Every page folder has an index.html (a static host serves /people/x/ from people/x/index.html;
 * without it the visitor gets 403 or the host's listing), and the site has its own 404 page.
 */
export function checkStructure(dirs: readonly string[], files: readonly string[]): Problem[] {
  const have = new Set(files);
  const out: Problem[] = [];
  for (const d of dirs) {
    if (isAsset(d)) continue;
    const index = d ? `${d}/index.html` : 'index.html';
    if (!have.has(index)) out.push({ kind: 'missing_index', path: d ? `${d}/` : '/', detail: index });
  }
  if (!have.has('404.html')) out.push({ kind: 'missing_404', path: '404.html', detail: '' });
  return out;
}
