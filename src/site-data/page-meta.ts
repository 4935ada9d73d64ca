import { formatDate, formatPeriod } from '../i18n/format.ts';
import { localePath, pick, t, type Locale } from '../i18n/index.ts';
import type { Manifest } from '../bundle/contract.ts';

/**
 * What a shared link previews (chat apps' crawlers run no JavaScript, so all of it is in the
 * built HTML): the `<title>` with the period (or the data date of a snapshot page), a
 * description, and the Open Graph set. URLs are absolute when the site's address is known
 * (`ACCOUNTABLE_SITE_URL`), else root-relative: a guessed host would preview a wrong link.
 */
export interface PageMeta {
  title: string;
  description: string;
  url: string;
  image: string;
  locale: string;
  siteName: string;
  /** the printed pages' running header: the company and the period (or the data date) */
  printHeader: string;
}

export const OG_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh_CN', en: 'en_US' };

/** `path` (already carrying the base) made absolute against the site URL, when there is one. */
export const absoluteUrl = (path: string, siteUrl: string | undefined): string =>
  siteUrl ? new URL(path, siteUrl.replace(/\/?$/, '/')).href : path;

export function pageMeta(o: {
  manifest: Pick<Manifest, 'title' | 'company' | 'asOf'>;
  locale: Locale;
  title: string;
  /** the page's period id; absent: the page is a snapshot at asOf */
  period?: string | null;
  description?: string;
  /** the page's path with the base (Astro.url.pathname) */
  path: string;
  base: string;
  siteUrl: string | undefined;
}): PageMeta {
  const { manifest, locale } = o;
  const siteName = pick(manifest.title, locale);
  const when = o.period ? formatPeriod(o.period, locale) : t(locale, 'brief.titleAsOf', { date: formatDate(manifest.asOf, locale) });
  const title = `${o.title.includes(when) ? o.title : `${o.title} · ${when}`} · ${siteName}`;
  const company = pick(manifest.company ?? null, locale) || siteName;
  const description = o.description?.trim() || t(locale, 'brief.siteDescription', { company, date: formatDate(manifest.asOf, locale) });
  return {
    title,
    description,
    url: absoluteUrl(o.path, o.siteUrl),
    image: absoluteUrl(`${o.base.replace(/\/?$/, '/')}icon-512.png`, o.siteUrl),
    locale: OG_LOCALE[locale],
    siteName,
    printHeader: `${company} · ${when}`,
  };
}

/** The canonical link of a page (absolute when the site URL is known). */
export const canonicalUrl = (locale: Locale, path: string, siteUrl: string | undefined): string => absoluteUrl(localePath(locale, path), siteUrl);

/**
 * The running header and footer of printed pages as an `@page` rule (Chromium ≥ 131 draws page-margin
 * boxes): the company and the period on the left of every A4 page, "page / pages" on the right, and the
 * footer's provenance (data date, definitions version, fingerprint) at the bottom, so the page footer
 * need not take a sheet of its own. Texts are CSS strings: quotes and backslashes escaped, `<` as `\3c `
 * so they cannot close the style element.
 */
export const printHeaderCss = (header: string, footer = ''): string => {
  const str = (v: string) => `"${v.replace(/[\\"]/g, '\\$&').replace(/[\r\n\f]+/g, ' ').replace(/</g, '\\3c ')}"`;
  const font = 'font: 8pt system-ui, sans-serif; color: #333;';
  return `@media print { @page { @top-left { content: ${str(header)}; ${font} } @top-right { content: counter(page) " / " counter(pages); ${font} }`
    + `${footer ? ` @bottom-left { content: ${str(footer)}; ${font} }` : ''} } .site-footer { display: none; } }`;
};
