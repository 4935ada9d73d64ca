import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nav } from '../../src/site-data/nav.ts';
import { readBundle } from '../../src/site-data/load.ts';
import { bundleDirForTests, siteDir } from './support/global-setup.ts';
import { pageFills } from './support/pdf-fill.ts';
import { siteSession } from './support/session.ts';
import { htmlPages } from './support/site-files.ts';

/**
 * Issue 12 in the browser: the phone menu, link previews on every page, print page budgets,
 * a visible focus ring on sort buttons, words instead of raw ids.
 */
const session = siteSession();
const bundle = () => readBundle(bundleDirForTests);
const enabled = nav.filter((n) => n.enabled).length;

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** WCAG contrast of two `rgb(r, g, b)` colours */
const contrast = (a: string, b: string) => {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => Number(x) / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('the phone: a menu reaching every page at 360 px, without JavaScript', () => {
  for (const prefix of ['', '/en']) {
    it(`${prefix || '/'}: every nav entry is a tap away and inside the screen`, async () => {
      const ctx = await session.browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
      const page = await ctx.newPage();
      await page.goto(`${session.url}${prefix}/`);
      expect(await page.locator('.site-nav').isVisible()).toBe(false);
      await page.click('.nav-menu summary');
      const links = page.locator('.nav-menu nav a');
      // every enabled page plus search
      expect(await links.count()).toBe(enabled + 1);
      for (let i = 0; i < enabled + 1; i++) {
        const box = (await links.nth(i).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
        expect(box.y + box.height).toBeLessThanOrEqual(800);
      }
      // the header stays at the top while the page scrolls
      await page.mouse.wheel(0, 2000);
      expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
      await ctx.close();
    });
  }
});

describe('the phone: charts fit a 360 px screen with text of at least 10 px', () => {
  // every page with charts, in both locales
  const pages = ['/', '/retention/', '/tiers/', '/service/', '/satisfaction/', '/channels/', '/kpis/'];
  for (const prefix of ['', '/en']) {
    it(`${prefix || '/'}: no chart wider than the screen, no chart text under 10 px or clipped, the current period labelled`, async () => {
      const ctx = await session.browser.newContext({ viewport: { width: 360, height: 800 } });
      const page = await ctx.newPage();
      const bad: string[] = [];
      for (const p of pages) {
        await page.goto(`${session.url}${prefix}${p}`);
        const r = await page.evaluate(() => {
          const out: string[] = [];
          let charts = 0;
          for (const svg of document.querySelectorAll('svg.plot')) {
            const b = svg.getBoundingClientRect();
            if (b.width === 0) continue; // the other form, display:none
            charts++;
            if (b.left < 0 || b.right > 360) out.push(`svg ${Math.round(b.left)}–${Math.round(b.right)}`);
            for (const t of svg.querySelectorAll('text')) {
              if (t.getBoundingClientRect().width === 0) continue;
              const ctm = (t as SVGGraphicsElement).getScreenCTM()!;
              const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
              if (px < 9.95) out.push(`text "${t.textContent}" ${px.toFixed(1)} px`);
              // no clipped label: every text inside its chart
              const r = t.getBoundingClientRect();
              if (r.left < b.left - 1 || r.right > b.right + 1) out.push(`text "${t.textContent}" clipped`);
            }
          }
          return { out, charts, scroll: document.documentElement.scrollWidth };
        });
        expect(r.charts, p).toBeGreaterThan(0);
        if (r.scroll > 360) bad.push(`${p}: page ${r.scroll} px wide`);
        bad.push(...r.out.slice(0, 3).map((x) => `${p}: ${x}`));
      }
      expect(bad).toEqual([]);
      // the overview's revenue trend labels its current period's value on the phone form too
      await page.goto(`${session.url}${prefix}/`);
      expect(await page.locator('svg.plot-phone .current-dot').first().isVisible()).toBe(true);
      await ctx.close();
    });
  }

  it('a heat map gets a phone form that names what it leaves out', async () => {
    const ctx = await session.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${session.url}/en/retention/`);
    const note = page.locator('#cohorts-customer .plot-phone .note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/columns 0–7 are shown/);
    expect(await page.locator('#cohorts-customer .plot-wide').isVisible()).toBe(false);
    await ctx.close();
  });

  it('a scorecard shows actual, target and attainment right after the KPI; long pages list their sections', async () => {
    const b = bundle();
    const person = b.people!.find((p) => p.active && p.role === 'account-manager')!.staff_id;
    const html = readFileSync(join(siteDir, 'en', 'people', person, 'index.html'), 'utf8');
    const heads = [...html.slice(html.indexOf('id="scorecard"')).matchAll(/<th scope="col"[^>]*>([^<]+)/g)].slice(0, 4).map((m) => m[1]);
    expect(heads).toEqual(['KPI', 'Actual', 'Target', 'Attainment']);
    const retention = readFileSync(join(siteDir, 'retention', 'index.html'), 'utf8');
    expect(retention).toMatch(/<nav class="page-contents"[^>]*>[\s\S]*?<a href="#cohorts-customer">/);
  });
});

describe('lang marking: Chinese text from the data is marked on English pages', () => {
  it('team names on the English teams page carry lang="zh-CN"', () => {
    const team = bundle().people!.find((p) => p.team && /[\u4e00-\u9fff]/.test(p.team))?.team;
    if (!team) return;
    const html = readFileSync(join(siteDir, 'en', 'teams', 'index.html'), 'utf8');
    expect(html).toContain(`<span lang="zh-CN">${team}</span>`);
  });
  it('channels, complaint categories and member levels in the sample\'s labels dictionary are in English on English pages', () => {
    const labels = bundle().manifest.labels ?? {};
    const page = (p: string) => readFileSync(join(siteDir, p, 'index.html'), 'utf8');
    // every dictionary entry the page shows: its English text on /en/, the data's own on the zh-CN page, no Chinese left for it
    const checks: [string, string][] = [['channels', '微信'], ['service', '发票问题'], ['tiers', '金卡会员']];
    for (const [p, value] of checks) {
      const en = labels[value]?.en;
      expect(en, value).toBeTruthy();
      expect(page(join('en', p))).toContain(`>${en}<`);
      expect(page(join('en', p))).not.toContain(`>${value}<`);
      expect(page(join('en', p))).not.toContain(`<span lang="zh-CN">${value}</span>`);
      expect(page(p)).toContain(`>${value}<`);
    }
  });
});

describe('links that preview: every page has a title, a description and the Open Graph set', () => {
  it('in the built HTML (chat apps run no JavaScript)', () => {
    const pages = htmlPages(siteDir);
    expect(pages.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const p of pages) {
      const html = readFileSync(join(siteDir, p.endsWith('/') ? `${p}index.html` : p), 'utf8');
      for (const re of [/<title>[^<]{5,}<\/title>/, /<meta name="description" content="[^"]{10,}"/, /property="og:title" content="[^"]+"/, /property="og:description" content="[^"]+"/, /property="og:url" content="[^"]+"/, /property="og:locale" content="(zh_CN|en_US)"/, /property="og:image" content="[^"]+\.png"/]) {
        if (!re.test(html)) missing.push(`${p}: ${re.source.slice(0, 30)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a period page is titled with its period; a bilingual 404 and PNG icons exist', () => {
    const q = bundle().manifest.lastCompleteQuarter!;
    const html = readFileSync(join(siteDir, 'en', q, 'index.html'), 'utf8');
    const [, y, n] = /^(\d{4})-Q(\d)$/.exec(q)!;
    expect(html).toMatch(new RegExp(`<title>[^<]*Q${n} ${y}`));
    const nf = readFileSync(join(siteDir, '404.html'), 'utf8');
    expect(nf).toContain('找不到这个页面');
    expect(nf).toContain('Page not found');
    for (const f of ['icon-512.png', 'apple-touch-icon.png']) expect(readFileSync(join(siteDir, f)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('every complete period of the data has its pages, not only the last eight quarters', () => {
    const quarters = bundle().manifest.periods.quarter.filter((p) => p.complete);
    expect(quarters.length).toBeGreaterThan(8);
    for (const p of quarters) expect(() => readFileSync(join(siteDir, p.id, 'index.html'))).not.toThrow();
  });
});

describe('words, not ids', () => {
  it('no page shows an RFM segment id as text', () => {
    const bad: string[] = [];
    for (const p of htmlPages(siteDir)) {
      const html = readFileSync(join(siteDir, p.endsWith('/') ? `${p}index.html` : p), 'utf8');
      const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
      if (/\b(at_risk|cant_lose|potential_loyalist)\b/.test(text)) bad.push(p);
    }
    expect(bad).toEqual([]);
  });
});

describe('the overview, attention first', () => {
  it('at 1366×768 the summary, every KPI tile and the attention list are at most just below the fold', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${session.url}/`);
    const bottom = async (sel: string) => Math.max(...(await page.locator(sel).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom))));
    expect(await bottom('.ov-summary')).toBeLessThan(768);
    expect(await bottom('.ov-attention')).toBeLessThan(768);
    // "just below the fold": the last tile row ends within a short scroll
    expect(await bottom('.ov-tiles .tile')).toBeLessThan(768 * 1.15);
    await page.screenshot({ path: 'test-results/screenshots/overview-1366.png' });
    await page.close();
  });
});

describe('keyboard focus', () => {
  it('a table sort button shows a focus ring of at least 3:1 contrast', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/en/data/`);
    const button = page.locator('table.data[data-sortable] th button').first();
    await page.keyboard.press('Tab'); // keyboard modality, so :focus-visible applies
    await button.focus();
    const s = await button.evaluate((e) => {
      const c = getComputedStyle(e);
      return { style: c.outlineStyle, width: parseFloat(c.outlineWidth), color: c.outlineColor, bg: getComputedStyle(document.body).backgroundColor };
    });
    expect(s.style).toBe('solid');
    expect(s.width).toBeGreaterThanOrEqual(2);
    expect(contrast(s.color, s.bg)).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});

describe('print on A4 within the page budgets, no half-empty page', () => {
  const budget = async (path: string, max: number) => {
    const page = await session.browser.newPage();
    await page.goto(`${session.url}${path}`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.close();
    return { path, n: pdfPages(pdf), max, fills: pageFills(pdf) };
  };
  it('overview ≤ 4, person card ≤ 3, team ≤ 4, role card ≤ 2 pages, every page but the last at least a third full, in both locales', async () => {
    const b = bundle();
    const person = b.people!.find((p) => p.active && p.role === 'account-manager')!.staff_id;
    const teamLink = readFileSync(join(siteDir, 'teams', 'index.html'), 'utf8').match(/href="(\/teams\/[^"]+\/)"/)![1]!;
    const results = [];
    for (const prefix of ['', '/en']) {
      results.push(await budget(`${prefix}/`, 4), await budget(`${prefix}/people/${person}/`, 3), await budget(`${prefix}${teamLink}`, 4));
      for (const role of b.roles ?? []) results.push(await budget(`${prefix}/roles/${role.id}/`, 2));
    }
    expect(results.filter((r) => r.n > r.max)).toEqual([]);
    // the fill is measured on the rendered pages (support/pdf-fill.ts): how far down each page's content reaches
    expect(results.every((r) => r.fills.length === r.n)).toBe(true);
    const halfEmpty = results.filter((r) => r.fills.slice(0, -1).some((f) => f < 1 / 3)).map((r) => `${r.path}: ${r.fills.map((f) => f.toFixed(2)).join(' ')}`);
    expect(halfEmpty).toEqual([]);
  });
});
