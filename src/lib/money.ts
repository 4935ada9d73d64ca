import { code as iso4217 } from 'currency-codes';

/**
 * Money is held in integer minor units (fen, cents; yen and won have none) from parsing to
 * publishing (docs/data.md#money). Integers are exact in a double up to 2^53 (9.007 × 10^15), so
 * every sum of amounts is exact and equals the sum of its parts to the minor unit; only the
 * conversion to major units at the end of the metrics stage divides, once.
 *
 * A currency's minor unit comes from ISO 4217 list one (the `currency-codes` package, published
 * 2024-06-25), not from Intl: ICU/CLDR gives IDR and HUF 0 decimals (their cash practice) where
 * ISO 4217 gives 2.
 */
export interface Money {
  /** ISO 4217 code, e.g. CNY */
  currency: string;
  /** decimals of the minor unit: CNY 2, JPY 0, KWD 3 */
  digits: number;
  /** 10 ** digits */
  scale: number;
}

/** The currency's money, or null when `code` is not an ISO 4217 currency code. */
export function moneyOf(code: string): Money | null {
  if (!/^[A-Z]{3}$/.test(code)) return null;
  const c = iso4217(code);
  if (!c || !Number.isInteger(c.digits) || c.digits < 0 || c.digits > 4) return null;
  return { currency: c.code, digits: c.digits, scale: 10 ** c.digits };
}

/** moneyOf for a code already validated (config.currency): throws on an unknown code. */
export function moneyFor(code: string): Money {
  const m = moneyOf(code);
  if (!m) throw new Error(`not an ISO 4217 currency code: ${code}`);
  return m;
}

/**
 * Minor units → major units, one correctly rounded division. For |minor| < 10^15 the result's
 * shortest decimal text (JSON, String) is exactly the amount with at most `digits` decimals: the
 * amount has at most 15 significant digits, and no two such decimals share a double.
 */
export const toMajor = (minor: number, m: Money): number => minor / m.scale + 0;

/** Below this many minor units a major amount prints exactly (see toMajor). */
export const EXACT_MINOR_LIMIT = 1e15;

/** Exact decimal text of an amount in minor units: 123456 → "1234.56", -5 → "-0.05", JPY 7 → "7". */
export function minorText(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`not an amount in minor units: ${minor}`);
  const s = String(Math.abs(minor));
  const sign = minor < 0 ? '-' : '';
  if (digits === 0) return sign + s;
  const padded = s.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/**
 * An amount in minor units as text for a build message or ledger note: grouped by thousands with
 * the currency's decimals, `1234567` (CNY) → "12,345.67", JPY 1234567 → "1,234,567". Exact: made
 * from the integer's digits, never through a double's division.
 */
