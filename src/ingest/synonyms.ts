import type { InputName } from '../validate/schemas/index.ts';

/**
 * Common header labels (Chinese and English) for each canonical column, per file. Matching
 * ignores case, spaces, `_`, `-` and full-/half-width differences (see headers.ts), so
 * `Customer ID`, `customer_id` and `ＣｕｓｔｏｍｅｒＩＤ` are one label.
 */
const customerId = ['客户编号', '客户ID', '客户编码', '客户代码', '客户号', '会员编号', '会员ID', '会员号', 'Customer ID', 'Customer No', 'Customer Number', 'Customer Code', 'Client ID', 'CustomerID', 'cust_id'];
const ownerId = ['负责人', '负责人ID', '负责人编号', '销售代表', '业务员', '客户经理', '销售员', '跟进人', '归属人', 'Owner', 'Owner ID', 'Sales Rep', 'Sales Rep ID', 'Rep', 'Salesperson', 'Account Manager', 'Assigned To'];
const channel = ['渠道', '销售渠道', '来源渠道', '来源', 'Channel', 'Source', 'Sales Channel'];
const region = ['地区', '区域', '大区', '省份', '所在地区', 'Region', 'Area', 'Territory', 'Country', 'Province'];
const category = ['品类', '类别', '分类', '产品类别', '商品类别', 'Category', 'Product Category'];
const team = ['团队', '部门', '小组', '所属团队', '所属部门', 'Team', 'Department', 'Group'];
const staffId = ['员工编号', '工号', '员工ID', '员工编码', '人员编号', 'Staff ID', 'Employee ID', 'Employee No', 'Employee Number', 'User ID'];
const ticketId = ['工单编号', '工单号', '工单ID', '投诉编号', '服务单号', 'Ticket ID', 'Ticket No', 'Ticket Number', 'Case ID', 'Case Number'];

/**
 * Amount labels that name what was paid or the net figure (after discounts), and labels that name a
 * list price, gross or GMV figure. When a file has one of each, the paid/net one is the amount.
 */
export const paidAmountLabels = ['实付金额', '买家实际支付金额', '实际支付金额', '实收金额', '支付金额', '付款金额', '实付款', '实收', 'Paid Amount', 'Amount Paid', 'Total Paid', 'Net Amount', 'Net Sales', 'Grand Total'];
export const listAmountLabels = ['总金额', '合计金额', '合计', '订单总额', '商品总价', '应付金额', 'Sub Total', 'Subtotal', 'Gross Amount', 'Gross Sales', 'List Price', 'GMV'];

