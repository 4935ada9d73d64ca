import { parseDocument } from 'yaml';

/**
 * The one way a YAML file (config.yaml, role-card front matter) is read: YAML 1.2 core schema,
 * duplicate keys refused, and alias expansion capped so an "alias bomb" (a billion laughs)
 * is refused with a message instead of exhausting memory or throwing a stack trace. Never
 * throws: a problem comes back with its line when the parser knows it.
 */
export type YamlRead = { ok: true; value: unknown } | { ok: false; line: number | null; reason: string; aliases: boolean };

/** more aliases than any hand-written file needs; yaml's own default, stated here on purpose */
export const MAX_ALIAS_COUNT = 100;

export function readYaml(text: string): YamlRead {
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, schema: 'core' });
  } catch (e) {
    return { ok: false, line: null, reason: firstLine(e), aliases: false };
  }
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { ok: false, line: e.linePos?.[0]?.line ?? null, reason: firstLine(e), aliases: false };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    // yaml throws a ReferenceError for excessive alias expansion (or an unresolved alias)
    const reason = firstLine(e);
    return { ok: false, line: null, reason, aliases: /alias/i.test(reason) };
  }
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
