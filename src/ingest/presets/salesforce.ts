import type { Preset, PresetRules } from './types.ts';

/**
 * Salesforce exports: Data Loader / Data Export files use API names (`Id`, `AccountId`,
 * `OwnerId`, `CloseDate`, `CreatedDate` as `2024-03-05T06:30:00.000Z`); report exports use
 * labels (`Opportunity ID`, `Account ID`, `Opportunity Owner`, `Close Date`). Both are listed.
 * Orders: Opportunity (closed won deals) or Order (`OrderNumber`, `TotalAmount`, `EffectiveDate`).
 */
export const salesforce: Preset = {
  orders: {
    order_id: ['Id', 'OrderNumber', 'Opportunity ID', 'Order Number', 'Order ID'],
    customer_id: ['AccountId', 'Account ID'],
    order_date: ['CloseDate', 'EffectiveDate', 'Close Date', 'Order Start Date'],
    amount: ['Amount', 'TotalAmount', 'Order Amount'],
    owner_id: ['OwnerId', 'Opportunity Owner', 'Owner ID', 'Order Owner'],
    status: ['IsWon', 'Won', 'StageName', 'Stage', 'Status'],
    channel: ['LeadSource', 'Lead Source'],
    product: ['Product2Id', 'Product Name'],
    category: ['Type', 'Opportunity Type'],
    region: ['BillingCountry', 'Billing Country'],
  },
  customers: {
    customer_id: ['Id', 'Account ID', 'AccountNumber'],
    name: ['Name', 'Account Name'],
    owner_id: ['OwnerId', 'Account Owner'],
    created_at: ['CreatedDate', 'Created Date'],
    region: ['BillingCountry', 'BillingState', 'Billing Country', 'Billing State/Province'],
    industry: ['Industry'],
    member_level: ['Rating', 'Type', 'Account Type'],
    phone: ['Phone'],
    email: ['Email'],
  },
  staff: {
    staff_id: ['Id', 'User ID'],
    name: ['Name', 'Full Name'],
    // `UserRoleId` is a record id (00E…), not a role: the role is the role's name
    role: ['UserRole.Name', 'Role'],
    team: ['Department', 'Division'],
    manager_id: ['ManagerId', 'Manager'],
    region: ['Country'],
    hired_at: ['CreatedDate'],
    active: ['IsActive', 'Active'],
  },
  tickets: {
    ticket_id: ['CaseNumber', 'Id', 'Case Number', 'Case ID'],
    customer_id: ['AccountId', 'Account ID'],
    owner_id: ['OwnerId', 'Case Owner'],
    opened_at: ['CreatedDate', 'Date/Time Opened', 'Created Date', 'Opened Date'],
    resolved_at: ['ClosedDate', 'Date/Time Closed', 'Closed Date'],
    type: ['Type', 'Case Type'],
    channel: ['Origin', 'Case Origin'],
    category: ['Reason', 'Case Reason'],
    priority: ['Priority'],
  },
  interactions: {
    interaction_id: ['Id', 'Activity ID'],
    customer_id: ['AccountId', 'WhatId', 'Account ID'],
    owner_id: ['OwnerId', 'Assigned To ID', 'Assigned To'],
    type: ['TaskSubtype', 'Type', 'EventSubtype', 'Task Subtype'],
    occurred_at: ['ActivityDate', 'ActivityDateTime', 'CompletedDateTime', 'Date'],
    outcome: ['CallDisposition', 'Call Result', 'Status'],
  },
  tasks: {
    task_id: ['Id', 'Activity ID'],
    owner_id: ['OwnerId', 'Assigned To ID', 'Assigned To'],
    assigned_at: ['CreatedDate', 'Created Date'],
    due_at: ['ActivityDate', 'Due Date'],
    completed_at: ['CompletedDateTime', 'Completed Date'],
    title: ['Subject'],
  },
};

/**
 * Opportunities: `IsWon` says it (true = won); `StageName` only Closed Won (an allow-list: stage
 * names are the company's own). Orders: `Status` Activated; Draft is not a sale yet.
 */
export const salesforceRules: PresetRules = {
  statuses: [
    { headers: ['IsWon', 'Won'], keep: ['true', '1'], exclude: ['false', '0'] },
    { headers: ['StageName', 'Stage'], keep: ['Closed Won'], exclude: ['Closed Lost'], only: true },
    { headers: ['Status'], keep: ['Activated'], exclude: ['Draft', 'Cancelled'] },
  ],
};
