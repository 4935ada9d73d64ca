import type { Preset } from './types.ts';

/**
 * Zoho CRM module exports (Setup → Data Administration → Export, or a list view export): columns
 * carry the field labels, every record has `Record Id` (a long number, `zcrm_` prefixed in some
 * exports), owners are `<Module> Owner` names with their ids in `<Module> Owner.id` (listed first:
 * owner_id joins staff ids), dates are `Created Time` / `Closing Date`.
 * Orders: the Sales Orders module (SO Number, Grand Total) or the Deals module (Amount, Closing Date).
 */
export const zoho: Preset = {
  orders: {
    order_id: ['SO Number', 'Sales Order Id', 'Deal Id', 'Record Id'],
    customer_id: ['Account Name.id', 'Account Id', 'Account Name'],
    order_date: ['Closing Date', 'Created Time', 'Due Date'],
    amount: ['Grand Total', 'Amount', 'Sub Total'],
    owner_id: ['Sales Order Owner.id', 'Deal Owner.id', 'Sales Order Owner', 'Deal Owner', 'Owner'],
    status: ['Status', 'Stage'],
    channel: ['Lead Source'],
    product: ['Product Name', 'Product Details'],
    region: ['Billing Country', 'Billing State', 'Territory'],
  },
  customers: {
    customer_id: ['Record Id', 'Account Id', 'Account Number'],
    name: ['Account Name'],
    owner_id: ['Account Owner.id', 'Account Owner'],
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
    owner_id: ['Case Owner.id', 'Case Owner'],
    opened_at: ['Created Time'],
    resolved_at: ['Closed Time', 'Modified Time'],
    type: ['Type'],
    channel: ['Case Origin'],
    category: ['Case Reason'],
    priority: ['Priority'],
  },
  interactions: {
    interaction_id: ['Record Id', 'Call Id', 'Event Id'],
    customer_id: ['What Id', 'Related To', 'Account Name'],
    owner_id: ['Call Owner.id', 'Event Owner.id', 'Call Owner', 'Event Owner', 'Host'],
    type: ['Call Type', 'Activity Type'],
    occurred_at: ['Call Start Time', 'Start DateTime', 'Created Time'],
    outcome: ['Call Result', 'Call Purpose'],
  },
  tasks: {
    task_id: ['Record Id', 'Task Id'],
    owner_id: ['Task Owner.id', 'Task Owner'],
    assigned_at: ['Created Time'],
    due_at: ['Due Date'],
    completed_at: ['Closed Time'],
    title: ['Subject'],
  },
};
