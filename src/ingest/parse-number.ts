import { decimalToMinor, type MinorFailure } from '../lib/money.ts';

/**
 * A number cell → a finite number, `null` for an empty cell, `NaN` for anything we refuse.
 *
 * Accepted: `1234.5`, `-12`, `1,234.50` (groups of three), `1 234,50` / `1.234,50` when
 * `decimal: ','`, currency marks `¥ ￥ $ 元 CNY RMB`, full-width digits, `(12.00)` = -12,
 * `12%` = 0.12 in percentage columns, `3.5万` = 35000 (and 亿) when `wan` is on, `1e3`.
 * Refused: `1,2,3` (bad grouping), `NaN`, `Infinity`, `--5`, `1e309` (not finite), `12%` outside
 * percentage columns, `万` when not configured.
 */
export interface NumberOptions {
  decimal: '.' | ',';
  wan: boolean;
  percent: boolean;
}

export const defaultNumberOptions: NumberOptions = { decimal: '.', wan: false, percent: false };

// a mark is read off and remembered (CleanNumber.mark): amounts with marks of two currencies stop
// the build (ingest/currency-check.ts)
const PREFIXES = ['US$', 'USD', 'CNY', 'RMB', 'HK$', 'HKD', 'EUR', 'GBP', 'JPY', '¥', '$', '€', '£', '₩'];
const SUFFIXES = ['元', 'CNY', 'RMB', 'USD', 'HKD', 'EUR', 'GBP', 'JPY', '円', '¥', '€'];

/** only ASCII digits, dots and at most a leading minus: the fast path of both readers below */
function isPlainDecimal(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46 || (c === 45 && i === 0)) continue;
    return false;
  }
  return true;
}

export function parseNumber(raw: string, opt: NumberOptions = defaultNumberOptions): number | null {
  // Fast path: plain ASCII digits with at most a leading minus and dots (Number refuses `1.2.3`).
  const n = raw.length;
  if (n === 0) return null;
  if (opt.decimal === '.') {
    if (isPlainDecimal(raw)) {
      const v = Number(raw);
      return n === 1 && (raw === '-' || raw === '.') ? NaN : v;
    }
  }
  return parseSlow(raw, opt);
}

/** A number cell taken apart: its sign, plain decimal text, power of ten (万, 亿, %) and currency mark. */
export interface CleanNumber {
  negative: boolean;
  /** digits with at most one `.` (and an exponent): `1234.5`, `1e3` */
  text: string;
  /** 10^pow10 multiplies the text: 4 for 万, 8 for 亿, −2 for % */
  pow10: number;
  /** the currency mark the cell carried (`¥`, `$`, `元`, `USD` …), upper-cased; null when none */
  mark: string | null;
}

/** The cell without its sign, marks and grouping; null for an empty cell, NaN when refused. */
export function cleanNumber(raw: string, opt: NumberOptions): CleanNumber | null | typeof NaN {
  let s = raw.normalize('NFKC').trim();
  if (s.length === 0) return null;
  let negative = false;
  let signs = 0;
  let mark: string | null = null;
  if (s.startsWith('(') && s.endsWith(')')) { negative = true; signs++; s = s.slice(1, -1).trim(); }
  const takeSign = () => {
    if (s.startsWith('-') || s.startsWith('+') || s.startsWith('−')) {
      if (s[0] !== '+') negative = !negative;
      signs++;
      s = s.slice(1).trim();
    }
  };
  takeSign();
  for (const p of PREFIXES) if (s.toUpperCase().startsWith(p)) { mark = p; s = s.slice(p.length).trim(); break; }
  takeSign();
  for (const p of SUFFIXES) if (s.toUpperCase().endsWith(p)) { mark ??= p; s = s.slice(0, -p.length).trim(); break; }
  let pow10 = 0;
  if (s.endsWith('%')) {
    if (!opt.percent) return NaN;
    pow10 = -2;
    s = s.slice(0, -1).trim();
  } else if (s.endsWith('万') || s.endsWith('亿')) {
    if (!opt.wan) return NaN;
    pow10 = s.endsWith('万') ? 4 : 8;
    s = s.slice(0, -1).trim();
  }
  if (signs > 1 || s.length === 0) return NaN;
  const text = opt.decimal === '.' ? cleanDot(s) : cleanComma(s);
  if (text === null) return NaN;
  return { negative, text, pow10, mark };
}

function parseSlow(raw: string, opt: NumberOptions): number | null {
  const c = cleanNumber(raw, opt);
  if (c === null || typeof c === 'number') return c;
  const scale = 10 ** c.pow10;
  const v = Number(c.text) * scale;
  if (!Number.isFinite(v)) return NaN;
  // round away binary noise from the scale (0.12 not 0.12000000000000001)
  const r = c.pow10 === 0 ? v : Number(v.toPrecision(15));
  return c.negative ? -r : r;
}

/**
 * A money cell → integer minor units of a currency with `digits` decimals (lib/money.ts), read
 * from its decimal text, never through a binary double: `12.34` → 1234, `¥12,800.00` → 1280000,
 * `3.5万` → 3500000 (with `wan`). null for an empty cell; a MinorFailure when refused (not a
 * number, more decimals than the minor unit, too large). `marks` counts the currency marks seen.
 */
export function parseMoney(raw: string, opt: NumberOptions, digits: number, marks?: Map<string, number>): number | null | MinorFailure {
  const n = raw.length;
  if (n === 0) return null;
  if (opt.decimal === '.') {
    // fast path: plain ASCII digits, at most a leading minus and dots
    if (isPlainDecimal(raw)) return decimalToMinor(raw, digits);
  }
  const c = cleanNumber(raw, { ...opt, percent: false });
  if (c === null) return null;
  if (typeof c === 'number') return 'invalid';
  if (c.mark !== null && marks) marks.set(c.mark, (marks.get(c.mark) ?? 0) + 1);
  const v = decimalToMinor(c.text, digits + c.pow10);
  return typeof v === 'number' && c.negative && v !== 0 ? -v : v;
}

const PLAIN = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_DOT = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_COMMA = /^\d{1,3}([ \u00a0\u202f.']\d{3})+(,\d+)?$/;
const PLAIN_COMMA = /^\d+(,\d+)?$/;

function cleanDot(s: string): string | null {
  if (PLAIN.test(s)) return s;
  if (GROUPED_DOT.test(s)) return s.replaceAll(',', '');
  return null;
}

function cleanComma(s: string): string | null {
  if (PLAIN_COMMA.test(s)) return s.replace(',', '.');
  if (GROUPED_COMMA.test(s)) return s.replace(/[ \u00a0\u202f.']/g, '').replace(',', '.');
  return null;
}
