import type { FileSettings } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { InputName } from '../validate/schemas/index.ts';
import { normalizeHeader } from './headers.ts';

/**
 * Columns a file does not have, given by config, read as if they were cells after the header's:
 * - `files.<name>.constants`: a value for every row (`constants: { role: 客户经理 }`); the file's
 *   own column of that name, if any, is not read;
 * - `files.orders.orderIdentity`: the order id of a file without one, either `line` (each line is
 *   an order) or a list of columns (headers of the file or canonical names) whose values together
 *   identify an order (`[客户编号, 下单时间]`).
 * Each is appended to a record's cells after the record is checked (and hashed for exact
 * duplicates), so a file without these settings pays nothing.
 */
export interface VirtualColumn {
  column: string;
  /** what the ledger's mapping shows for the column */
  label: string;
  value: (cells: readonly string[], line: number) => string;
}

/** separator of the parts of an order id built from columns (a character no export holds) */
export const ID_PART_SEPARATOR = ' | ';

/** the canonical columns config gives (they are not looked for among the headers) */
export function givenColumns(name: InputName, settings: Pick<FileSettings, 'constants' | 'orderIdentity'>): Set<string> {
  const given = new Set(Object.keys(settings.constants ?? {}));
  if (name === 'orders' && settings.orderIdentity) given.add('order_id');
  return given;
}

export function virtualColumns(
  name: InputName,
  file: string,
  header: readonly string[],
  settings: Pick<FileSettings, 'constants' | 'orderIdentity'>,
  columns: readonly string[],
  index: ReadonlyMap<string, number>,
): { ok: true; columns: VirtualColumn[] } | { ok: false; error: BuildError } {
  const out: VirtualColumn[] = [];
  for (const [column, value] of Object.entries(settings.constants ?? {})) {
    if (!columns.includes(column)) return { ok: false, error: settingError(name, 'constants', `"${column}" is not a column of ${file}. Allowed: ${columns.join(', ')}.`, `“${column}”不是 ${file} 的列。可用的列：${columns.join('、')}。`) };
    out.push({ column, label: `= "${value}" (constants)`, value: () => value });
  }
  const identity = settings.orderIdentity;
  if (identity !== undefined && name !== 'orders') {
    return { ok: false, error: settingError(name, 'orderIdentity', 'is a setting of orders only.', '只适用于 orders（订单）文件。') };
  }
  if (identity === 'line') out.push({ column: 'order_id', label: '= line number (orderIdentity: line)', value: (_, line) => `#${line}` });
  else if (identity) {
    const at: number[] = [];
    for (const part of identity) {
      const n = normalizeHeader(part);
      let i = header.findIndex((h) => normalizeHeader(h) === n);
      if (i < 0) i = index.get(part) ?? -1;
      if (i < 0) {
        const found = header.filter((h) => h !== '').join(', ');
        return { ok: false, error: settingError(name, 'orderIdentity', `"${part}" is neither a header of ${file} nor a column read from it. Headers found: ${found}.`, `“${part}”既不是 ${file} 的表头，也不是从中读取的列。文件中的表头：${found}。`) };
      }
      at.push(i);
    }
    out.push({
      column: 'order_id',
      label: `= ${at.map((i) => header[i]).join(' + ')} (orderIdentity)`,
      value: (cells) => at.map((i) => cells[i]!.trim()).join(ID_PART_SEPARATOR),
    });
  }
  return { ok: true, columns: out };
}

function settingError(name: InputName, key: string, en: string, zh: string): BuildError {
  return buildError({
    code: 'config_invalid', file: 'config.yaml', field: `files.${name}.${key}`,
    message: { en: `files.${name}.${key}: ${en}`, 'zh-CN': `files.${name}.${key}：${zh}` },
    hint: null,
  });
}
