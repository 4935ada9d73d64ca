/** The site's locales: zh-CN is the default, unprefixed at `/`; English lives under `/en/` (astro.config.mjs). */
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

export const isLocale = (x: unknown): x is Locale => x === 'zh-CN' || x === 'en';
