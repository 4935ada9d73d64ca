import { z } from 'zod';
import { date, id, int, oneOf, text } from './fields.ts';

export const ticketTypes = ['complaint', 'request', 'inquiry'] as const;

/** tickets.csv: a complaint or service request (投诉/服务工单). */
export const ticketRow = z.object({
  ticket_id: id(),
  customer_id: id().nullable(),
  owner_id: id().nullable(),
  opened_at: date(),
  first_response_at: date().nullable(),
  resolved_at: date().nullable(),
  type: oneOf(ticketTypes, {
    complaint: 'complaint', 投诉: 'complaint', 客诉: 'complaint',
    request: 'request', 'service request': 'request', 服务请求: 'request', 服务: 'request', 请求: 'request',
    inquiry: 'inquiry', question: 'inquiry', 咨询: 'inquiry',
  }).nullable(),
  channel: text().nullable(),
  category: text().nullable(),
  priority: text().nullable(),
  satisfaction: int(1, 5).nullable(),
});
export type TicketRow = z.infer<typeof ticketRow>;
