import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.ts';
import { siteDir } from './support/global-setup.ts';
import { serve } from './support/serve.ts';
import { build, scratch } from '../build/support.ts';

/**
 * #12: team URLs do not break when a team is renamed. The sample site of the global setup is
 * the first build; its team URL record is the previous dist/ of a second build in which 华南组
 * is called 华南大区组 (staff.csv and targets.csv, as a user would rename it). The sample has no
 * team_id, so the renamed team is found by its members; the old URL must answer, without
 * JavaScript, with a page that sends the reader to the new one, in both locales.
 */
const OLD = '华南组';
const NEW = '华南大区组';
let cleanup: (() => Promise<void>) | null = null;
afterAll(async () => cleanup?.());

describe('a renamed team keeps its old URL', () => {
  it('build, rename the team in the data, rebuild: the old URL redirects to the new one', async () => {
    const s = await scratch();
    cleanup = () => rm(s.dir, { recursive: true, force: true });
    // the previous dist/: what the first build published of its team URLs
    await mkdir(join(s.out, 'downloads'), { recursive: true });
    await copyFile(join(siteDir, 'downloads', 'team-slugs.json'), join(s.out, 'downloads', 'team-slugs.json'));
    const first = JSON.parse(await readFile(join(siteDir, 'downloads', 'team-slugs.json'), 'utf8'));
    expect(first.teams.some((t: { slug: string }) => t.slug === OLD)).toBe(true);
    for (const f of ['staff.csv', 'targets.csv']) {
      const p = join(s.data, f);
      await writeFile(p, (await readFile(p, 'utf8')).replaceAll(OLD, NEW));
    }
    const r = build(s);
    expect(r.code, r.stderr).toBe(0);

    const server = await serve(s.out);
    const browser = await launchChromium();
    try {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const page = await ctx.newPage();
      for (const prefix of ['', '/en']) {
        const oldUrl = `${server.url}${prefix}/teams/${encodeURIComponent(OLD)}/`;
        const newPath = `${prefix}/teams/${encodeURIComponent(NEW)}/`;
        const res = await page.request.get(oldUrl);
        expect(res.status()).toBe(200);
        const html = await res.text();
        expect(html).toMatch(new RegExp(`<meta http-equiv="refresh" content="0; url=${prefix}/teams/${NEW}/"`));
        expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*${prefix}/teams/${NEW}/"`));
        // the browser follows the meta refresh to the team's page under its new name
        await page.goto(oldUrl);
        await page.waitForURL((u) => u.pathname === newPath);
        expect(await page.locator('h1').first().textContent()).toContain(NEW);
      }
      // the new site's record keeps the old URL for the build after
      const next = JSON.parse(await readFile(join(s.out, 'downloads', 'team-slugs.json'), 'utf8'));
      expect(next.teams.map((t: { slug: string }) => t.slug)).toEqual(expect.arrayContaining([OLD, NEW]));
      await ctx.close();
    } finally {
      await browser.close();
      await server.close();
    }
  }, 600_000);
});
