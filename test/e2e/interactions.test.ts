import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../src/site-data/load.ts';
import { bundleDirForTests } from './support/global-setup.ts';
import { siteSession } from './support/session.ts';

const session = siteSession();
const bundle = () => readBundle(bundleDirForTests);

describe('what people do on the site', () => {
  it('the language switch keeps you on the same period page', async () => {
    const period = bundle().manifest.lastCompleteQuarter!;
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/${period}/`);
    await page.click('a.lang-switch');
    await page.waitForURL(`${session.url}/en/${period}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('a.lang-switch');
    await page.waitForURL(`${session.url}/${period}/`);
    await page.close();
  });

  it('a period link opens that period and the overview shows its computed revenue', async () => {
    const b = bundle();
    const quarters = b.manifest.periods.quarter.filter((p) => p.complete);
    const older = quarters.at(-2)!.id;
    const row = b.kpis.find((r) => r.entity_type === 'company' && r.grain === 'quarter' && r.period === older && r.kpi === 'revenue')!;
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/en/`);
    // the picker shows the current period; the others are in its disclosure
    await page.click('.period-menu summary');
    await page.click(`.period-menu a[href$="/en/${older}/"]`);
    await page.waitForURL(`${session.url}/en/${older}/`);
    // The overview table shows revenue in full (¥ with thousands separators) in English.
    const text = await page.locator('main').innerText();
    const full = '¥' + Math.round(row.value!).toLocaleString('en-US');
    expect(text).toContain(full);
    await page.close();
  });

  it('a CSV download has a UTF-8 BOM and the table’s rows', async () => {
    const period = bundle().manifest.lastCompleteQuarter!;
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/${period}/`);
    const href = await page.locator('a[href$=".csv"]').first().getAttribute('href');
    expect(href).toBeTruthy();
    const res = await page.request.get(new URL(href!, session.url).toString());
    const bytes = new Uint8Array(await res.body());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    // the header row is in the page's language
    expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
    await page.close();
  });

  it('the whole KPI table downloads with the stable columns of the spec', async () => {
    const res = await fetch(`${session.url}/downloads/kpis.csv`);
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/, 1)[0]).toBe('entity_type,entity_id,grain,period,kpi,value,numerator,denominator,n,reason');
    const manifest = (await (await fetch(`${session.url}/downloads/manifest.json`)).json()) as { asOf: string };
    expect(manifest.asOf).toBe(bundle().manifest.asOf);
  });

  it('screenshots of the overview in both locales, light and dark', async () => {
    for (const [locale, path] of [['zh-CN', '/'], ['en', '/en/']] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await session.browser.newPage({ viewport: { width: 1280, height: 1400 }, colorScheme: scheme });
        await page.goto(session.url + path);
        const file = `test-results/screenshots/overview-${locale}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        expect((await readFile(file)).length).toBeGreaterThan(10_000);
        await page.close();
      }
    }
  });

  it('prints the data-quality page to an A4 PDF without the navigation', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/data/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.site-nav').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile('test-results/screenshots/data-quality.pdf', pdf);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    await page.close();
  });
});
