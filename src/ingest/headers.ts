import type { FileSettings } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import { DIMENSION_PREFIX, type InputName } from '../validate/schemas/index.ts';
import { editDistance } from '../lib/closest.ts';
import { presetTables } from './presets/index.ts';
import { synonyms } from './synonyms.ts';

/**
 * Map a file's headers to canonical columns. Precedence: the file's `columns` setting, then the
 * canonical name itself, then the preset's names, then the built-in synonyms; a header is used
 * for one column only. Matching ignores case, surrounding and inner spaces, `_` and `-`, and
 * full-/half-width forms (NFKC): `Customer ID` = `customer_id` = `ＣＵＳＴＯＭＥＲ ＩＤ`.
 */
export function normalizeHeader(h: string): string {
  return h.normalize('NFKC').toLowerCase().replace(/[\s_\-\u200b\ufeff]+/g, '');
}

export interface HeaderMatch {
  /** canonical column → index in the record */
  index: Map<string, number>;
  /** canonical column → header in the file (for the ledger) */
  mapping: Record<string, string>;
  /** survey dimension columns: name without `dim_` → index */
  dims: { name: string; index: number }[];
}

/** `errors`: every problem found (each missing required column); `error` is the first */
export type HeaderResult = { ok: true; match: HeaderMatch } | { ok: false; error: BuildError; errors?: BuildError[] };

/** Every label that may name `column` in file `name` (canonical first, then preset, then synonyms). */
export function labelsFor(name: InputName, column: string, settings: Pick<FileSettings, 'preset'>): string[] {
  const preset = settings.preset ? (presetTables[settings.preset][name]?.[column] ?? []) : [];
  return [column, ...preset, ...(synonyms[name][column] ?? [])];
}

export function configHint(name: InputName, column: string, header: string): string {
  return `files:\n  ${name}:\n    columns: { ${column}: "${header}" }`;
}

/** the header closest to any label of `column` (edit distance over normalised forms), or null */
export function closestHeader(headers: string[], labels: string[]): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  const norm = labels.map(normalizeHeader);
  for (const h of headers) {
    const nh = normalizeHeader(h);
    if (!nh) continue;
    for (const l of norm) {
      let d = editDistance(nh, l);
      if (d > 0 && Math.min(nh.length, l.length) >= 2 && (nh.includes(l) || l.includes(nh))) d = Math.min(d, 1.5);
      const limit = Math.max(2, Math.ceil(l.length / 3));
      if (d <= limit && d / Math.max(1, l.length) < bestScore) { bestScore = d / Math.max(1, l.length); best = h; }
    }
  }
  return best;
}

