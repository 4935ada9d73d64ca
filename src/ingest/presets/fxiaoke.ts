import type { Preset, PresetRules } from './types.ts';

/**
 * 纷享销客 (ShareCRM / fxiaoke) exports via the OpenAPI or a data export use object API names:
 * `_id`, `name`, `owner`, `account_id`, `create_time`, with dates as epoch milliseconds
 * (13 digits: read as instants by parse-date). Objects: SalesOrderObj (销售订单), AccountObj
 * (客户), CasesObj (工单), ActiveRecordObj (销售记录/跟进), PersonnelObj (人员). Exports with
 * Chinese display labels (客户名称, 负责人, 创建时间 …) are matched by the built-in synonyms.
 */
export const fxiaoke: Preset = {
  orders: {
    order_id: ['_id', 'name', 'order_no'],
    customer_id: ['account_id'],
    order_date: ['order_time', 'create_time'],
    amount: ['order_amount', 'product_amount'],
    owner_id: ['owner'],
    status: ['sales_stage', 'order_status', 'life_status'],
    channel: ['source', 'order_source'],
    region: ['area_location', 'country'],
  },
  customers: {
    customer_id: ['_id', 'account_no'],
    name: ['name'],
    owner_id: ['owner'],
    created_at: ['create_time'],
    region: ['area_location', 'country', 'province'],
    industry: ['industry_level1', 'industry'],
    member_level: ['account_level'],
    phone: ['tel', 'mobile'],
    email: ['email'],
  },
  staff: {
    staff_id: ['user_id', '_id', 'employee_number'],
    name: ['name', 'full_name'],
    role: ['post', 'role'],
    team: ['main_department', 'department'],
    manager_id: ['leader'],
    hired_at: ['employee_create_time', 'create_time'],
    active: ['status'],
  },
  tickets: {
    ticket_id: ['_id', 'name'],
    customer_id: ['account_id'],
    owner_id: ['owner'],
    opened_at: ['create_time'],
    first_response_at: ['first_response_time'],
    resolved_at: ['complete_time', 'close_time'],
    type: ['case_type', 'record_type'],
    channel: ['source'],
    priority: ['priority'],
  },
  interactions: {
    interaction_id: ['_id'],
    customer_id: ['account_id'],
    owner_id: ['owner', 'created_by'],
    type: ['active_record_type', 'record_type'],
    occurred_at: ['create_time', 'check_time'],
    outcome: ['active_record_content'],
  },
  tasks: {
    task_id: ['_id'],
    owner_id: ['owner'],
    assigned_at: ['create_time'],
    due_at: ['deadline', 'end_time'],
    completed_at: ['complete_time', 'finish_time'],
    title: ['name', 'title'],
  },
};

/**
 * Opportunities (商机): only 赢单 is a sale. Sales orders: 已成交/已完成/已发货/已收货 are sales,
 * 已作废/已取消 are not. An order's life status (生命状态): normal and in change are in force.
 */
export const fxiaokeRules: PresetRules = {
  statuses: [
    { headers: ['sales_stage', '销售阶段', '商机阶段'], keep: ['赢单', 'win'], exclude: ['输单', '无效', 'lose', 'invalid'], only: true },
    { headers: ['order_status', '订单状态'], keep: ['已成交', '已完成', '已发货', '已收货', '确认', '已确认'], exclude: ['已作废', '已取消', '作废', '取消'] },
    { headers: ['life_status', '生命状态'], keep: ['normal', '正常', 'in_change', '变更中'], exclude: ['invalid', '作废', 'ineffective', '未生效', 'under_review', '审核中'] },
  ],
};
