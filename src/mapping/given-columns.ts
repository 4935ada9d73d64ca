import type { ZodType } from 'zod';
import type { FileSettings } from '../config/schema.ts';
import { CellFailure, coerceCell, planFields, type CoerceContext } from '../ingest/coerce-row.ts';
import { matchHeaders, type HeaderMatch } from '../ingest/headers.ts';
import { namePartsFor } from '../ingest/name-parts.ts';
import { DateParser } from '../ingest/parse-date.ts';
import { moneyFor } from '../lib/money.ts';
import type { Localized } from '../model/kpi.ts';
import { fieldMeta } from '../validate/schemas/fields.ts';
import type { InputName } from '../validate/schemas/index.ts';

/**
 * Required columns a file does not have that config can give (ingest/virtual-columns.ts), so
 * that `npm run map` proposes the settings instead of leaving the file out:
 * - an orders file without an order id: `orderIdentity: line` (each line one order: a deal, an
 *   invoice; the reason says to list columns instead when several lines make one order);
 * - a required column with a fixed set of values (an enum) that the file's name names: one value
 *   for every row, `constants` (Calls.csv → interactions `type: call`, 拜访记录.csv → `visit`),
 *   read by the column's own coercion, so every synonym of the schema counts;
 * - a person's `role` (staff): a role-card id only the user knows: proposed as `constants` with
 *   a question, the first role card of data/roles/ if there is one.
 * A person's name from first and last name columns is the reader's own rule (name-parts.ts).
 */
export interface GivenColumn {
  column: string;
  setting: 'orderIdentity' | 'constants';
  value: string;
  /** the user must confirm the value */
  question: boolean;
  why: Localized;
}

export interface Completion {
  given: GivenColumn[];
  match: HeaderMatch;
  /** the header as the reader sees it (a joined name column appended) */
  header: string[];
}

/** the columns that config can give a value for every row, beyond enums */
const ASKED: Partial<Record<InputName, string[]>> = { staff: ['role'] };

export function completeFromConfig(o: {
  name: InputName;
  file: string;
  header: string[];
  columns: string[];
  required: string[];
  settings: FileSettings;
  shape: Record<string, ZodType>;
  roles: readonly string[];
}): Completion | null {
  const { name, file, columns, required, settings, shape } = o;
  let header = o.header;
  let mapSettings = settings;
  const parts = columns.includes('name') ? namePartsFor(name, header, settings) : null;
  if (parts) {
    header = [...header, parts.label];
    mapSettings = { ...settings, columns: { ...settings.columns, name: parts.label } };
  }
  const found = matchHeaders(header, name, file, columns, [], mapSettings);
  if (!found.ok) return null;
  const missing = required.filter((c) => !found.match.index.has(c));
  const given: GivenColumn[] = [];
  for (const column of missing) {
    const g = givenColumn(name, file, column, shape, o.roles);
    if (!g) return null;
    given.push(g);
  }
  if (given.length === 0 && !parts) return null;
  const names = new Set(given.map((g) => g.column));
  const m = matchHeaders(header, name, file, columns.filter((c) => !names.has(c)), required.filter((c) => !names.has(c)), mapSettings);
  return m.ok ? { given, match: m.match, header } : null;
}

function givenColumn(name: InputName, file: string, column: string, shape: Record<string, ZodType>, roles: readonly string[]): GivenColumn | null {
  if (name === 'orders' && column === 'order_id') {
    return {
      column, setting: 'orderIdentity', value: 'line', question: false,
      why: {
        en: 'no order id column: each line is read as one order (a deal, an invoice); if several lines make one order, list the columns that together identify it instead, e.g. [customer, date]',
        'zh-CN': '没有订单编号列：每一行读作一个订单（一笔商机、一张发票）；如果几行组成一个订单，请改为列出共同确定订单的列，例如 [客户, 日期]',
      },
    };
  }
  if (fieldMeta(shape[column]!)?.kind === 'enum') {
    const value = enumFromFileName(file, column, shape);
    return value === null ? null : {
      column, setting: 'constants', value, question: false,
      why: { en: `no ${column} column; the file's name says every row is "${value}"`, 'zh-CN': `没有 ${column} 列；文件名表明每一行都是“${value}”` },
    };
  }
  if (ASKED[name]?.includes(column)) {
    const value = roles[0] ?? 'staff';
    return {
      column, setting: 'constants', value, question: true,
      why: {
        en: `no ${column} column: is every person of this file "${value}"? Set the role-card id (data/roles/<id>.md)${roles.length > 1 ? `; role cards found: ${roles.join(', ')}` : ''}, or add a ${column} column`,
        'zh-CN': `没有 ${column} 列：这个文件中的每个人都是“${value}”吗？请填写岗位卡编号（data/roles/<编号>.md）${roles.length > 1 ? `；已有的岗位卡：${roles.join('、')}` : ''}，或在文件中加一列 ${column}`,
      },
    };
  }
  return null;
}

/** the enum value the file's name names (a word of it, or its singular), by the column's own coercion */
function enumFromFileName(file: string, column: string, shape: Record<string, ZodType>): string | null {
  const base = file.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
  const words = [base, ...base.split(/[^\p{L}\p{N}]+/u)].filter((w) => w !== '');
  const ctx: CoerceContext = { dates: new DateParser({ timezone: 'UTC', minYear: 1970, maxYear: 3000 }), decimal: '.', wan: false, percentColumns: [], money: moneyFor('CNY') };
  const plan = planFields({ [column]: shape[column]! }, new Map([[column, 0]]), ctx)[0]!;
  for (const w of words) {
    for (const form of [w, w.replace(/e?s$/i, ''), w.replace(/s$/i, ''), w.replace(/记录$/, '')]) {
      const v = coerceCell(plan, form, ctx);
      if (!(v instanceof CellFailure) && typeof v === 'string' && v !== '') return v;
    }
  }
  return null;
}
