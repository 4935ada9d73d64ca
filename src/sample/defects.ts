/**
 * Deliberate defects in the sample data. Real exports have them, and the data-quality page
 * must show each one in the ledger; the README says they are there on purpose. Generators
 * insert exactly these rows (or values) and tests check they appear as listed.
 *
 * kind 'value': the row whose `keyColumn` equals `key` has `value` in `column`.
 * kind 'duplicate_key': `key` appears in `keyColumn` on exactly two rows.
 */
export interface Defect {
  id: string;
  file: string;
  kind: 'value' | 'duplicate_key';
  keyColumn: string;
  key: string;
  column: string;
  value: string;
  /** what the pipeline should do with it */
  note: string;
}

export const defects: readonly Defect[] = [
  {
    id: 'order-bad-date',
    file: 'orders.csv',
    kind: 'value',
    keyColumn: 'order_id',
    key: 'SO2025029001',
    column: 'order_date',
    // 30 February does not exist: rejected with an invalid-date reason
    value: '2025-02-30 10:15:00',
    note: 'rejected: impossible calendar date',
  },
  {
    id: 'order-orphan-customer',
    file: 'orders.csv',
    kind: 'value',
    keyColumn: 'order_id',
    key: 'SO2025069001',
    column: 'customer_id',
    // C99999 is not in customers.csv: kept, counted as an orphan in the ledger
    value: 'C99999',
    note: 'kept: orphan (customer not in customers.csv)',
  },
  {
    id: 'order-currency-amount',
    file: 'orders.csv',
    kind: 'value',
    keyColumn: 'order_id',
    key: 'SO2024119001',
    column: 'amount',
    // valid after parsing (currency sign and thousands separator): must be read as 12800
    value: '¥12,800.00',
    note: 'accepted: parsed as 12800',
  },
  {
    id: 'order-unparsable-amount',
    file: 'orders.csv',
    kind: 'value',
    keyColumn: 'order_id',
    key: 'SO2026039001',
    column: 'amount',
    // two decimal points: not a number, and no quantity/unit_price to fall back on
    value: '12.8.0',
    note: 'rejected: amount is not a number',
  },
  {
    id: 'ticket-duplicate-id',
    file: 'tickets.csv',
    kind: 'duplicate_key',
    keyColumn: 'ticket_id',
    // the same ticket exported twice (the second copy later, with the resolution filled in)
    key: 'TK2025050012',
    column: 'ticket_id',
    value: 'TK2025050012',
    note: 'second row rejected: duplicate_key',
  },
  {
    id: 'ticket-response-before-open',
    file: 'tickets.csv',
    kind: 'value',
    keyColumn: 'ticket_id',
    key: 'TK2024089001',
    column: 'first_response_at',
    // answered 75 minutes before it was opened (a clock set wrong on one workstation)
    value: '2024-08-14 09:05:00',
    note: 'rejected by the row rules: opened_at is 2024-08-14 10:20:00, the response cannot precede it',
  },
  {
    id: 'survey-csat-out-of-range',
    file: 'surveys.csv',
    kind: 'value',
    keyColumn: 'response_id',
    key: 'SV2025099001',
    column: 'csat',
    // CSAT is 1–5
    value: '6',
    note: 'rejected: csat out of range 1–5',
  },
  {
    id: 'interaction-unknown-owner',
    file: 'interactions.csv',
    kind: 'value',
    keyColumn: 'interaction_id',
    key: 'IN2026079001',
    column: 'owner_id',
    // S999 is not in staff.csv: kept, counted as an orphan
    value: 'S999',
    note: 'kept: orphan (owner not in staff.csv)',
  },
];

export const defectById = (id: string): Defect => {
  const d = defects.find((x) => x.id === id);
  if (!d) throw new Error(`unknown defect ${id}`);
  return d;
};
