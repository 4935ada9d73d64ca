/**
 * data/config.yaml of the sample company: the settings it needs (title, time zone, member
 * levels) and, commented out, every other setting with its default, as a guide for users.
 * Kept as literal text so the comments survive; a test parses it with configSchema.
 */
export const configYaml = `# Accountable configuration for the sample company (示例商贸有限公司).
# Every key is optional; the commented lines show the defaults. See docs for details.

site:
  title:
    zh-CN: 示例商贸有限公司 · 客户管理绩效
    en: Sample Trading Co. · Customer management performance
  company:
    zh-CN: 示例商贸有限公司
    en: Sample Trading Co.
  # periods: 8          # complete quarters with their own pages
  # months: 12          # complete months with their own pages

# Local times in the files are read in this time zone.
timezone: Asia/Shanghai

# asOf is left unset on purpose: it defaults to the latest order date (2026-09-30).
# asOf: 2026-09-30

# currency: CNY
# kpiGrain: quarter           # month | quarter | year: the grain role cards are scored at
# newCustomerBasis: first_purchase   # or created_at
# repeatWindowMonths: 12
# dormantDays: 90              # 休眠: no purchase for this many days
# lostDays: 365                # 流失
# conversionWindowDays: 30     # a follow-up counts as converted if the customer buys within this

# Member levels (会员等级), lowest first.
memberLevels:
  - 普通会员
  - 银卡会员
  - 金卡会员
  - 钻石会员

# Labels from the data (channels, complaint categories, member levels, regions) on English pages:
# the value as the files write it → its English text (docs/data.md#labels).
labels:
  微信: WeChat
  线上商城: Online store
  电话: Phone
  大客户直销: Key-account sales
  门店: In store
  上门: On-site visit
  邮件: E-mail
  线下会议: Meeting
  视频会议: Video call
  在线客服: Online chat
  短信: SMS
  电话回访: Follow-up call
  发票问题: Invoicing
  售后服务: After-sales service
  质量问题: Quality
  服务态度: Service attitude
  物流延迟: Late delivery
  退换货: Returns and exchanges
  价格争议: Price dispute
  资料变更: Account changes
  安装调试: Installation
  价格咨询: Price enquiry
  物流查询: Delivery enquiry
  会员权益: Member benefits
  产品咨询: Product enquiry
  普通会员: Standard
  银卡会员: Silver
  金卡会员: Gold
  钻石会员: Diamond
  华东: East China
  华南: South China
  华北: North China
  西南: Southwest China

# files:                       # per-file settings; defaults read data/<name>.csv
#   orders:
#     encoding: auto           # auto | utf-8 | gb18030 | gbk | utf-16le | utf-16be
#     delimiter: auto
#     columns: {}              # canonical name: header in your file, e.g. customer_id: 客户编码
#     dateOrder: ymd           # needed only for dates like 05/03/2024
#     decimal: "."
#     wan: false               # read 3.5万 as 35000
#     percentColumns: []

# Which order statuses are real sales. 已退款 lines carry the refund as a negative amount, so they
# count (they net the revenue); 已取消 is excluded. Any other value would stop the build.
orders:
  includeStatuses: [已完成, 已发货, 已退款]
#   excludeStatuses: [cancelled, canceled, 已取消, 作废, void]
#   statusRule: check          # none: the file's status column is not an order status
#   refunds: auto              # a refund column: deduct | included (the amount is already net of it)
#   dropExactDuplicates: true

# rfm:
#   windowMonths: 12
# valueTier:
#   windowMonths: 12
#   cuts: { A: 0.8, B: 0.95 }

# sla:
#   responseHours: 24          # 24小时响应
#   visitHours: 48             # 48小时拜访

# survey:
#   minResponses: 30           # fewer responses are shown greyed

# scoring:
#   cap: 1.2
#   grades:
#     target: { S: 110, A: 100, B: 90, C: 75 }
#     relative: { S: 0.1, A: 0.2, B: 0.4, C: 0.2, D: 0.1 }
# weighting:
#   alpha: 0.5                 # combined weighting: share of the subjective weights

# privacy:
#   showContactDetails: false  # phone and e-mail stay masked on published pages

# customerBase:                # BG/NBD, Gamma-Gamma and customer value (docs/metrics.md#customer-base)
#   timeUnit: week             # day | week | month
#   calibrationEnd: 2026-06-30 # last day of the fitted history; default asOf
#   horizonMonths: 12          # months of expected customer value
#   monthlyDiscountRate: 0.01
#   pAliveThreshold: 0.5       # below this P(alive) a high-value customer is "at risk"
#   highValueQuantile: 0.5     # "high value": at or above this quantile of repeat customers

# audiences:                   # a site per audience in dist-audiences/<name>/ (docs/hosting.md)
#   north:
#     teams: [华北组]            # and/or regions: [...], people: [staff ids]
#     companyFigures: aggregates # aggregates (company totals) | teams (every team's too)
#     ranks: within             # within: ranked among the audience | company: company rank, no count
#     base: /north/             # the URL path it is served under (default /<name>/)
`;
