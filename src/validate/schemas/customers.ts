import { z } from 'zod';
import { date, id, text } from './fields.ts';

/** customers.csv: a customer account (客户档案). phone/email are personal data. */
export const customerRow = z.object({
  customer_id: id(),
  name: text().nullable(),
  owner_id: id().nullable(),
  created_at: date().nullable(),
  region: text().nullable(),
  industry: text().nullable(),
  member_level: text().nullable(),
  phone: text({ personal: true }).nullable(),
  email: text({ personal: true }).nullable(),
});
export type CustomerRow = z.infer<typeof customerRow>;
