import { describe, expect, it } from 'vitest';
import { siteDir } from './support/global-setup.ts';
import { existsInSite, htmlPages, internalRefs, readPage } from './support/site-files.ts';

describe('built site: a crawl of dist', () => {
  const pages = htmlPages(siteDir);

  it('has both locales of the core pages', () => {
    for (const p of ['/', '/en/', '/data/', '/en/data/']) expect(pages).toContain(p);
  });

  it('has no broken internal link or resource', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const ref of internalRefs(readPage(siteDir, page), page)) {
        if (!existsInSite(siteDir, ref)) broken.push(`${page} → ${ref}`);
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
  });

  it('keeps every page under 300 KB and the overview under 150 KB', () => {
    const heavy = pages
      .map((p) => ({ p, kb: Buffer.byteLength(readPage(siteDir, p)) / 1024 }))
      .filter(({ p, kb }) => kb > (p === '/' || p === '/en/' ? 150 : 300))
      .map(({ p, kb }) => `${p} ${kb.toFixed(0)} KB`);
    expect(heavy).toEqual([]);
  });
});
