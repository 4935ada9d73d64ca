// @ts-check
import { defineConfig } from 'astro/config';

// Static output only: the site is plain HTML + inline SVG, hostable anywhere.
// zh-CN is the default locale at `/`, English lives under `/en/`.
// ACCOUNTABLE_OUT_DIR lets scripts/build.ts render into a temporary folder and swap it
// into `dist/` only when the whole build succeeded.
export default defineConfig({
  output: 'static',
  outDir: process.env.ACCOUNTABLE_OUT_DIR ?? './dist',
  // separate caches let several builds run side by side (tests, benchmarks)
  cacheDir: process.env.ACCOUNTABLE_ASTRO_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  site: process.env.ACCOUNTABLE_SITE_URL ?? 'https://accountable.example',
  base: process.env.ACCOUNTABLE_BASE ?? '/',
  i18n: {
    locales: ['zh-CN', 'en'],
    defaultLocale: 'zh-CN',
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
});
