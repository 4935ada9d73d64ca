import { htmlPages } from './site-files.ts';

/**
 * One representative URL per page type (both locales), chosen from what the build produced,
 * so the browser tests cover every kind of page without visiting hundreds of person pages.
 */
export function representativePages(siteDir: string): string[] {
  const pages = htmlPages(siteDir).filter((p) => p.endsWith('/'));
  const typeOf = (p: string): string =>
    p
      .replace(/^\/en\//, '/')
      .replace(/\d{4}-(Q[1-4]|\d{2})\//, 'PERIOD/')
      .replace(/^\/(people|teams|roles)\/[^/]+\//, '/$1/ID/');
  const seen = new Map<string, string>();
  for (const p of pages) {
    const key = (p.startsWith('/en/') ? 'en:' : 'zh:') + typeOf(p);
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()].sort();
}
