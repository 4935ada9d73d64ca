import { fillLocalized, type Localized, type MessageTable } from '../lib/localized.ts';
import type { LedgerWarning } from '../model/ledger.ts';

/**
 * Ledger warnings: rows kept, but worth a look. One place for their codes and messages (both
 * languages); `{column}` is filled by `warningMessage`.
 */
export const warnings = {
  // `1.23E+15`: Excel showed a long numeric id in scientific notation and saved it so; its
  // last digits are lost, so different ids may have become one
  excel_scientific_id: {
    en: '{column} holds ids in scientific notation (like 1.23E+15): Excel rounded long numeric ids, so different ids may have become one. Export the column as text.',
    'zh-CN': '{column} 中有科学计数法形式的编号（如 1.23E+15）：Excel 对长数字编号做了舍入，不同的编号可能已变成同一个。请把该列按文本格式导出。',
  },
  order_id_spans_dates: {
    en: 'one order id covers lines on different days: is {column} really one order? (orderIdentity can build the id from more columns)',
    'zh-CN': '同一个订单编号的明细行分布在不同日期：{column} 真的是同一个订单吗？（可用 orderIdentity 由更多列组成订单编号）',
  },
  order_id_spans_customers: {
    en: 'one order id covers lines of different customers: is {column} really one order? (orderIdentity can build the id from more columns)',
    'zh-CN': '同一个订单编号的明细行属于不同客户：{column} 真的是同一个订单吗？（可用 orderIdentity 由更多列组成订单编号）',
  },
  // the file's only value that spans lines (stray-quotes.ts): kept, but it may be two stray quotes
  quoted_line_break: {
    en: '{column}: the only value in the file that spans several lines (kept). If these lines are separate records, a stray quote joined them: fix the quote.',
    'zh-CN': '{column}：文件中唯一跨多行的值（已保留）。如果这些行本是不同的记录，是多余的引号把它们连在了一起，请修正引号。',
  },
} as const satisfies MessageTable;

export type WarningCode = keyof typeof warnings;

export function warningMessage(code: WarningCode, column: string | null): Localized {
  return fillLocalized(warnings[code], { column: column ?? '' });
}

/** the most examples a warning keeps */
export const MAX_WARNING_EXAMPLES = 3;

/** a warning with its first examples */
export function ledgerWarning(code: WarningCode, column: string | null, count: number, examples: { line: number; raw: string }[]): LedgerWarning {
  return { code, column, count, message: warningMessage(code, column), examples: examples.slice(0, MAX_WARNING_EXAMPLES) };
}

/** `1.23E+15`, `4.5e+11`: a number in scientific notation, as Excel writes a long numeric id */
const SCIENTIFIC = /^\d(\.\d+)?[eE]\+\d+$/;
/** a cheap test first (the second character is a dot: few ids), the pattern after */
export const looksScientific = (cell: string) => cell.charCodeAt(1) === 46 && SCIENTIFIC.test(cell.trim());
