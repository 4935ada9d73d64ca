import { fillLocalized, type Localized, type MessageTable } from '../lib/localized.ts';

/**
 * Reason codes for rejected or dropped rows, with a message in both languages. A message may use
 * `{column}`, `{raw}` and `{detail}` placeholders, filled by `reasonMessage`.
 * `duplicate_key` and `exact_duplicate` are counted in the ledger's `duplicates`, every other code in `rejected`.
 */
export const reasons = {
  ragged_row: {
    en: 'the row has a different number of fields than the header: {detail}',
    'zh-CN': '该行字段数与表头不一致：{detail}',
  },
  unterminated_quote: {
    en: 'a quoted field is not closed: {detail}',
    'zh-CN': '引号未闭合：{detail}',
  },
  // a quote that opens on one line and closes lines later (stray-quotes.ts): the lines holding the
  // two quotes; the lines between are read on their own
  stray_quote: {
    en: 'a stray quote in {column} joins lines {detail} into one record; the lines between are read on their own',
    'zh-CN': '{column} 中多余的引号把第 {detail} 行连成了一条记录；中间各行已单独读取',
  },
  // a cell of a column we read holds a NUL byte (U+0000): a corrupted export, never a real value
  nul_byte: {
    en: '{column} holds a NUL byte (a corrupted export): "{raw}"',
    'zh-CN': '{column} 含有 NUL 字节（导出文件已损坏）：“{raw}”',
  },
  // a cell of a column we read is longer than Excel's cell limit (32,767 characters): a broken
  // quote or a corrupted export; the raw value in the message is cut short
  value_too_long: {
    en: '{column} is too long ({detail}): "{raw}"',
    'zh-CN': '{column} 过长（{detail}）：“{raw}”',
  },
  missing_value: { en: '{column} is required but empty', 'zh-CN': '{column} 为必填项，但为空' },
  invalid_id: { en: '{column} is not a usable id: "{raw}"', 'zh-CN': '{column} 不是有效的编号：“{raw}”' },
  invalid_number: { en: '{column} is not a number: "{raw}"', 'zh-CN': '{column} 不是有效数字：“{raw}”' },
  // a money cell with more non-zero decimals than the currency's minor unit (docs/data.md#money):
  // refused rather than rounded, so no amount is changed without the user seeing it
  too_many_decimals: {
    en: '{column} has more decimals than {detail}: "{raw}"',
    'zh-CN': '{column} 的小数位数超过了 {detail}：“{raw}”',
  },
  amount_too_large: {
    en: '{column} is too large to be held exactly (over 2^53 minor units): "{raw}"',
    'zh-CN': '{column} 数额过大，无法精确保存（超过 2^53 个最小货币单位）：“{raw}”',
  },
  invalid_integer: {
    en: '{column} must be a whole number{detail}: "{raw}"',
    'zh-CN': '{column} 必须是整数{detail}：“{raw}”',
  },
  invalid_date: { en: '{column} is not a date: "{raw}"', 'zh-CN': '{column} 不是有效日期：“{raw}”' },
  impossible_date: {
    en: '{column} is not a real calendar date or time: "{raw}"',
    'zh-CN': '{column} 不是真实存在的日期或时间：“{raw}”',
  },
  date_out_of_range: {
    en: '{column} is outside the accepted years {detail}: "{raw}"',
    'zh-CN': '{column} 超出可接受的年份范围 {detail}：“{raw}”',
  },
  future_date: {
    en: '{column} is after the build\'s date ({detail}): "{raw}"; a date in the future would move the whole report',
    'zh-CN': '{column} 晚于构建日期（{detail}）：“{raw}”；未来日期会让整个报告的截止日期错误后移',
  },
  // a line dated long after the bulk of the file's dates (ingest/after-bulk.ts)
  after_bulk: {
    en: '{column} "{raw}" is long after the bulk of the file\'s dates (99th percentile + days: {detail}); one stray line would move the whole report',
    'zh-CN': '{column}“{raw}”远晚于文件中绝大多数日期（第 99 百分位 + 天数：{detail}）；一行错误日期会让整个报告的截止日期后移',
  },
  number_out_of_range: {
    en: '{column} is outside the accepted range {detail}: "{raw}"',
    'zh-CN': '{column} 超出可接受的范围 {detail}：“{raw}”',
  },
  invalid_boolean: {
    en: '{column} must be yes/no (true/false, 1/0, 是/否): "{raw}"',
    'zh-CN': '{column} 必须是 是/否（true/false、1/0）：“{raw}”',
  },
  invalid_enum: {
    en: '{column} must be one of {detail}: "{raw}"',
    'zh-CN': '{column} 必须是以下之一 {detail}：“{raw}”',
  },
  invalid_period: {
    en: '{column} must be YYYY, YYYY-MM or YYYY-Qn: "{raw}"',
    'zh-CN': '{column} 必须是 YYYY、YYYY-MM 或 YYYY-Qn 格式：“{raw}”',
  },
  invalid_value: { en: '{column} is not valid: {detail}', 'zh-CN': '{column} 无效：{detail}' },
  missing_amount: {
    en: 'the order has neither an amount nor quantity × unit price',
    'zh-CN': '订单既没有金额，也没有数量 × 单价',
  },
  resolved_before_opened: {
    en: '{column} is earlier than opened_at',
    'zh-CN': '{column} 早于 opened_at（开单时间）',
  },
  missing_occurred_and_requested: {
    en: 'the interaction has neither occurred_at nor requested_at',
    'zh-CN': '该跟进记录既没有发生时间（occurred_at），也没有申请时间（requested_at）',
  },
  missing_staff_and_team: {
    en: 'the target names neither a staff_id nor a team',
    'zh-CN': '该目标既没有 staff_id（员工）也没有 team（团队）',
  },
  duplicate_key: {
    en: '{column} "{raw}" repeats the row on line {detail}',
    'zh-CN': '{column}“{raw}”与第 {detail} 行重复',
  },
  exact_duplicate: {
    en: 'the row is identical to line {detail}',
    'zh-CN': '该行与第 {detail} 行完全相同',
  },
} as const satisfies MessageTable;

export type ReasonCode = keyof typeof reasons;

/** Codes counted as duplicates rather than rejections in the ledger. */
export const duplicateReasons: ReadonlySet<string> = new Set<ReasonCode>(['duplicate_key', 'exact_duplicate']);

export function reasonMessage(code: ReasonCode, column: string | null, raw: string, detail = ''): Localized {
  return fillLocalized(reasons[code], { column: column ?? '', raw, detail });
}
