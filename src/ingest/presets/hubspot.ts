import type { Preset, PresetRules } from './types.ts';

/**
 * HubSpot exports: object exports carry property labels (`Record ID`, `Deal Name`, `Close Date`,
 * `Deal owner`, `Associated Company IDs`); API/report exports carry internal names
 * (`hs_object_id`, `dealname`, `closedate`, `hubspot_owner_id`, `createdate`). Both are listed.
 */
export const hubspot: Preset = {
  orders: {
    order_id: ['Record ID', 'hs_object_id', 'Deal ID', 'Order ID'],
    customer_id: ['Associated Company IDs', 'Associated Company ID', 'associatedcompanyid', 'Associated Company IDs (Primary)'],
    order_date: ['Close Date', 'closedate', 'Create Date', 'createdate'],
    amount: ['Amount', 'amount', 'Amount in company currency', 'amount_in_home_currency'],
    owner_id: ['hubspot_owner_id', 'Deal owner'],
    status: ['Deal Stage', 'dealstage'],
    channel: ['Original Source Type', 'hs_analytics_source', 'Deal source'],
    category: ['Deal Type', 'dealtype', 'Pipeline', 'pipeline'],
  },
  customers: {
    customer_id: ['Record ID', 'hs_object_id', 'Company ID'],
    name: ['Company name', 'name', 'Name'],
    owner_id: ['Company owner', 'hubspot_owner_id'],
    created_at: ['Create Date', 'createdate'],
    region: ['Country/Region', 'country', 'State/Region', 'state'],
    industry: ['Industry', 'industry'],
    member_level: ['Lifecycle Stage', 'lifecyclestage', 'Type', 'type'],
    phone: ['Phone Number', 'phone'],
    email: ['Email', 'email'],
  },
  staff: {
    staff_id: ['Owner ID', 'User ID', 'id'],
    name: ['Name', 'Full name'],
    role: ['Role', 'Team role'],
    team: ['Team', 'Primary team'],
  },
  tickets: {
    ticket_id: ['Ticket ID', 'Record ID', 'hs_object_id', 'hs_ticket_id'],
    customer_id: ['Associated Company IDs', 'Associated Company ID', 'associatedcompanyid', 'hs_primary_company_id'],
    owner_id: ['Ticket owner', 'hubspot_owner_id'],
    opened_at: ['Create date', 'createdate'],
    first_response_at: ['First agent reply date', 'first_agent_reply_date'],
    resolved_at: ['Close date', 'closed_date'],
    type: ['Category', 'hs_ticket_category'],
    channel: ['Source', 'source_type'],
    priority: ['Priority', 'hs_ticket_priority'],
  },
  interactions: {
    interaction_id: ['Record ID', 'hs_object_id', 'Activity ID'],
    customer_id: ['Associated Company IDs', 'Associated Company ID'],
    owner_id: ['Activity assigned to', 'hubspot_owner_id', 'Owner'],
    type: ['Activity type', 'hs_engagement_type', 'Call and meeting type'],
    occurred_at: ['Activity date', 'hs_timestamp'],
    outcome: ['Call outcome', 'hs_call_disposition', 'Meeting outcome', 'hs_meeting_outcome'],
  },
  tasks: {
    task_id: ['Record ID', 'hs_object_id'],
    owner_id: ['Assigned to', 'hubspot_owner_id'],
    assigned_at: ['Create date', 'hs_createdate'],
    due_at: ['Due date', 'hs_timestamp'],
    completed_at: ['Completed at', 'hs_task_completion_date'],
    title: ['Task title', 'hs_task_subject'],
  },
};

/** Deals: only the closed-won stage is a sale (`closedwon` internally, `Closed won` as a label). */
export const hubspotRules: PresetRules = {
  statuses: [{ headers: ['Deal Stage', 'dealstage'], keep: ['closedwon'], exclude: ['closedlost'], only: true }],
};
