/**
 * URL path segments from names. A staff id, team id or
 * team name is kept as the path segment (Chinese included: `/teams/华南组/`) except characters
 * that would break a URL path or a file name; names that then clash get `-2`, `-3` … in order.
 * A slug is at most SLUG_MAX_BYTES of UTF-8 (file systems allow 255 bytes a name): a longer name
 * is cut at a character boundary and ends with 8 hex digits of its hash, so two long names with
 * the same start still differ. Slugs that differ only by letter case (or Unicode normal form) count
 * as a clash: on a case-insensitive file system (macOS, Windows) they would be one folder.
 */
export const SLUG_MAX_BYTES = 96;

const utf8 = new TextEncoder();

/** FNV-1a, 32 bits: a short, stable tag for a cut name (not a security hash) */
function tag(s: string): string {
  let h = 0x811c9dc5;
  for (const b of utf8.encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export const slugify = (s: string): string => {
  const slug = s.trim().replace(/[/\\?#%&"'<>|*:\s]+/g, '-').replace(/^\.+/, '-') || '-';
  if (utf8.encode(slug).length <= SLUG_MAX_BYTES) return slug;
  let cut = '';
  let bytes = 0;
  for (const ch of slug) {
    const n = utf8.encode(ch).length;
    if (bytes + n > SLUG_MAX_BYTES - 9) break;
    cut += ch;
    bytes += n;
  }
  return `${cut}-${tag(s)}`;
};

/** the form two slugs share when a case-insensitive, normalising file system sees one name */
export const foldedSlug = (s: string) => s.normalize('NFC').toLowerCase();
const folded = foldedSlug;

/**
 * Gives each name a unique slug (a clash, case-insensitive, gets `-2`, `-3` … in input order),
 * made from the name itself or from what `source` gives for it (a team's id).
 */
export const uniqueSlugs = (names: readonly string[], source: (name: string) => string = (n) => n): Map<string, string> => {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const n of names) {
    const base = slugify(source(n));
    let s = base;
    for (let i = 2; used.has(folded(s)); i++) s = `${base}-${i}`;
    used.add(folded(s));
    out.set(n, s);
  }
  return out;
};
