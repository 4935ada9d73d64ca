import type { z } from 'zod';
import type { ReasonCode } from '../validate/reasons.ts';
import { fieldMeta, isOptionalField, NUMBER_RANGE, type FieldKind, type FieldMeta } from '../validate/schemas/fields.ts';
import type { DateParser } from './parse-date.ts';
import { normalizeId } from './normalize-id.ts';
import { parseMoney, parseNumber, type NumberOptions } from './parse-number.ts';

/**
 * Raw cells → typed values, one coercer per canonical column, derived from the zod schema's field
 * kinds (`fieldMeta`): the schema that types a row also says how to read its cells.
 */
export interface Failure {
  reason: ReasonCode | 'needs_date_order';
  column: string | null;
  raw: string;
  detail: string;
}

export interface FieldPlan {
  column: string;
  kind: FieldKind;
  meta: FieldMeta;
  optional: boolean;
  /** index of the cell in the record, -1 when the file has no such column */
  index: number;
  /** number options for this column */
  num: NumberOptions;
  /**
   * id/text columns with repeated values (customer, owner, status, channel …): equal values share
   * one string, so a million rows hold far fewer strings (less memory, less GC). A direct-mapped
   * cache (a slot per cheap hash, no Map): a collision only means a missed share. Off for keys.
   */
  intern: (string | undefined)[] | null;
  /**
   * id/text columns: the previous row's raw cell and its value. Consecutive rows often repeat a
   * value (the lines of one order: order id, customer, owner, status …); an equal raw cell gets
   * the same value (and string) without normalising it again.
   */
  lastRaw?: string | undefined;
  lastValue?: string | undefined;
  /** money columns: the currency marks seen (`$`, `¥` …) and how many cells carried each */
  marks?: Map<string, number> | undefined;
}

const INTERN_SLOTS = 1 << 16;

/** `v`, or an equal string this column already holds (see FieldPlan.intern). */
export function internValue(p: FieldPlan, v: string): string {
  return p.intern ? interned(p, v) : v;
}

function interned(p: FieldPlan, v: string): string {
  const n = v.length;
  const h = (Math.imul(n, 0x9e3779b1) ^ Math.imul(v.charCodeAt(0), 31) ^ Math.imul(v.charCodeAt(n - 1), 131)
    ^ Math.imul(v.charCodeAt(n >> 1), 8191) ^ Math.imul(v.charCodeAt(n - 2) | 0, 524287)) & (INTERN_SLOTS - 1);
  const cache = p.intern!;
  const hit = cache[h];
  if (hit === v) return hit;
  cache[h] = v;
  return v;
}

export interface CoerceContext {
  dates: DateParser;
  /** epoch ms: event dates after it are rejected as future_date (unset: no check) */
  latest?: number;
  decimal: '.' | ',';
  wan: boolean;
  percentColumns: readonly string[];
  /** money: decimals of config.currency's minor unit (and 10 ** digits), and its code (for messages) */
  money: { currency: string; digits: number; scale: number };
}

export function planFields(
  shape: Record<string, z.ZodType>,
  index: Map<string, number>,
  ctx: CoerceContext,
  keys: readonly string[] = [],
): FieldPlan[] {
  return Object.entries(shape).map(([column, schema]) => {
    const meta = fieldMeta(schema) ?? { kind: 'text' };
    return {
      column,
      kind: meta.kind,
      meta,
      optional: isOptionalField(schema),
      index: index.get(column) ?? -1,
      num: { decimal: ctx.decimal, wan: ctx.wan, percent: !!meta.percent || ctx.percentColumns.includes(column) },
      intern: (meta.kind === 'id' || meta.kind === 'text') && !keys.includes(column) ? new Array<string | undefined>(INTERN_SLOTS).fill(undefined) : null,
      lastRaw: undefined,
      lastValue: undefined,
      marks: meta.kind === 'money' ? new Map<string, number>() : undefined,
    };
  });
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't', '是', '在职', '启用', '有效', 'active', 'enabled', 'on', '√', '✓']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f', '否', '离职', '停用', '禁用', '无效', 'inactive', 'disabled', 'off', '×', '✗']);

export function parseBoolean(raw: string): boolean | null | undefined {
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (s === '') return null;
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/**
 * Target periods → `YYYY`, `YYYY-MM` or `YYYY-Qn`: `2024`, `2024年`; `2024-03`, `2024-3`,
 * `2024/03`, `2024年3月`; `2024-Q1`, `2024q1`, `2024 Q1`, `2024年第1季度`, `2024年1季`.
 */
export function normalizePeriod(raw: string): string | null {
  const s = raw.normalize('NFKC').trim().toUpperCase();
  let m = /^(\d{4})年?$/.exec(s);
  if (m) return m[1]!;
  m = /^(\d{4})\s*(?:[-/.]\s*)?Q([1-4])$/.exec(s) ?? /^(\d{4})年?第?([1-4])季度?$/.exec(s);
  if (m) return `${m[1]}-Q${m[2]}`;
  m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})月?$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  return null;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x3000;

