import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { siteDir } from './global-setup.ts';
import { serve } from './serve.ts';

/**
 * The built sample site served on 127.0.0.1 and one Chromium for a test file: call at the top
 * level of the file; the getters are valid inside tests.
 */
export function siteSession(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    server = await serve(siteDir);
    browser = await launchChromium();
    await mkdir('test-results/screenshots', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}
