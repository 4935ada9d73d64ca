import type { Preset, PresetRules } from './types.ts';

/**
 * Zoho CRM module exports (Setup → Data Administration → Export, or a list view export): columns
 * carry the field labels, every record has `Record Id` (a long number, `zcrm_` prefixed in some
 * exports), owners are `<Module> Owner` names with their ids in `<Module> Owner.id` (listed first:
 * owner_id joins staff ids), dates are `Created Time` / `Closing Date`.
 * Orders: the Invoices module (Invoice Status, Grand Total), the Sales Orders module (SO Number,
 * Status, Grand Total) or the Deals module (legacy name Potentials: Stage, Amount, Closing Date).
 * Exports through Zoho Analytics' CRM workspace name ids `ACCOUNTID`, `INVOICEID`, `SALESORDERID`
 * and owners' ids `<Module> Owner Id` (checked against a real export: docs/data.md#presets).
 */
export const zoho: Preset = {
  orders: {
    order_id: ['Invoice Id', 'Invoice Number', 'SO Number', 'Sales Order Id', 'Deal Id', 'Potential Id', 'Record Id'],
    customer_id: ['Account Name.id', 'Account Id', 'Account Name'],
    order_date: ['Closing Date', 'Invoice Date', 'Created Time', 'Due Date'],
    amount: ['Grand Total', 'Amount', 'Sub Total'],
    owner_id: [
      'Invoice Owner.id', 'Invoice Owner Id', 'Sales Order Owner.id', 'Sales Order Owner Id', 'Deal Owner.id', 'Deal Owner Id',
      'Potential Owner.id', 'Potential Owner Id', 'Invoice Owner', 'Sales Order Owner', 'Deal Owner', 'Potential Owner', 'Owner',
    ],
    status: ['Stage', 'Invoice Status', 'Status'],
    channel: ['Lead Source'],
    product: ['Product Name', 'Product Details'],
    region: ['Billing Country', 'Billing State', 'Territory'],
  },
  customers: {
    customer_id: ['Record Id', 'Account Id', 'Account Number'],
    name: ['Account Name'],
    owner_id: ['Account Owner.id', 'Account Owner Id', 'Account Owner'],
    created_at: ['Created Time'],
    region: ['Billing Country', 'Billing State', 'Billing City', 'Territory'],
    industry: ['Industry'],
    member_level: ['Account Type', 'Rating'],
    phone: ['Phone'],
    email: ['Email'],
  },
  staff: {
    staff_id: ['User Id', 'Record Id'],
    name: ['Full Name', 'User Name'],
    role: ['Role', 'Profile'],
    manager_id: ['Reporting To'],
    active: ['Status'],
  },
  tickets: {
    ticket_id: ['Case Number', 'Record Id'],
    customer_id: ['Account Name.id', 'Account Name'],
    owner_id: ['Case Owner.id', 'Case Owner Id', 'Case Owner'],
    opened_at: ['Created Time'],
    resolved_at: ['Closed Time', 'Modified Time'],
    type: ['Type'],
    channel: ['Case Origin'],
    category: ['Case Reason'],
    priority: ['Priority'],
  },
  interactions: {
    // through Zoho Analytics, Calls' own id is `TASKID` (calls are activities, like tasks)
    interaction_id: ['Record Id', 'Call Id', 'Event Id', 'Task Id'],
    // the account first: `What Id` is whatever record the call is about (a deal, a lead …)
    customer_id: ['Account Name.id', 'Account Id', 'What Id', 'Related To', 'Account Name'],
    owner_id: ['Call Owner.id', 'Call Owner Id', 'Event Owner.id', 'Event Owner Id', 'Call Owner', 'Event Owner', 'Host'],
    // `Call Type` is the call's direction (Inbound/Outbound), not an interaction type
    type: ['Activity Type'],
    occurred_at: ['Call Start Time', 'Start DateTime', 'Created Time'],
    outcome: ['Call Result', 'Call Purpose'],
  },
  tasks: {
    task_id: ['Record Id', 'Task Id'],
    owner_id: ['Task Owner.id', 'Task Owner Id', 'Task Owner'],
    assigned_at: ['Created Time'],
    due_at: ['Due Date'],
    completed_at: ['Closed Time'],
    title: ['Subject'],
  },
};

/**
 * Deals: only Closed Won is a sale (companies rename and add open stages, so it is an allow-list).
 * Invoices and Sales Orders: every standard status but Cancelled; any other value stops the build.
 */
export const zohoRules: PresetRules = {
  statuses: [
    { headers: ['Stage'], keep: ['Closed Won'], exclude: ['Closed Lost', 'Closed Lost to Competition'], only: true },
    { headers: ['Invoice Status', 'Status'], keep: ['Created', 'Approved', 'Delivered', 'Sent', 'Paid'], exclude: ['Cancelled', 'Canceled', 'Void'] },
  ],
};
