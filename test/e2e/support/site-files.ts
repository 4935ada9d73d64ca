import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every HTML page of a built site as URL paths (`/kpis/2026-Q3/`), sorted. */
export function htmlPages(siteDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(p);
      } else if (name.endsWith('.html')) {
        const rel = '/' + relative(siteDir, p).split(sep).join('/');
        out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(siteDir);
  return out.sort();
}

/** The internal links and resources (href/src) of an HTML page, resolved against its URL. */
export function internalRefs(html: string, pageUrl: string): string[] {
  const refs: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const raw = m[1]!.replaceAll('&amp;', '&');
    if (/^(?:[a-z]+:|\/\/|#|data:)/i.test(raw)) continue;
    const u = new URL(raw, `http://site${pageUrl}`);
    refs.push(decodeURIComponent(u.pathname));
  }
  return refs;
}

/** Does a URL path resolve to a file in the built site (directory URLs → index.html)? */
export function existsInSite(siteDir: string, path: string): boolean {
  const p = join(siteDir, path);
  try {
    const st = statSync(p);
    return st.isFile() || statSync(join(p, 'index.html')).isFile();
  } catch {
    return false;
  }
}

export const readPage = (siteDir: string, url: string): string =>
  readFileSync(join(siteDir, url.endsWith('/') ? url + 'index.html' : url), 'utf8');
