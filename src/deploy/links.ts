import type { Problem } from './problem.ts';

/**
 * Every internal link and resource of every page (href, src) resolves to a file of the folder
 * when the folder is served under `base` (`/` or `/north/`): a link that leaves the base would hit
 * another site on the same host (or another audience's), one that resolves to nothing is a 404.
 * A folder URL needs its index.html; a link without the trailing slash is redirected by hosts,
 * so the folder's index.html is enough too.
 */
export function checkLinks(base: string, files: readonly string[], text: (file: string) => string): Problem[] {
  const have = new Set(files);
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const pageUrl = base + (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file);
    for (const ref of refs(text(file))) {
      const url = new URL(ref, `http://host${pageUrl}`);
      if (url.host !== 'host') continue;
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        path = url.pathname;
      }
      const key = `${file}\u0000${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!path.startsWith(base)) {
        out.push({ kind: 'outside_base', path: file, detail: ref });
        continue;
      }
      const rel = path.slice(base.length);
      const ok = rel === '' || rel.endsWith('/') ? have.has(`${rel}index.html`) : have.has(rel) || have.has(`${rel}/index.html`);
      if (!ok) out.push({ kind: 'broken_link', path: file, detail: ref });
    }
  }
  return out;
}

/** the href and src values of a page that point into the site (not another scheme, host or #fragment) */
export function refs(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const raw = (m[1] ?? m[2] ?? '').replaceAll('&amp;', '&').trim();
    if (raw === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(raw)) continue;
    out.push(raw);
  }
  return out;
}
