import { createHmac } from 'node:crypto';

/**
 * The one rule for personal data in anything published (docs/data.md, "Privacy"):
 *
 * - what counts: e-mail addresses; phone numbers (mainland mobiles `13812341234`, with +86 /
 *   0086 / 86 and spaces or dashes; landlines `010-12345678`, `(0571) 8888 8888`; international
 *   numbers written with `+`; North-American `(415) 555-2671`); Chinese resident ids (18 digits,
 *   the last may be X, with a valid birth date and check digit);
 * - a value that IS one of those (an identifier such as a customer id that is a phone number)
 *   gets a stable pseudonym (`anon-…`, a keyed hash: the same value always gives the same
 *   pseudonym, so links and joins still work, and it cannot be reversed without the key);
 * - one found inside longer text (a name, note, subject, rejected value) is masked in place:
 *   `call 13812341234` → `call 138****1234`, `zhang@example.com` → `z***@example.com`.
 *
 * Applied at publish (src/publish/privacy.ts) to every published text field, and by the ledger
 * to its examples.
 */

/** `13812341234` → `138****1234`: the first 3 and last 4 digits stay visible. */
export function maskPhone(value: string): string {
  const s = value.trim();
  let digits = s.replace(/\D/g, '');
  // the country code of a mainland number is not part of what stays visible
  if (/^(0086|86)1[3-9]\d{9}$/.test(digits)) digits = digits.slice(digits.length - 11);
  if (digits.length < 7) return '*'.repeat(s.length || 3);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** `zhang@example.com` → `z***@example.com` */
export function maskEmail(value: string): string {
  const s = value.trim();
  const at = Math.max(s.lastIndexOf('@'), s.lastIndexOf('＠'));
  if (at <= 0) return maskText(s);
  return `${s[0]}***${s.slice(at)}`;
}

/** `110101199003074578` → `110*************78` */
export const maskNationalId = (value: string): string => `${value.slice(0, 3)}${'*'.repeat(13)}${value.slice(-2)}`;

/** Any other personal text: first character, then stars. */
export function maskText(value: string): string {
  const s = value.trim();
  if (s.length === 0) return s;
  return `${[...s][0]}***`;
}

// Boundaries: not glued to a letter or digit (a hash or an order number is not a phone number).
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';
const EMAIL = '[A-Za-z0-9._%+\\-]+[@＠][A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}';
const ID_CN = '\\d{17}[\\dXx]';
const MOBILE_CN = '(?:(?:\\+|00)?86[\\s\\-]?)?1[3-9]\\d(?:[\\s\\-]?\\d{4}){2}';
const LANDLINE_CN = '(?:\\(0\\d{2,3}\\)|0\\d{2,3})[\\s\\-]?\\d{3,4}[\\s\\-]?\\d{4}';
const INTL = '\\+\\d{1,3}(?:[\\s\\-.]?\\(?\\d{1,4}\\)?){2,5}';
const NANP = '\\(\\d{3}\\)\\s?\\d{3}[\\s.\\-]\\d{4}|\\d{3}[.\\-]\\d{3}[.\\-]\\d{4}';
const PHONE = `${MOBILE_CN}|${LANDLINE_CN}|${INTL}|${NANP}`;
const ANY = new RegExp(`${B}(?:(${EMAIL})|(${ID_CN})|(${PHONE}))${E}`, 'g');
/** cheap pre-check: an @ or seven digits close together; most text skips the full scan */
const QUICK = /[@＠]|\d(?:[\s\-.()+]{0,2}\d){6}/;

/** 18-digit resident id: a real birth date and the ISO 7064 MOD 11-2 check digit. */
export function isNationalId(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  const y = +s.slice(6, 10), m = +s.slice(10, 12), d = +s.slice(12, 14);
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * weights[i]!;
  return '10X98765432'[sum % 11] === s[17]!.toUpperCase();
}

const phoneDigits = (s: string) => s.replace(/\D/g, '').length;
const plausiblePhone = (s: string) => {
  const n = phoneDigits(s);
  return n >= 8 && n <= 15;
};

type Kind = 'email' | 'id' | 'phone';
/** The personal-data kind of a match, or null for a false alarm (an 18-digit number that is no id). */
function kindOf(m: RegExpExecArray): Kind | null {
  if (m[1]) return 'email';
  if (m[2]) return isNationalId(m[2]) ? 'id' : null;
  return m[3] && plausiblePhone(m[3]) ? 'phone' : null;
}

const maskers: Record<Kind, (s: string) => string> = { email: maskEmail, id: maskNationalId, phone: maskPhone };

/** Whether the whole (trimmed) value is an e-mail, phone number or resident id. */
export function isPersonalIdentifier(value: string): boolean {
  const s = value.trim();
  if (!QUICK.test(s)) return false;
  ANY.lastIndex = 0;
  const m = ANY.exec(s);
  return m !== null && m.index === 0 && m[0].length === s.length && kindOf(m) !== null;
}

/** Mask every e-mail, phone number and resident id inside a text; other text unchanged. */
export function maskPersonalText(value: string): string {
  if (!QUICK.test(value)) return value;
  return value.replace(ANY, (...args) => {
    const m = args as unknown as RegExpExecArray;
    const kind = kindOf(m);
    return kind ? maskers[kind](m[0]) : m[0];
  });
}

/** A stable pseudonym for a personal identifier: `anon-` + 16 hex digits of HMAC-SHA256(key, value). */
export const pseudonym = (value: string, key: string | Uint8Array): string =>
  `anon-${createHmac('sha256', key).update(value.trim()).digest('hex').slice(0, 16)}`;

/**
 * Mask a raw value for the ledger's examples. `personal` marks a personal-data column (phone,
 * email…): its values are always masked. Elsewhere, personal data inside the value is masked
 * (a phone typed into the wrong column is still personal data).
 */
export function maskValue(value: string, personal = false): string {
  if (!personal) return maskPersonalText(value);
  const masked = maskPersonalText(value);
  if (masked !== value) return masked;
  return /\d{7,}/.test(value.replace(/[\s\-()+]/g, '')) ? maskPhone(value) : maskText(value);
}
