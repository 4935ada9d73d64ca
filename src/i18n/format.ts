import { isoDay, timeZone } from '../lib/time-zone.ts';
import type { KpiUnit } from '../model/kpi.ts';
import type { Locale } from './locales.ts';
import { moneyFor } from '../lib/money.ts';

/**
 * Number and date formats of the two locales. Hand-written on top of one en-US grouping
 * formatter so output is identical on every machine (no ICU data differences).
 *
 * Money, in the site's currency (config `currency`, the bundle manifest's; CNY shown here):
 *   zh-CN  |v| < 1万 → `¥1,234`; < 1亿 → `¥12.3万`; otherwise `¥1.2亿`
 *   en     |v| < 10k → `¥1,234`; < 1M → `¥12.3k`; < 1B → `¥1.2M`; otherwise `¥1.2B`
 *   (`formatMoneyFull` gives `¥1,234,567` in tables, and the currency's decimals below 100:
 *   `¥12.50`; a currency without a minor unit, JPY or KRW, never shows decimals)
 * The symbol is the currency's narrow symbol (`¥`, `$`, `€`, `₩`), or its code when it has none.
 * Negative numbers use the minus sign `−` (U+2212). No value → `—`.
 */

export const NO_VALUE = '—';
const MINUS = '−';

const group0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
// one formatter per number of decimals: constructing an Intl.NumberFormat costs far more than
// formatting with it, and a large site formats millions of numbers
const formatters = new Map<number, Intl.NumberFormat>();
const fixed = (v: number, digits: number): string => {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(v);
};

const sign = (v: number): string => (v < 0 ? MINUS : '');
/** 12.0 → "12", 12.34 → "12.3" */
const short1 = (v: number): string => fixed(v, 1).replace(/\.0$/, '');

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export const formatCount = (v: number | null | undefined, _locale: Locale): string =>
  isNum(v) ? sign(v) + group0.format(Math.abs(v)) : NO_VALUE;

/** How the site shows money: the currency's symbol and the decimals of its minor unit. */
export interface CurrencyFormat {
  code: string;
  /** `¥`, `$`, `€`; a code with a space (`KWD `) when the currency has no narrow symbol */
  symbol: string;
  digits: number;
}

export const currencyFormat = (code: string): CurrencyFormat => {
  const { digits } = moneyFor(code);
  const narrow = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' })
    .formatToParts(0).find((p) => p.type === 'currency')?.value ?? code;
  return { code, symbol: /^[A-Za-z]{2,}$/.test(narrow) ? `${narrow} ` : narrow, digits };
};

// Every amount of one build is in one currency (the bundle's): loadBundle sets it once, before
// any page renders, so the many formatting call sites need not pass it (they may, to override).
let siteCurrency: CurrencyFormat = currencyFormat('CNY');
export const setSiteCurrency = (code: string): void => {
  if (siteCurrency.code !== code) siteCurrency = currencyFormat(code);
};

/** The unit of money columns in table and CSV headers: `元` for CNY in Chinese, else the code (`USD`). */
export const currencyUnit = (locale: Locale, cur: CurrencyFormat = siteCurrency): string =>
  locale === 'zh-CN' && cur.code === 'CNY' ? '元' : cur.code;

export const formatMoneyFull = (v: number | null | undefined, _locale: Locale, cur: CurrencyFormat = siteCurrency): string =>
  isNum(v)
    ? `${sign(v)}${cur.symbol}${Math.abs(v) < 100 && !Number.isInteger(v) && cur.digits > 0 ? fixed(Math.abs(v), cur.digits) : group0.format(Math.abs(v))}`
    : NO_VALUE;

export const formatMoney = (v: number | null | undefined, locale: Locale, cur: CurrencyFormat = siteCurrency): string => {
  if (!isNum(v)) return NO_VALUE;
  const a = Math.abs(v);
  const s = sign(v) + cur.symbol;
  if (locale === 'zh-CN') {
    if (a >= 1e8) return `${s}${short1(a / 1e8)}亿`;
    if (a >= 1e4) return `${s}${short1(a / 1e4)}万`;
  } else {
    if (a >= 1e9) return `${s}${short1(a / 1e9)}B`;
    if (a >= 1e6) return `${s}${short1(a / 1e6)}M`;
    if (a >= 1e4) return `${s}${short1(a / 1e3)}k`;
  }
  return formatMoneyFull(v, locale, cur);
};

/** 0.123 → "12.3%" */
export const formatPercent = (v: number | null | undefined, _locale: Locale, digits = 1): string =>
  isNum(v) ? sign(v) + fixed(Math.abs(v) * 100, digits) + '%' : NO_VALUE;

export const formatHours = (v: number | null | undefined, locale: Locale): string =>
  isNum(v) ? sign(v) + short1(Math.abs(v)) + (locale === 'zh-CN' ? ' 小时' : ' h') : NO_VALUE;

