import type { Localized } from '../model/kpi.ts';
import { en } from './en.ts';
import { defaultLocale, isLocale, locales, type Locale } from './locales.ts';
import { zhCN, type MessageKey, type Messages } from './zh-CN.ts';

export { defaultLocale, isLocale, locales, type Locale, type MessageKey };

const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** A message in a locale; `{name}` placeholders are filled from `params`. */
export const t = (locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string =>
  dictionaries[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));

/** Pick a locale's text from a `{ 'zh-CN', en }` pair (catalogue names, ledger messages …). */
export const pick = (text: Localized | null | undefined, locale: Locale): string => (text ? text[locale] : '');

/** Astro's base URL ('/' or '/sub/'), always with a trailing slash. */
const defaultBase = (): string => {
  const b = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  return b.endsWith('/') ? b : b + '/';
};

const ensureSlash = (b: string): string => (b.endsWith('/') ? b : b + '/');

/**
 * Site path of a page in a locale, with Astro's `base`: localePath('en', '/data/') → '/en/data/'.
 * Page paths get a trailing slash (trailingSlash: 'always'); file paths (`x.csv`) and
 * `#fragments` / `?queries` are kept as they are.
 */
export const localePath = (locale: Locale, path: string, base: string = defaultBase()): string => {
  const m = /^([^?#]*)(.*)$/.exec(path)!;
  let p = m[1]!.replace(/^\/+/, '');
  const last = p.split('/').pop() ?? '';
  if (p !== '' && !p.endsWith('/') && !last.includes('.')) p += '/';
  const prefix = locale === defaultLocale ? '' : `${locale}/`;
  return ensureSlash(base) + prefix + p + m[2];
};

/** Split a site path into its locale and the locale-free page path ('/en/data/' → en, '/data/'). */
export const parseLocalePath = (currentPath: string, base: string = defaultBase()): { locale: Locale; path: string } => {
  const b = ensureSlash(base);
  let rest = currentPath.startsWith(b) ? currentPath.slice(b.length) : currentPath.replace(/^\/+/, '');
  const first = rest.split('/')[0] ?? '';
  if (isLocale(first) && first !== defaultLocale) {
    rest = rest.slice(first.length).replace(/^\/+/, '');
    return { locale: first, path: '/' + rest };
  }
  return { locale: defaultLocale, path: '/' + rest };
};

/** The same page (and period segment, and #fragment) in the other locale. */
export const switchLocalePath = (currentPath: string, base: string = defaultBase(), to?: Locale): string => {
  const { locale, path } = parseLocalePath(currentPath, base);
  const target = to ?? locales.find((l) => l !== locale)!;
  return localePath(target, path, base);
};
