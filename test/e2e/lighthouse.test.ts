import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../src/site-data/load.ts';
import { bundleDirForTests, siteDir } from './support/global-setup.ts';
import { serve } from './support/serve.ts';

/**
 * #12: Lighthouse SEO ≥ 95 and accessibility 100 on the overview, a person page and a role card,
 * mobile form factor (Lighthouse's default), in both locales. Lighthouse drives Debian's Chromium
 * through chrome-launcher (chromePath: no browser download) with the flags that keep it off the
 * network this machine does not have (TOOLCHAIN.md).
 */
const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
let chrome: chromeLauncher.LaunchedChrome | undefined;
let server: Awaited<ReturnType<typeof serve>> | undefined;
beforeAll(async () => {
  server = await serve(siteDir);
  chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
});
afterAll(async () => {
  chrome?.kill();
  await server?.close();
});

const audit = async (path: string) => {
  const r = await lighthouse(`${server!.url}${path}`, { port: chrome!.port, output: 'json', logLevel: 'error', onlyCategories: ['seo', 'accessibility'], formFactor: 'mobile' });
  const lhr = r!.lhr;
  expect(lhr.runtimeError, path).toBeUndefined();
  const failing = (cat: 'seo' | 'accessibility') => lhr.categories[cat]!.auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]!.score !== null && lhr.audits[ref.id]!.score! < 1)
    .map((ref) => `${cat}: ${ref.id}`);
  return { path, seo: lhr.categories.seo!.score!, a11y: lhr.categories.accessibility!.score!, failing: [...failing('seo'), ...failing('accessibility')] };
};

describe('Lighthouse on a phone: SEO ≥ 95, accessibility 100', () => {
  const b = readBundle(bundleDirForTests);
  const person = b.people!.find((p) => p.active && p.role === 'account-manager')!.staff_id;
  const role = b.roles![0]!.id;
  for (const prefix of ['', '/en']) {
    for (const path of [`${prefix}/`, `${prefix}/people/${person}/`, `${prefix}/roles/${role}/`]) {
      it(path, async () => {
        const r = await audit(path);
        // the failing audits in the message: what to fix
        expect({ seo: r.seo >= 0.95, a11y: r.a11y === 1, failing: r.failing }).toEqual({ seo: true, a11y: true, failing: [] });
      }, 180_000);
    }
  }
});
