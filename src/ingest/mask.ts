/**
 * Masking of personal data for anything published (ledger examples, pages):
 * phone `13812341234` → `138****1234`, e-mail `zhang@example.com` → `z***@example.com`.
 */

/** `13812341234` → `138****1234`; keeps separators' absence simple: only digits are kept visible at the ends. */
export function maskPhone(value: string): string {
  const s = value.trim();
  const digits = s.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(s.length || 3);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** `zhang@example.com` → `z***@example.com` */
export function maskEmail(value: string): string {
  const s = value.trim();
  const at = s.lastIndexOf('@');
  if (at <= 0) return maskText(s);
  return `${s[0]}***${s.slice(at)}`;
}

/** Any other personal text: first character, then stars. */
export function maskText(value: string): string {
  const s = value.trim();
  if (s.length === 0) return s;
  return `${[...s][0]}***`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** a Chinese mobile number (optionally +86) or an international number written with `+` */
const MOBILE_CN = /^(\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}$/;
const INTL = /^\+[\d\s\-()]{7,}$/;

export const looksLikeEmail = (s: string) => EMAIL.test(s.trim());
export const looksLikePhone = (s: string) => MOBILE_CN.test(s.trim()) || INTL.test(s.trim());

/**
 * Mask a raw value for publication. `personal` marks a personal-data column (phone, email…):
 * its values are always masked. Elsewhere, values that look like an e-mail or a mobile number
 * are masked too (a phone typed into the wrong column is still personal data).
 */
export function maskValue(value: string, personal = false): string {
  if (looksLikeEmail(value)) return maskEmail(value);
  if (looksLikePhone(value)) return maskPhone(value);
  if (!personal) return value;
  return /\d{7,}/.test(value.replace(/[\s\-()+]/g, '')) ? maskPhone(value) : maskText(value);
}