export const synonyms: { [N in InputName]: Record<string, string[]> } = {
  orders: {
    order_id: ['订单编号', '订单号', '订单ID', '订单编码', '单号', '发票号', '销售单号', 'Order ID', 'Order No', 'Order Number', 'Invoice', 'Invoice No', 'Invoice Number', 'InvoiceNo'],
    customer_id: customerId,
    order_date: ['下单时间', '订单日期', '下单日期', '订单时间', '订单创建时间', '成交日期', '成交时间', '交易时间', '交易日期', '销售日期', '日期', '创建时间', 'Order Date', 'Order Time', 'Invoice Date', 'Date', 'Purchase Date', 'Transaction Date'],
    // paid/net labels first: where a file has both (买家实际支付金额 and 总金额, Grand Total and Sub
    // Total), the paid/net one is read (see paidAmountLabels; ingest says which was chosen)
    amount: [...paidAmountLabels, '金额', '订单金额', '成交金额', '销售额', 'Amount', 'Total', 'Order Amount', 'Order Total', 'Sales', 'Revenue', ...listAmountLabels],
    refund_amount: ['退款金额', '退款', '退款额', '已退款金额', 'Refund', 'Refunds', 'Refunded', 'Refunded Amount', 'Refund Amount', 'Amount Refunded', 'Total Refunded'],
    paid_at: ['付款时间', '订单付款时间', '支付时间', '付款日期', '支付日期', 'Paid At', 'Paid Date', 'Payment Date', 'Date Paid'],
    quantity: ['数量', '销售数量', '购买数量', '件数', 'Quantity', 'Qty'],
    unit_price: ['单价', '销售单价', '价格', 'Unit Price', 'Price', 'UnitPrice'],
    owner_id: ownerId,
    status: ['状态', '订单状态', '交易状态', '付款状态', '支付状态', '阶段', '销售阶段', '商机阶段', 'Status', 'Order Status', 'Stage', 'Deal Stage', 'Payment Status', 'Financial Status', 'Invoice Status'],
    channel,
    product: ['产品', '商品', '产品编号', '产品编码', '商品编码', '商品名称', '产品名称', 'SKU', 'Product', 'Product ID', 'Product Name', 'Item', 'StockCode', 'Stock Code'],
    category,
    region,
    currency: ['币种', '货币', '币别', '结算币种', 'Currency', 'Currency Code', 'CurrencyIsoCode', 'Currency ISO Code', 'currency_code'],
  },
  customers: {
    customer_id: customerId,
    name: ['客户名称', '客户名', '名称', '公司名称', '客户姓名', '姓名', 'Name', 'Customer Name', 'Company', 'Company Name', 'Account Name'],
    owner_id: ownerId,
    created_at: ['创建时间', '创建日期', '建档日期', '建档时间', '注册时间', '注册日期', '开户日期', 'Created At', 'Created', 'Create Date', 'Created Date', 'Signup Date', 'Registration Date'],
    region,
    industry: ['行业', '所属行业', 'Industry'],
    member_level: ['会员等级', '客户等级', '等级', '级别', '客户级别', 'Member Level', 'Level', 'Tier', 'Membership'],
    phone: ['电话', '手机', '手机号', '手机号码', '联系电话', 'Phone', 'Mobile', 'Tel', 'Phone Number'],
    email: ['邮箱', '电子邮件', '电子邮箱', '邮件', 'Email', 'E-mail', 'Email Address'],
  },
  staff: {
    staff_id: staffId,
    name: ['姓名', '员工姓名', '名字', 'Name', 'Full Name', 'Staff Name', 'Employee Name'],
    role: ['岗位', '角色', '职位', '岗位ID', 'Role', 'Position', 'Job Title', 'Role ID'],
    team,
    team_id: ['团队编号', '团队ID', '团队代码', '部门编号', '部门ID', 'Team ID', 'Team Code', 'Department ID'],
    manager_id: ['上级', '直属上级', '上级编号', '上级工号', '汇报对象', 'Manager', 'Manager ID', 'Reports To'],
    region,
    hired_at: ['入职日期', '入职时间', 'Hired At', 'Hire Date', 'Start Date'],
    active: ['在职', '是否在职', '启用', '是否启用', 'Active', 'Is Active', 'Enabled'],
  },
  tickets: {
    ticket_id: ticketId,
    customer_id: customerId,
    owner_id: ['处理人', '受理人', '处理人ID', '客服', 'Handler', 'Assignee', 'Agent', ...ownerId],
    opened_at: ['创建时间', '开单时间', '受理时间', '投诉时间', '提交时间', '登记时间', 'Opened At', 'Created', 'Created At', 'Open Date', 'Opened Date', 'Created Date'],
    first_response_at: ['首次响应时间', '首次回复时间', '响应时间', '首响时间', 'First Response At', 'First Response', 'First Response Time', 'First Reply'],
    resolved_at: ['解决时间', '完成时间', '结案时间', '关闭时间', '处理完成时间', 'Resolved At', 'Closed At', 'Close Date', 'Closed Date', 'Resolved Date'],
    type: ['类型', '工单类型', '问题类型', 'Type', 'Ticket Type', 'Case Type'],
    channel,
    category,
    priority: ['优先级', '紧急程度', 'Priority'],
    satisfaction: ['满意度', '评分', '满意度评分', 'Satisfaction', 'Rating', 'CSAT'],
  },
  interactions: {
    interaction_id: ['记录编号', '跟进编号', '跟进记录ID', '拜访编号', '记录ID', 'Interaction ID', 'Activity ID', 'Record ID'],
    customer_id: customerId,
    owner_id: ownerId,
    type: ['跟进方式', '方式', '类型', '跟进类型', 'Type', 'Activity Type', 'Interaction Type'],
    occurred_at: ['跟进时间', '拜访时间', '发生时间', '时间', '日期', 'Occurred At', 'Date', 'Activity Date'],
    requested_at: ['预约时间', '申请时间', '请求时间', 'Requested At', 'Request Date'],
    channel,
    outcome: ['结果', '跟进结果', '拜访结果', 'Outcome', 'Result'],
  },
  surveys: {
    response_id: ['问卷编号', '答卷编号', '回复编号', '答卷ID', 'Response ID', 'Survey Response ID'],
    customer_id: customerId,
    responded_at: ['提交时间', '填写时间', '回复时间', '答卷时间', '调查日期', 'Responded At', 'Submitted At', 'Response Date', 'Date'],
    channel,
    ticket_id: ticketId,
    csat: ['满意度', '总体满意度', '满意度评分', 'CSAT', 'Satisfaction'],
    nps: ['推荐度', '推荐意愿', 'NPS', 'Likelihood to Recommend'],
  },
  targets: {
    entity: ['对象', '对象类型', '目标对象', '层级', 'Entity', 'Level', 'Scope'],
    staff_id: staffId,
    team,
    period: ['期间', '周期', '考核期间', '考核周期', 'Period'],
    kpi: ['指标', '考核指标', '指标ID', 'KPI', 'KPI ID', 'Metric'],
    target: ['目标', '目标值', 'Target', 'Target Value', 'Goal'],
  },
  tasks: {
    task_id: ['任务编号', '任务ID', 'Task ID', 'Task No'],
    owner_id: ['执行人', '负责人', '处理人', 'Assignee', ...ownerId],
    assigned_at: ['分配时间', '下达时间', '创建时间', 'Assigned At', 'Created', 'Created At'],
    due_at: ['截止时间', '截止日期', '到期日', '到期时间', 'Due Date', 'Due At', 'Due'],
    completed_at: ['完成时间', '完成日期', 'Completed At', 'Done At', 'Completion Date', 'Closed Time'],
    title: ['标题', '任务名称', '主题', '任务', 'Title', 'Subject', 'Task'],
  },
};
