import { describe, expect, it } from 'vitest';
import { checkRowRules } from '../../src/validate/row-rules.ts';
import { validateRow } from '../../src/validate/validate-row.ts';
import { surveyRow, ticketRow } from '../../src/validate/schemas/index.ts';

const ticket = { ticket_id: 'T1', customer_id: null, owner_id: null, opened_at: 100, first_response_at: null, resolved_at: null, type: null, channel: null, category: null, priority: null, satisfaction: null };

describe('validateRow', () => {
  it('passes a valid row through', () => {
    expect(validateRow(ticketRow, ticket)).toEqual({ ok: true, data: ticket });
  });
  it('maps an out-of-range score to invalid_integer naming the column', () => {
    expect(validateRow(ticketRow, { ...ticket, satisfaction: 6 })).toEqual({ ok: false, reason: 'invalid_integer', column: 'satisfaction', detail: ' (≤ 5)' });
  });
  it('checks survey dimension columns (catchall 1–5)', () => {
    const row = { response_id: 'R', customer_id: null, responded_at: 1, channel: null, ticket_id: null, csat: null, nps: null, dim_price: 0 };
    expect(validateRow(surveyRow, row)).toMatchObject({ ok: false, reason: 'invalid_integer', column: 'dim_price', detail: ' (≥ 1)' });
  });
  it('an empty id is missing_value', () => {
    expect(validateRow(ticketRow, { ...ticket, ticket_id: '' })).toMatchObject({ ok: false, reason: 'missing_value', column: 'ticket_id' });
  });
});

describe('checkRowRules', () => {
  it('tickets: first response and resolution not before opening', () => {
    expect(checkRowRules('tickets', { ...ticket, first_response_at: 99 })).toEqual({ reason: 'resolved_before_opened', column: 'first_response_at' });
    expect(checkRowRules('tickets', { ...ticket, resolved_at: 50 })).toEqual({ reason: 'resolved_before_opened', column: 'resolved_at' });
    expect(checkRowRules('tickets', { ...ticket, first_response_at: 100, resolved_at: 101 })).toBeNull();
  });
  it('interactions need occurred_at or requested_at', () => {
    expect(checkRowRules('interactions', { occurred_at: null, requested_at: null })?.reason).toBe('missing_occurred_and_requested');
    expect(checkRowRules('interactions', { occurred_at: null, requested_at: 5 })).toBeNull();
  });
  it('targets need staff_id or team', () => {
    expect(checkRowRules('targets', { staff_id: null, team: null })?.reason).toBe('missing_staff_and_team');
    expect(checkRowRules('targets', { staff_id: null, team: 'East' })).toBeNull();
  });
  it('orders need an amount (after quantity × unit price)', () => {
    expect(checkRowRules('orders', { amount: null })?.reason).toBe('missing_amount');
    expect(checkRowRules('orders', { amount: 0 })).toBeNull();
  });
});