export function groupedMinorText(minor: number, digits: number): string {
  const text = minorText(minor, digits);
  const sign = text.startsWith('-') ? '-' : '';
  const [int, frac] = text.slice(sign.length).split('.');
  return `${sign}${int!.replace(/\B(?=(\d{3})+$)/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

/** Round half to even to an integer (averages and quantiles of minor units). */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * An estimate of money in major units (a model's expectation: customer value, value at risk) →
 * minor units, rounded half to even: published like any amount, with the currency's decimals, and
 * summed as integers so that a total equals the sum of its published parts. null when not finite.
 */
export const estimateToMinor = (major: number, m: Money): number | null =>
  Number.isFinite(major) ? roundHalfEven(major * m.scale) + 0 : null;

/**
 * a / b rounded half to even, for integers (b > 0): exact, with the remainder taken in integers
 * rather than from the double quotient (an average of minor units, e.g. AOV).
 */
export function divideHalfEven(a: number, b: number): number {
  let q = Math.floor(a / b);
  let r = a - q * b;
  while (r < 0) { q--; r += b; }
  while (r >= b) { q++; r -= b; }
  const twice = 2 * r;
  if (twice > b) return q + 1;
  if (twice < b) return q;
  return q % 2 === 0 ? q : q + 1;
}

/** Why decimal text is not an amount: not a number, more decimals than the minor unit, too large. */
export type MinorFailure = 'invalid' | 'too_precise' | 'too_large';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Decimal text (`1234.5`, `-0.05`, `.5`, `12.300`, `1e3`; no grouping, no signs other than a
 * leading `-`) → integer minor units, read digit by digit (never through a binary double).
 * More non-zero decimals than the minor unit is `too_precise` (docs/data.md#money: refused, not
 * rounded); an amount past 2^53 minor units is `too_large`.
 */
export function decimalToMinor(s: string, digits: number): number | MinorFailure {
  const n = s.length;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) { negative = true; i = 1; }
  let acc = 0; // significant digits read so far, as an integer
  let sig = 0; // how many digits acc holds (leading zeros not counted)
  let frac = 0; // digits read after the point
  let seenDigit = false;
  let dot = false;
  let big: string | null = null; // digits once acc would pass 15 of them
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      seenDigit = true;
      if (dot) frac++;
      if (big !== null) big += String.fromCharCode(c);
      else if (sig < 15) { acc = acc * 10 + (c - 48); if (acc > 0) sig++; }
      else big = String(acc) + String.fromCharCode(c);
    } else if (c === 46 && !dot) dot = true;
    else if (c === 101 || c === 69) break;
    else return 'invalid';
  }
  if (!seenDigit) return 'invalid';
  let exp = 0;
  if (i < n) {
    const e = s.slice(i + 1);
    if (!/^[+-]?\d{1,4}$/.test(e)) return 'invalid';
    exp = Number(e);
  }
  // value = mantissa × 10^(exp − frac); minor = mantissa × 10^(exp − frac + digits)
  const shift = exp - frac + digits;
  if (big === null && shift <= 0) {
    const div = 10 ** -shift;
    if (shift < -15) return acc === 0 ? 0 : 'too_precise';
    if (acc % div !== 0) return 'too_precise';
    const v = acc / div;
    return negative && v !== 0 ? -v : v;
  }
  if (big === null && shift <= 15) {
    const v = acc * 10 ** shift;
    if (v > MAX) return 'too_large';
    return negative && v !== 0 ? -v : v;
  }
  return bigToMinor(big ?? String(acc), shift, negative);
}

function bigToMinor(mantissa: string, shift: number, negative: boolean): number | MinorFailure {
  let m = BigInt(mantissa);
  if (shift >= 0) m *= 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    if (m % div !== 0n) return 'too_precise';
    m /= div;
  }
  if (m > BigInt(MAX)) return 'too_large';
  const v = Number(m);
  return negative && v !== 0 ? -v : v;
}

/** A finite double's exact decimal (its shortest text) as mantissa × 10^exp. */
function decimalOf(x: number): { m: bigint; exp: number } {
  const s = String(Math.abs(x));
  const [coef, e = '0'] = s.split('e');
  const [int, frac = ''] = coef!.split('.');
  const m = BigInt(int! + frac) * (x < 0 ? -1n : 1n);
  return { m, exp: Number(e) - frac.length };
}

/**
 * quantity × unit price → minor units, rounded half to even to the minor unit (as an invoice
 * rounds each line). Both factors are read as the decimals they were written as (a parsed cell's
 * shortest text), multiplied exactly; null when the product is past 2^53 minor units.
 */
export function productToMinor(quantity: number, price: number, digits: number): number | null {
  const q = decimalOf(quantity);
  const p = decimalOf(price);
  const m = shiftHalfEven(q.m * p.m, q.exp + p.exp + digits);
  if (m > BigInt(MAX) || m < -BigInt(MAX)) return null;
  return Number(m) + 0;
}

/** An exchange rate held exactly: mantissa × 10^exp, read from its decimal text (never a double). */
export interface Rate {
  m: bigint;
  exp: number;
  /** as written in the rates file, for messages */
  text: string;
}

/** Decimal text (`7.1234`, `0.0068`, `155`) → a positive Rate; null when not a positive plain decimal. */
export function parseRate(text: string): Rate | null {
  const s = text.trim();
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const [int = '', frac = ''] = s.split('.');
  const m = BigInt((int || '0') + frac);
  if (m === 0n) return null;
  return { m, exp: -frac.length, text: s };
}

/** m × 10^shift as an integer, rounded half to even when shift < 0 (exact BigInt arithmetic). */
function shiftHalfEven(m: bigint, shift: number): bigint {
  if (shift >= 0) return m * 10n ** BigInt(shift);
  const div = 10n ** BigInt(-shift);
  const neg = m < 0n;
  const a = neg ? -m : m;
  let q = a / div;
  const twice = 2n * (a % div);
  if (twice > div || (twice === div && q % 2n === 1n)) q++;
  return neg ? -q : q;
}

/**
 * An amount in minor units of a currency with `fromDigits` decimals, converted at `rate` (units
 * of the reporting currency per unit of the other), to minor units of the reporting currency
 * (`toDigits`): multiplied exactly, then rounded half to even once. null past 2^53 minor units.
 */
export function convertMinor(minor: number, rate: Rate, fromDigits: number, toDigits: number): number | null {
  const v = shiftHalfEven(BigInt(minor) * rate.m, rate.exp + toDigits - fromDigits);
  if (v > BigInt(MAX) || v < -BigInt(MAX)) return null;
  return Number(v) + 0;
}

/**
 * The exact sum of decimals held as doubles (each read as its shortest text: values parsed from a
 * file's decimal cells, e.g. targets), rounded once to the nearest double: 0.1 + 0.2 is 0.3, not
 * 0.30000000000000004. A sum of figures the user wrote must show no binary residue either.
 */
export function sumDecimals(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const ds = xs.map(decimalOf);
  const exp = Math.min(...ds.map((d) => d.exp));
  let m = 0n;
  for (const d of ds) m += d.m * 10n ** BigInt(d.exp - exp);
  return Number(`${m}e${exp}`) + 0;
}
