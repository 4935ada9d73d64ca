import type { InputName } from './schemas/index.ts';
import type { ReasonCode } from './reasons.ts';

/**
 * Rules that span fields of one row, checked after coercion (values are typed, empty = null).
 * Orders without an amount are derived from quantity × unit_price before this runs.
 */
export interface RuleFailure {
  reason: ReasonCode;
  column: string | null;
}

type Row = Record<string, unknown>;

export function checkRowRules(name: InputName, row: Row): RuleFailure | null {
  switch (name) {
    case 'orders':
      if (row.amount === null || row.amount === undefined) return { reason: 'missing_amount', column: 'amount' };
      return null;
    case 'tickets': {
      const opened = row.opened_at as number | null;
      if (opened === null) return null;
      const first = row.first_response_at as number | null;
      if (first !== null && first < opened) return { reason: 'resolved_before_opened', column: 'first_response_at' };
      const resolved = row.resolved_at as number | null;
      if (resolved !== null && resolved < opened) return { reason: 'resolved_before_opened', column: 'resolved_at' };
      return null;
    }
    case 'interactions':
      if (row.occurred_at === null && row.requested_at === null) return { reason: 'missing_occurred_and_requested', column: 'occurred_at' };
      return null;
    case 'targets':
      if (row.entity !== 'company' && row.staff_id === null && row.team === null) return { reason: 'missing_staff_and_team', column: 'staff_id' };
      return null;
    default:
      return null;
  }
}
