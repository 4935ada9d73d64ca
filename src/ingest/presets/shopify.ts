import type { Preset, PresetRules } from './types.ts';

/**
 * Shopify's orders export (Orders → Export, CSV): one row per line item; the order's own fields
 * (Financial Status, Paid at, Subtotal, Shipping, Taxes, Total, Discount Amount, Refunded Amount,
 * Id …) sit on its first line only, later lines are read with them (docs/data.md#first-line).
 * `Name` (#1001) is the order, `Email` the customer, `Total` the amount paid (after discounts,
 * with shipping and taxes), `Refunded Amount` deducted from it. Columns from Shopify's documented
 * export; not yet checked against a real file.
 */
export const shopify: Preset = {
  orders: {
    order_id: ['Name', 'Order Name'],
    customer_id: ['Email', 'Customer Email', 'Customer ID'],
    order_date: ['Created at', 'Processed at'],
    amount: ['Total'],
    refund_amount: ['Refunded Amount'],
    paid_at: ['Paid at'],
    status: ['Financial Status'],
    channel: ['Source'],
    product: ['Lineitem name', 'Lineitem sku'],
    region: ['Shipping Province', 'Billing Province', 'Shipping Country', 'Billing Country'],
  },
  customers: {
    customer_id: ['Customer ID', 'Email'],
    name: ['Company', 'Default Address Company'],
    created_at: ['Created at', 'Created At'],
    region: ['Province', 'Default Address Province Code', 'Country', 'Default Address Country Code'],
    member_level: ['Tags'],
    phone: ['Phone', 'Default Address Phone'],
    email: ['Email'],
  },
};

/**
 * Financial Status: paid, and (partially) refunded orders with their refunds deducted, are sales;
 * pending, authorized (not captured), voided and expired are not. partially_paid is left to the user.
 */
export const shopifyRules: PresetRules = {
  statuses: [
    { headers: ['Financial Status'], keep: ['paid', 'partially_refunded', 'refunded'], exclude: ['pending', 'authorized', 'voided', 'expired'] },
  ],
  // Total is the order's total as placed; Refunded Amount is what was refunded since
  refunds: 'deduct',
};
