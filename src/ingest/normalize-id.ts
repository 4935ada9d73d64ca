/**
 * Ids stay strings: trimmed, NFKC-normalised (full-width `ＡＢ１２` → `AB12`), and a float export's
 * `17850.0` → `17850`. Leading zeros are kept (`007` stays `007`). Empty → null.
 * Decision: ids that differ only by full-width forms or surrounding spaces (`ＣＵ１`, `CU1 `) are
 * the same id, so in a keyed file the later row is rejected as `duplicate_key` naming the first
 * (test/robustness/bad-inputs.test.ts). Case is kept: `a1` and `A1` are different ids.
 * Salesforce writes an empty reference as `000000000000000AAA`: read as empty.
 */
/** Salesforce's empty reference (an opportunity with no account, a user with no manager): no id */
export const SALESFORCE_EMPTY_ID = '000000000000000AAA';

export function normalizeId(raw: string): string | null {
  let s = raw;
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 126) { ascii = false; break; }
  if (!ascii) s = s.normalize('NFKC');
  s = s.trim();
  if (s.length === 0 || s === SALESFORCE_EMPTY_ID) return null;
  // `123.0`, `123.00`: digits, a dot, only zeros
  const dot = s.indexOf('.');
  if (dot > 0) {
    let ok = true;
    for (let i = 0; i < dot && ok; i++) { const c = s.charCodeAt(i); ok = c >= 48 && c <= 57; }
    for (let i = dot + 1; i < s.length && ok; i++) ok = s.charCodeAt(i) === 48;
    if (ok && dot < s.length - 1) s = s.slice(0, dot);
  }
  return s;
}
