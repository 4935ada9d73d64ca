import type { z } from 'zod';
import type { ReasonCode } from './reasons.ts';

/**
 * The last check of a coerced row: the canonical zod schema (ranges such as csat 1–5, id not
 * empty, period format). Coercion already produced the right types, so a failure here is a value
 * out of range; it is mapped to a reason code naming the first offending column.
 */
export type ValidateResult<T> = { ok: true; data: T } | { ok: false; reason: ReasonCode; column: string | null; detail: string };

export function validateRow<T>(schema: z.ZodType<T>, row: Record<string, unknown>): ValidateResult<T> {
  const r = schema.safeParse(row);
  if (r.success) return { ok: true, data: r.data };
  const issue = r.error.issues[0]!;
  const column = issue.path.length ? String(issue.path[0]) : null;
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const i = issue as unknown as { minimum?: number | bigint; maximum?: number | bigint; origin?: string };
    if (i.origin === 'number') {
      const range = issue.code === 'too_small' ? ` (≥ ${i.minimum})` : ` (≤ ${i.maximum})`;
      return { ok: false, reason: 'invalid_integer', column, detail: range };
    }
    if (i.origin === 'string') return { ok: false, reason: 'missing_value', column, detail: '' };
  }
  if (issue.code === 'invalid_format') return { ok: false, reason: 'invalid_period', column, detail: '' };
  return { ok: false, reason: 'invalid_value', column, detail: issue.message };
}
