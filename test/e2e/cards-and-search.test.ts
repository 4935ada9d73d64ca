import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../src/site-data/load.ts';
import { bundleDirForTests, siteDir } from './support/global-setup.ts';
import { siteSession } from './support/session.ts';

const session = siteSession();
const bundle = () => readBundle(bundleDirForTests);

async function search(path: string, q: string): Promise<string[]> {
  const page = await session.browser.newPage();
  await page.goto(`${session.url}${path}?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 20_000 });
  const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)));
  await page.close();
  return hrefs;
}

describe('search, role cards and person cards in Chromium', () => {
  it('finds a Chinese word from the middle of a sentence (回访计划 in a role card’s work standard)', async () => {
    // data/roles/account-manager.md: "连续 60 天未下单的客户须制定回访计划；…"
    const hrefs = await search('/search/', '回访计划');
    expect(hrefs).toContain('/roles/account-manager/');
    expect(hrefs.every((h) => !h.startsWith('/en/'))).toBe(true);
  });

  it('finds a team by part of its name and keeps English results in English', async () => {
    const team = bundle().people!.find((p) => p.team)!.team!;
    const hrefs = await search('/search/', team.slice(0, 2));
    expect(hrefs).toContain(`/teams/${team}/`);
    const en = await search('/en/search/', 'retention');
    expect(en.length).toBeGreaterThan(0);
    expect(en.every((h) => h.startsWith('/en/'))).toBe(true);
  });

  it('the index holds what a reader looks up (a person’s name, a customer listed on a person page), not the page’s figures', () => {
    // the index holds the words of pages, not their figures (src/build/searchable-html.ts)
    const b = bundle();
    const person = b.people!.find((p) => p.name && b.scores!.some((s) => s.staff_id === p.staff_id))!;
    const pageOf = b.people!.map((p) => ({ id: p.staff_id, html: readFileSync(join(siteDir, 'people', p.staff_id, 'index.html'), 'utf8') }));
    // a customer named in a person page's at-risk list and a money figure of a person page (read from the built pages)
    const customer = pageOf.map((p) => /<td>(C\d+)<\/td><td>([^<]+)<\/td>/.exec(p.html)).find((m) => m)![2]!;
    const figure = /<td class="num" data-sort="[^"]*">(¥[\d,]{7,})<\/td>/.exec(pageOf.map((p) => p.html).join(''))![1]!;
    // Pagefind separates the words of a fragment's text with zero-width spaces: removed before comparing
    const fragments = readdirSync(join(siteDir, 'pagefind', 'fragment')).map((f) => gunzipSync(readFileSync(join(siteDir, 'pagefind', 'fragment', f))).toString('utf8').replaceAll('\u200b', ''));
    expect(fragments.some((f) => f.includes(person.name!))).toBe(true);
    expect(fragments.some((f) => f.includes(customer))).toBe(true);
    expect(fragments.filter((f) => f.includes(figure))).toEqual([]);
  });

  it('the scorecard shows each person’s computed score and grade for the latest quarter', async () => {
    const b = bundle();
    const quarter = b.manifest.lastCompleteQuarter!;
    // each role's first-ranked person: long tables show their top and bottom rows only
    const scored = b.scores!.filter((s) => s.period === quarter && s.score != null && s.rank === 1);
    const sample = [...new Map(scored.map((s) => [s.role, s])).values()];
    expect(sample.length).toBeGreaterThan(1);
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/en/kpis/${quarter}/`);
    for (const s of sample) {
      const row = page.locator(`tr:has(a[href$="/people/${s.staff_id}/"])`).first();
      const text = await row.innerText();
      expect(text).toContain(s.score!.toFixed(1));
      expect(text).toContain(s.grade!);
    }
    await page.close();
  });

  it('prints a role card and a person card on A4 without navigation', async () => {
    const b = bundle();
    const person = b.scores!.find((s) => s.score != null)!.staff_id;
    for (const [name, path] of [['role-card', '/roles/account-manager/'], ['person-card', `/people/${person}/`]] as const) {
      const page = await session.browser.newPage();
      await page.goto(session.url + path);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.site-nav').isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      await writeFile(`test-results/screenshots/${name}.pdf`, pdf);
      const pages = (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(1);
      await page.close();
    }
  });

  it('screenshots of a person card and a role card in both locales, light and dark', async () => {
    const person = bundle().scores!.find((s) => s.score != null)!.staff_id;
    for (const [kind, path] of [['person', `/people/${person}/`], ['role', '/roles/customer-service-manager/']] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        for (const scheme of ['light', 'dark'] as const) {
          const page = await session.browser.newPage({ viewport: { width: 1280, height: 1400 }, colorScheme: scheme });
          await page.goto(session.url + (locale === 'en' ? '/en' : '') + path);
          await page.screenshot({ path: `test-results/screenshots/${kind}-${locale}-${scheme}.png`, fullPage: true });
          await page.close();
        }
      }
    }
  });
});
