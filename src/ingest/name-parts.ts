import type { FileSettings } from '../config/schema.ts';
import type { InputName } from '../validate/schemas/index.ts';
import { labelsFor, normalizeHeader } from './headers.ts';

/**
 * A person's name in two columns (CRM user and contact exports: Salesforce `FirstName` /
 * `LastName`, Zoho `First Name` / `Last Name`, 姓 / 名): when a file has no `name` column but has
 * these, `name` is read from them, joined. Latin names read first then last with a space
 * (`Ann Lee`); a name with Chinese, Japanese or Korean characters reads family name first, no
 * space (`张` + `三` → `张三`). One part alone is the name.
 */
export const FIRST_NAME_LABELS = ['First Name', 'FirstName', 'Given Name', '名'];
export const LAST_NAME_LABELS = ['Last Name', 'LastName', 'Family Name', 'Surname', '姓'];

export interface NameParts {
  first: number;
  last: number;
  /** the header shown for the joined column (ledger mapping, messages) */
  label: string;
}

/** the cell indexes of a first and a last name among headers not already read, null when neither is there */
export function findNameParts(header: readonly string[], taken: ReadonlySet<number>): NameParts | null {
  const find = (labels: string[]) => {
    const want = new Set(labels.map(normalizeHeader));
    return header.findIndex((h, i) => !taken.has(i) && want.has(normalizeHeader(h)));
  };
  const first = find(FIRST_NAME_LABELS);
  const last = find(LAST_NAME_LABELS);
  if (first < 0 && last < 0) return null;
  const label = [first, last].filter((i) => i >= 0).map((i) => header[i]!).join(' + ');
  return { first, last, label };
}

/**
 * The rule as the reader applies it (read-input-file.ts, and `npm run map` the same way): a file
 * of `name` whose header has no label of its `name` column (and no `columns.name` setting) reads
 * it from first and last name columns, if it has them.
 */
export function namePartsFor(name: InputName, header: readonly string[], settings: Pick<FileSettings, 'columns' | 'preset'>): NameParts | null {
  if (settings.columns.name) return null;
  const labels = new Set(labelsFor(name, 'name', settings).map(normalizeHeader));
  return header.some((x) => labels.has(normalizeHeader(x))) ? null : findNameParts(header, new Set());
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

export function joinName(first: string, last: string): string {
  const f = first.trim(), l = last.trim();
  if (!f || !l) return f || l;
  return CJK.test(f) || CJK.test(l) ? l + f : `${f} ${l}`;
}
