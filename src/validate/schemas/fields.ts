import { z } from 'zod';

/**
 * Field builders for the canonical input schemas. Each carries a `kind` in zod's metadata so the
 * ingest stage can derive how to coerce a raw CSV cell (date parsing, number parsing, id
 * normalisation, label mapping) from the same schema that types the row: one source of truth.
 *
 * Canonical values after coercion:
 * - id: trimmed, NFKC-normalised string, `17850.0` → `17850`, never empty
 * - text: trimmed string
 * - date: epoch milliseconds (UTC instant); local wall times are read in `config.timezone`
 * - number: finite number
 * - money: integer minor units of config.currency (fen, cents; lib/money.ts), read exactly from the
 *   cell's decimal text; more decimals than the currency has are refused (docs/data.md#money)
 * - enum: one of the canonical values; `labels` maps accepted synonyms (e.g. 投诉) to them
 */
export type FieldKind = 'id' | 'text' | 'date' | 'number' | 'money' | 'integer' | 'boolean' | 'enum' | 'period';

export interface FieldMeta {
  kind: FieldKind;
  /** enum: accepted labels (lower-cased, NFKC) → canonical value */
  labels?: Record<string, string>;
  /** number: accepts `12%` as 0.12 */
  percent?: boolean;
  /** personal data, masked on published pages unless privacy.showContactDetails */
  personal?: boolean;
  /** number: the accepted range, inclusive (docs/data.md "Numbers"); outside it a row is rejected */
  range?: readonly [number, number];
  /** date: may lie in the future (a due date, a hire date); other dates after the build's date are rejected */
  planned?: boolean;
}

/**
 * The accepted range of every decimal field (amounts, quantities, prices, targets): ±10¹². Far
 * above any real order line or target, far below where sums lose cents (2⁵³ minor units ≈ 9·10¹³
 * yuan), so `1e308` and its kind are refused with a reason instead of bending a quarter's revenue.
 */
export const NUMBER_RANGE = [-1e12, 1e12] as const;

export const id = () => z.string().min(1).meta({ kind: 'id' } satisfies FieldMeta);
export const text = (meta: Partial<FieldMeta> = {}) => z.string().meta({ kind: 'text', ...meta } satisfies FieldMeta);
export const date = (o: { planned?: boolean } = {}) => z.number().finite().meta({ kind: 'date', ...o } satisfies FieldMeta);
export const num = (range: readonly [number, number] = NUMBER_RANGE) =>
  z.number().finite().min(range[0]).max(range[1]).meta({ kind: 'number', range } satisfies FieldMeta);
/**
 * an amount of money, in integer minor units after coercion (net of discounts); its range is that of
 * every decimal field, ±10¹² in major units (number_out_of_range), and the exact-integer limit of
 * minor units (amount_too_large)
 */
export const money = () => z.number().int().meta({ kind: 'money', range: NUMBER_RANGE } satisfies FieldMeta);
export const int = (min: number, max: number) =>
  z.number().int().min(min).max(max).meta({ kind: 'integer' } satisfies FieldMeta);
export const bool = () => z.boolean().meta({ kind: 'boolean' } satisfies FieldMeta);
export const period = () =>
  z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'period must be YYYY, YYYY-MM or YYYY-Qn')
    .meta({ kind: 'period' } satisfies FieldMeta);
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, labels: Record<string, T[number]>) =>
  z.enum(values).meta({ kind: 'enum', labels } satisfies FieldMeta);

/** The metadata of a (possibly nullable/optional/default-wrapped) field. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  let s: z.ZodType = schema;
  for (let i = 0; i < 5; i++) {
    const m = s.meta() as FieldMeta | undefined;
    if (m?.kind) return m;
    const def = (s as unknown as { def: { innerType?: z.ZodType } }).def;
    if (!def.innerType) return undefined;
    s = def.innerType;
  }
  return undefined;
}

/** True when the field may be empty in the file (nullable / optional / has a default). */
export function isOptionalField(schema: z.ZodType): boolean {
  const t = (schema as unknown as { def: { type: string } }).def.type;
  return t === 'nullable' || t === 'optional' || t === 'default';
}
