import type { Preset, PresetRules } from './types.ts';

/**
 * Odoo's Export dialog on Sales (`sale.order`): technical names (`name`, `partner_id`,
 * `date_order`, `amount_total`, `state`) or relational paths (`order_line/price_subtotal`,
 * `order_line/order_id/name`). A relational export writes one row per order line; the order's own
 * cells (its `id`, `name`, totals) only on its first row, so a row with an empty order id continues
 * the order above (docs/data.md#first-line). The order lines of sale.order are checked against a
 * real export; the top-level names and the other files are from Odoo's field names, not yet
 * checked against a real file.
 */
export const odoo: Preset = {
  orders: {
    order_id: ['order_line/order_id/name', 'name', 'Order Reference', 'order_line/order_id/id'],
    customer_id: ['order_line/order_partner_id/display_name', 'partner_id', 'partner_id/display_name', 'order_line/order_partner_id', 'Customer'],
    order_date: ['order_line/order_id/date_order', 'date_order', 'Order Date', 'order_line/order_id/confirmation_date', 'confirmation_date'],
    amount: ['amount_total', 'Total', 'order_line/price_total', 'order_line/price_subtotal', 'price_subtotal', 'amount_untaxed', 'Untaxed Amount'],
    owner_id: ['user_id', 'user_id/display_name', 'Salesperson', 'order_line/salesman_id/display_name', 'order_line/salesman_id'],
    status: ['state', 'order_line/order_id/state', 'order_line/state', 'Status'],
    channel: ['team_id', 'team_id/display_name', 'Sales Team'],
    product: ['order_line/product_id/display_name', 'order_line/product_id', 'order_line/name'],
    category: ['order_line/product_categ_name', 'order_line/product_id/categ_id'],
  },
  customers: {
    customer_id: ['id', 'ref', 'display_name'],
    name: ['display_name', 'name', 'Name'],
    owner_id: ['user_id', 'user_id/display_name', 'Salesperson'],
    created_at: ['create_date', 'Created on'],
    region: ['state_id', 'country_id', 'State', 'Country'],
    industry: ['industry_id', 'Industry'],
    phone: ['phone', 'mobile', 'Phone', 'Mobile'],
    email: ['email', 'Email'],
  },
};

/** state: Sales Order (sale) and Locked (done) are sales; quotations and cancelled orders are not. */
export const odooRules: PresetRules = {
  statuses: [
    {
      headers: ['state', 'order_line/order_id/state', 'order_line/state', 'Status'],
      keep: ['sale', 'done', 'Sales Order', 'Sale Order', 'Locked', 'Done'],
      exclude: ['draft', 'sent', 'cancel', 'Quotation', 'Quotation Sent', 'Cancelled'],
    },
  ],
  emptyIdContinues: true,
  // a relational export writes no line id: the same product twice in an order is two identical rows
  linesRepeat: true,
};
