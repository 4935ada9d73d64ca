import { isPersonalIdentifier, maskPersonalText, pseudonym } from '../ingest/mask.ts';

/**
 * Applies the personal-data rule (src/ingest/mask.ts) to every text field of what is published,
 * whatever the column: a value that is an e-mail, phone number or resident id becomes its stable
 * pseudonym (ids still join and link), one inside longer text is masked in place. Pages, CSV
 * downloads and the search index are all made from the bundle, so this is the one place.
 *
 * Not touched: the customers' `phone` and `email` columns (contacts.ts masks them, or shows them
 * with privacy.showContactDetails), fingerprints (hex digests), and role cards (text the company
 * writes on purpose, e.g. a service hotline).
 */
const SKIP_KEYS = new Set(['phone', 'email', 'sha256', 'fingerprint', 'fingerprints', 'roles']);

export function privateText(value: string, key: string): string {
  return isPersonalIdentifier(value) ? pseudonym(value, key) : maskPersonalText(value);
}

/** Rewrites the strings of a JSON-like tree in place (the bundle is large: no copy). */
export function applyPrivacy<T>(tree: T, key: string): T {
  const seen = new Map<string, string>();
  const fix = (s: string): string => {
    let out = seen.get(s);
    if (out === undefined) {
      out = privateText(s, key);
      if (seen.size < 1_000_000) seen.set(s, out);
    }
    return out;
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (typeof v === 'string') node[i] = fix(v);
        else if (v !== null && typeof v === 'object') walk(v);
      }
      return;
    }
    const obj = node as Record<string, unknown>;
    for (const k of Object.keys(obj)) {
      if (SKIP_KEYS.has(k)) continue;
      const v = obj[k];
      if (typeof v === 'string') obj[k] = fix(v);
      else if (v !== null && typeof v === 'object') walk(v);
    }
  };
  if (tree !== null && typeof tree === 'object') walk(tree);
  return tree;
}
