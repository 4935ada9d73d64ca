import { z } from 'zod';
import { date, id, money, num, text } from './fields.ts';

/**
 * orders.csv: an order or an order line (lines sharing order_id are one order).
 * `amount` is required after coercion: when the file has quantity × unit_price instead, ingest
 * computes it (rounded half to even to the minor unit). `amount` and `refund_amount` are in minor
 * units (fields.ts). Negative amounts are refunds, returns or cancellation lines. `refund_amount` (a
 * refund column) is netted into `amount` by ingest; a `paid_at` column marks unpaid rows (empty)
 * as excluded. Neither is kept after ingest.
 */
export const orderRow = z.object({
  order_id: id(),
  customer_id: id().nullable(),
  order_date: date(),
  amount: money(),
  refund_amount: money().nullable(),
  paid_at: date().nullable(),
  quantity: num().nullable(),
  unit_price: num().nullable(),
  owner_id: id().nullable(),
  status: text().nullable(),
  channel: text().nullable(),
  product: text().nullable(),
  category: text().nullable(),
  region: text().nullable(),
  /** the row's currency (ISO 4217) when the file states one: anything but config.currency stops the build (currency-check.ts) */
  currency: text().nullable(),
});
export type OrderRow = z.infer<typeof orderRow>;
