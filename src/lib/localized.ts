/** A text in both languages the project ships (every user-facing message has both). */
export type Localized = { 'zh-CN': string; en: string };

/**
 * A table of message templates by code, both languages each (validate/reasons.ts,
 * ingest/warnings.ts): `{name}` placeholders are filled by `fillLocalized`.
 */
export type MessageTable = Readonly<Record<string, Localized>>;

/**
 * One template in both languages with its `{name}` placeholders filled, in one pass: a value that
 * itself holds `{name}` or `$&` is inserted as it is. A placeholder with no value is left as written.
 */
export function fillLocalized(template: Localized, values: Readonly<Record<string, string>>): Localized {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
  return { en: fill(template.en), 'zh-CN': fill(template['zh-CN']) };
}