/** trim only when needed (most cells need none) */
export function trimCell(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  if (!isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(n - 1))) return s;
  return s.trim();
}

/**
 * Coerce one cell. Returns the value (null for empty) or a Failure. `undefined` = leave to the
 * schema default (an empty boolean with a default).
 */
export function coerceCell(p: FieldPlan, raw: string, ctx: CoerceContext): unknown {
  switch (p.kind) {
    case 'id': {
      if (raw === p.lastRaw) return p.lastValue;
      const v = normalizeId(raw);
      if (v === null) return p.optional ? null : fail('missing_value', p.column, raw);
      const out = p.intern ? interned(p, v) : v;
      p.lastRaw = raw;
      p.lastValue = out;
      return out;
    }
    case 'text': {
      if (raw === p.lastRaw) return p.lastValue;
      const v = trimCell(raw);
      if (v === '') return p.optional ? null : fail('missing_value', p.column, raw);
      const out = p.intern ? interned(p, v) : v;
      p.lastRaw = raw;
      p.lastValue = out;
      return out;
    }
    case 'date': {
      const v = ctx.dates.parse(raw);
      if (v === null) return p.optional ? null : fail('missing_value', p.column, raw);
      if (Number.isNaN(v)) {
        const e = ctx.dates.error;
        const detail = e === 'date_out_of_range' ? `${ctx.dates.opt.minYear}–${ctx.dates.opt.maxYear}` : '';
        return fail(e, p.column, raw, detail);
      }
      // an event dated after the build's own date would move asOf into the future (17.4)
      if (ctx.latest !== undefined && v > ctx.latest && !p.meta.planned) return fail('future_date', p.column, raw, new Date(Math.min(ctx.latest, 8.64e15)).toISOString().slice(0, 10));
      return v;
    }
    case 'number':
    case 'integer': {
      const v = parseNumber(raw, p.num);
      if (v === null) return p.optional ? null : fail('missing_value', p.column, raw);
      if (Number.isNaN(v)) return fail('invalid_number', p.column, raw);
      if (p.kind === 'integer' && !Number.isInteger(v)) return fail('invalid_integer', p.column, raw);
      const range = p.meta.range;
      if (range && !(v >= range[0] && v <= range[1])) return fail('number_out_of_range', p.column, raw, `${range[0]} … ${range[1]}`);
      return v;
    }
    case 'money': {
      // the documented range of every decimal field (±10¹² major units, 17.5), then the exact-integer
      // limit of minor units (amount_too_large: reachable only with 4-decimal currencies)
      const range = p.meta.range ?? NUMBER_RANGE;
      const outOfRange = () => fail('number_out_of_range', p.column, raw, `${range[0]} … ${range[1]}`);
      const v = parseMoney(raw, p.num, ctx.money.digits, p.marks);
      if (typeof v === 'number') return v >= range[0] * ctx.money.scale && v <= range[1] * ctx.money.scale ? v : outOfRange();
      if (v === null) return p.optional ? null : fail('missing_value', p.column, raw);
      if (v === 'too_precise') return fail('too_many_decimals', p.column, raw, moneyDetail(ctx));
      if (v === 'invalid') return fail('invalid_number', p.column, raw);
      const approx = parseNumber(raw, p.num);
      return approx !== null && approx >= range[0] && approx <= range[1] ? fail('amount_too_large', p.column, raw) : outOfRange();
    }
    case 'boolean': {
      const v = parseBoolean(raw);
      if (v === undefined) return fail('invalid_boolean', p.column, raw);
      if (v === null) return p.optional ? undefined : fail('missing_value', p.column, raw);
      return v;
    }
    case 'enum': {
      const s = raw.normalize('NFKC').trim().toLowerCase();
      if (s === '') return p.optional ? null : fail('missing_value', p.column, raw);
      const labels = p.meta.labels ?? {};
      const v = labels[s];
      if (v === undefined) return fail('invalid_enum', p.column, raw, [...new Set(Object.values(labels))].join('/'));
      return v;
    }
    case 'period': {
      if (trimCell(raw) === '') return p.optional ? null : fail('missing_value', p.column, raw);
      const v = normalizePeriod(raw);
      return v === null ? fail('invalid_period', p.column, raw) : v;
    }
  }
}

/** `CNY (2 decimals)` */
const moneyDetail = (ctx: CoerceContext): string => `${ctx.money.currency} (${ctx.money.digits} decimals)`;

export class CellFailure {
  readonly f: Failure;
  constructor(f: Failure) { this.f = f; }
}

function fail(reason: Failure['reason'], column: string, raw: string, detail = ''): CellFailure {
  return new CellFailure({ reason, column, raw, detail });
}
