import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { siteDir } from './support/global-setup.ts';
import { representativePages } from './support/page-types.ts';
import { siteSession } from './support/session.ts';

const session = siteSession();

describe('every page type in both locales, in Chromium', () => {
  const pages = representativePages(siteDir);

  it('covers both locales', () => {
    expect(pages.filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(2);
    expect(pages.filter((p) => !p.startsWith('/en/')).length).toBeGreaterThan(2);
  });

  for (const path of pages) {
    it(`${path} loads without console errors and passes axe (no serious/critical)`, async () => {
      const context = await session.browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const res = await page.goto(session.url + path);
      expect(res?.status()).toBe(200);
      expect(await page.locator('h1').count()).toBeGreaterThan(0);
      const lang = await page.getAttribute('html', 'lang');
      expect(lang).toBe(path.startsWith('/en/') ? 'en' : 'zh-CN');
      const axe = await new AxeBuilder({ page }).analyze();
      const bad = axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
      expect(bad).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