export function matchHeaders(
  headers: string[],
  name: InputName,
  file: string,
  columns: readonly string[],
  required: readonly string[],
  settings: Pick<FileSettings, 'preset' | 'columns'>,
): HeaderResult {
  const normIndex = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n && !normIndex.has(n)) normIndex.set(n, i);
  });
  const taken = new Set<number>();
  const index = new Map<string, number>();
  const found = headers.filter((h) => h.trim() !== '').join(', ');
  const allowDims = name === 'surveys';

  // 1. explicit column settings
  for (const [column, header] of Object.entries(settings.columns ?? {})) {
    const known = columns.includes(column) || (allowDims && column.startsWith(DIMENSION_PREFIX));
    if (!known) {
      let near: string | null = null;
      let nd = Infinity;
      for (const c of columns) { const d = editDistance(column, c); if (d < nd) { nd = d; near = c; } }
      const suggestion = near && nd <= Math.max(2, Math.ceil(column.length / 3)) ? near : null;
      return {
        ok: false,
        error: buildError({
          code: 'unknown_column_setting',
          file: 'config.yaml',
          field: `files.${name}.columns.${column}`,
          message: {
            en: `files.${name}.columns: "${column}" is not a column of ${file}${suggestion ? ` (did you mean ${suggestion}?)` : ''}. Allowed: ${columns.join(', ')}.`,
            'zh-CN': `files.${name}.columns：“${column}”不是 ${file} 的列${suggestion ? `（是否应为 ${suggestion}？）` : ''}。可用的列：${columns.join('、')}。`,
          },
          hint: null,
        }),
      };
    }
    const i = normIndex.get(normalizeHeader(header));
    if (i === undefined) {
      const near = closestHeader(headers, [header]);
      return {
        ok: false,
        error: buildError({
          code: 'mapped_header_not_found',
          file,
          field: column,
          message: {
            en: `${file}: config.yaml maps ${column} to the header "${header}", which is not in the file. Headers found: ${found}.${near ? ` Closest: "${near}".` : ''}`,
            'zh-CN': `${file}：config.yaml 把 ${column} 对应到表头“${header}”，但文件中没有该表头。文件中的表头：${found}。${near ? `最接近的是“${near}”。` : ''}`,
          },
          hint: near
            ? { en: `Change the setting to:\n${configHint(name, column, near)}`, 'zh-CN': `把设置改为：\n${configHint(name, column, near)}` }
            : null,
        }),
      };
    }
    index.set(column, i);
    taken.add(i);
  }

  // 2–4. canonical name, preset names, synonyms: one pass each, so a canonical header is never
  // taken by another column's synonym
  const passes: ((c: string) => string[])[] = [
    (c) => [c],
    (c) => (settings.preset ? (presetTables[settings.preset][name]?.[c] ?? []) : []),
    (c) => synonyms[name][c] ?? [],
  ];
  for (const labels of passes) {
    for (const column of columns) {
      if (index.has(column)) continue;
      for (const label of labels(column)) {
        const i = normIndex.get(normalizeHeader(label));
        if (i !== undefined && !taken.has(i)) { index.set(column, i); taken.add(i); break; }
      }
    }
  }

  const dims: { name: string; index: number }[] = [];
  if (allowDims) {
    for (const [column, header] of Object.entries(settings.columns ?? {})) {
      if (column.startsWith(DIMENSION_PREFIX)) dims.push({ name: column.slice(DIMENSION_PREFIX.length), index: index.get(column)! });
      void header;
    }
    headers.forEach((h, i) => {
      const t = h.normalize('NFKC').trim().toLowerCase();
      if (!taken.has(i) && t.startsWith(DIMENSION_PREFIX) && t.length > DIMENSION_PREFIX.length) {
        dims.push({ name: t.slice(DIMENSION_PREFIX.length), index: i });
        taken.add(i);
      }
    });
  }

  const free = headers.filter((_, i) => !taken.has(i));
  const missing = required.filter((c) => !index.has(c)).map((c) => missingColumnError(free, headers, name, file, c, settings));
  if (missing.length) return { ok: false, error: missing[0]!, errors: missing };

  // A column we read whose header appears twice (after normalisation: `Amount` and `amount`) is
  // ambiguous: reading the first and silently ignoring the second would drop the values of one
  // of them. Stop and say which headers collide (duplicates among unused columns are harmless).
  for (const [column, i] of index) {
    const n = normalizeHeader(headers[i]!);
    const same = headers.flatMap((h, k) => (normalizeHeader(h) === n ? [k] : []));
    if (same.length < 2) continue;
    const cols = same.map((k) => `${k + 1}`).join(', ');
    const names = same.map((k) => `"${headers[k]!.trim()}"`).join(', ');
    return {
      ok: false,
      error: buildError({
        code: 'duplicate_header',
        file,
        field: column,
        message: {
          en: `${file}: the header of ${column} appears ${same.length} times (${names} in columns ${cols}), so it is not clear which column holds ${column}. Headers found: ${found}.`,
          'zh-CN': `${file}：${column} 的表头出现了 ${same.length} 次（第 ${cols} 列：${names}），无法确定哪一列是 ${column}。文件中的表头：${found}。`,
        },
        hint: {
          en: `Rename or delete the extra column in the file so each header is unique (e.g. ${headers[same[1]!]!.trim()}_2).`,
          'zh-CN': `请在文件中重命名或删除多余的列，使每个表头唯一（例如 ${headers[same[1]!]!.trim()}_2）。`,
        },
      }),
    };
  }

  const mapping: Record<string, string> = {};
  for (const [c, i] of index) mapping[c] = headers[i]!;
  for (const d of dims) mapping[DIMENSION_PREFIX + d.name] = headers[d.index]!;
  return { ok: true, match: { index, mapping, dims } };
}

/** The build error for a required column that no header matched. `free` = headers not used by another column. */
export function missingColumnError(
  free: string[],
  headers: string[],
  name: InputName,
  file: string,
  column: string,
  settings: Pick<FileSettings, 'preset'>,
  extra: { en: string; 'zh-CN': string } = { en: '', 'zh-CN': '' },
): BuildError {
  const found = headers.filter((h) => h.trim() !== '').join(', ');
  const near = closestHeader(free, labelsFor(name, column, settings));
  const example = near ?? '<the header in your file>';
  return buildError({
    code: 'missing_column',
    file,
    field: column,
    message: {
      en: `${file}: the required column ${column} was not found${extra.en}. Headers found: ${found}.${near ? ` Closest: "${near}".` : ''}`,
      'zh-CN': `${file}：找不到必需的列 ${column}${extra['zh-CN']}。文件中的表头：${found}。${near ? `最接近的是“${near}”。` : ''}`,
    },
    hint: name === 'orders' && column === 'order_id' ? orderIdHint(example) : {
      en: `Say which header holds ${column} in data/config.yaml:\n${configHint(name, column, example)}`,
      'zh-CN': `在 data/config.yaml 中指明哪一列是 ${column}：\n${configHint(name, column, example)}`,
    },
  });
}

/**
 * An orders file without an order id: most often each line is one order (a deal, an invoice, a
 * Zoho Potential), so `orderIdentity: line` comes first; a header that holds the id, second (the
 * closest header by spelling is only a guess: a Potential's name or a lead id is not an order id).
 */
function orderIdHint(example: string): { en: string; 'zh-CN': string } {
  const identity = 'files:\n  orders:\n    orderIdentity: line';
  const columns = configHint('orders', 'order_id', example);
  return {
    en: `If each line is one order (one deal, one invoice), say so in data/config.yaml:\n${identity}\nor, if several lines make one order, the columns that together identify it (e.g. orderIdentity: [customer, date]); or, if a header holds the order id, name it:\n${columns}`,
    'zh-CN': `如果每一行就是一个订单（一笔商机、一张发票），在 data/config.yaml 中写明：\n${identity}\n如果几行组成一个订单，写出共同确定订单的列（例如 orderIdentity: [客户, 日期]）；如果某个表头就是订单编号，请指明：\n${columns}`,
  };
}