/** NPS is −100..100, shown with a sign and no decimals: "+32", "−5", "0" */
export const formatNps = (v: number | null | undefined, _locale: Locale): string => {
  if (!isNum(v)) return NO_VALUE;
  const r = Math.round(v);
  return r > 0 ? `+${r}` : r < 0 ? `${MINUS}${-r}` : '0';
};

/** A relative change 0.052 → "+5.2%", −0.1 → "−10.0%" */
export const formatSignedPercent = (v: number | null | undefined, _locale: Locale): string =>
  !isNum(v) ? NO_VALUE : (v > 0 ? '+' : v < 0 ? MINUS : '±') + fixed(Math.abs(v) * 100, 1) + '%';

/** A change in percentage points (ratio difference 0.012 → "+1.2 pp" / "+1.2 个百分点") */
export const formatPoints = (v: number | null | undefined, locale: Locale): string =>
  !isNum(v) ? NO_VALUE : (v > 0 ? '+' : v < 0 ? MINUS : '±') + fixed(Math.abs(v) * 100, 1) + (locale === 'zh-CN' ? ' 个百分点' : ' pp');

/** Any KPI value by its catalogue unit (tiles and tables). */
export const formatValue = (v: number | null | undefined, unit: KpiUnit, locale: Locale, opts: { full?: boolean } = {}): string => {
  switch (unit) {
    case 'currency': return opts.full ? formatMoneyFull(v, locale) : formatMoney(v, locale);
    case 'ratio': return formatPercent(v, locale);
    case 'change': return formatSignedPercent(v, locale);
    case 'hours': return formatHours(v, locale);
    case 'nps': return formatNps(v, locale);
    case 'count': return formatCount(v, locale);
  }
};

// ---- dates and periods ------------------------------------------------------------------------

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `YYYY-MM-DD` → "2026年9月30日" / "30 Sep 2026" */
export const formatDate = (iso: string | null | undefined, locale: Locale): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return NO_VALUE;
  const [y, mo, d] = [m[1], Number(m[2]), Number(m[3])];
  return locale === 'zh-CN' ? `${y}年${mo}月${d}日` : `${d} ${monthsEn[mo - 1]} ${y}`;
};

/**
 * epoch ms → `YYYY-MM-DD` in a time zone (default Asia/Shanghai, the config default): the local
 * day by the project's one calendar (src/lib/time-zone.ts), never a locale's date format.
 */
export const isoDate = (ms: number, zone = 'Asia/Shanghai'): string => isoDay(timeZone(zone).dayOf(ms));

/** Period id → label: "2026年第3季度" / "Q3 2026", "2026年9月" / "Sep 2026", "2026年" / "2026" */
export const formatPeriod = (id: string, locale: Locale): string => {
  let m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) return locale === 'zh-CN' ? `${m[1]}年第${m[2]}季度` : `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(id);
  if (m) return locale === 'zh-CN' ? `${m[1]}年${Number(m[2])}月` : `${monthsEn[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})$/.exec(id);
  if (m) return locale === 'zh-CN' ? `${m[1]}年` : m[1]!;
  return id;
};

/** Compact period label for chart axes and period pickers: "2026年Q3" / "Q3 2026", "2026年9月" / "Sep 2026" */
export const formatPeriodShort = (id: string, locale: Locale): string => {
  let m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) return locale === 'zh-CN' ? `${m[1]}年Q${m[2]}` : `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(id);
  if (m) return locale === 'zh-CN' ? `${m[1]}年${Number(m[2])}月` : `${monthsEn[Number(m[2]) - 1]} ${m[1]}`;
  return id;
};

// ---- Plot axes ---------------------------------------------------------------------------------

/** Compact axis ticks in the page's locale (money in 万/亿 for zh-CN, k/M for en). */
export const tickFormat = (unit: KpiUnit, locale: Locale): ((v: number) => string) => {
  switch (unit) {
    case 'currency': return (v) => formatMoney(v, locale);
    case 'ratio': return (v) => formatPercent(v, locale, 0);
    case 'change': return (v) => formatSignedPercent(v, locale);
    case 'hours': return (v) => formatHours(v, locale);
    case 'nps': return (v) => formatNps(v, locale);
    case 'count': return (v) => (locale === 'zh-CN' && Math.abs(v) >= 1e4 ? sign(v) + short1(Math.abs(v) / 1e4) + '万' : formatCount(v, locale));
  }
};

/** A signed plain number: 5 → "+5", −2.5 → "−2.5" (NPS changes in points). */
export const formatSignedNumber = (v: number | null | undefined, _locale: Locale, digits = 1): string =>
  !isNum(v) ? NO_VALUE : (v > 0 ? '+' : v < 0 ? MINUS : '±') + fixed(Math.abs(v), digits).replace(/\.0+$/, '');
