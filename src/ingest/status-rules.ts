import type { Config, FileSettings } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import { groupedMinorText } from '../lib/money.ts';
import type { StatusCount } from '../model/ledger.ts';
import { normalizeHeader } from './headers.ts';
import { presetRules } from './presets/index.ts';
import type { StatusMeaning } from './presets/types.ts';

/**
 * Which order rows are real sales, by their status (docs/data.md#statuses). A status value is
 * kept, excluded, or not covered by any rule; a file with a value that no rule covers stops the
 * build with every value, its rows and amount, and the config lines that settle it.
 *
 * Rules, first match wins: the user's `orders.includeStatuses` (kept), `orders.excludeStatuses`
 * (excluded), and when `includeStatuses` is set every other value is excluded (an allow-list);
 * then the preset's meaning of the file's status column; then the built-in words below.
 */
export type StatusOutcome = StatusCount['outcome'];

/** Values that say a sale took place in any system (compared folded, see foldStatus). */
export const BUILT_IN_KEEP = [
  'paid', 'completed', 'complete', 'closed won', 'won', 'shipped', 'delivered', 'fulfilled', 'invoiced',
  '已完成', '已付款', '已支付', '交易成功', '已成交', '赢单', '已发货', '已签收', '已收货',
];

/** Words that suggest a value is a won deal or a paid order: proposed for includeStatuses, never applied by themselves. */
const SALE_WORDS = /won|paid|complete|success|deliver|ship|fulfil|invoiced|activated|approved|成功|完成|付款|支付|成交|赢单|发货|签收|收货/i;
/** Words that suggest the opposite (closed lost, unpaid, not paid): they win over SALE_WORDS. */
const NOT_SALE_WORDS = /lost|unpaid|not paid|pending|cancel|void|refund|draft|quot|未|待|取消|关闭|退款|作废|丢单|输单/i;

/** Status values compare like headers: case, spaces, `_` and `-` ignored (`Closed Won` = `closedwon`). */
export const foldStatus = normalizeHeader;

export interface StatusClassifier {
  classify(raw: string): StatusOutcome;
  /** where the rule came from, for messages */
  source: 'none' | 'include' | 'preset' | 'built-in';
}

/**
 * The rule for the status column `header` of orders.csv, null when the column is ignored
 * (`statusRule: none`).
 */
export function statusClassifier(config: Config, settings: Pick<FileSettings, 'preset'>, header: string): StatusClassifier | null {
  if (config.orders.statusRule === 'none') return null;
  const include = config.orders.includeStatuses ? new Set(config.orders.includeStatuses.map(foldStatus)) : null;
  const exclude = new Set(config.orders.excludeStatuses.map(foldStatus));
  const meaning = presetMeaning(settings.preset, header);
  const pKeep = new Set(meaning?.keep.map(foldStatus) ?? []);
  const pExclude = new Set(meaning?.exclude.map(foldStatus) ?? []);
  const builtIn = new Set(BUILT_IN_KEEP.map(foldStatus));
  const whole = (raw: string): StatusOutcome => {
    const v = foldStatus(raw);
    if (include?.has(v)) return 'kept';
    if (exclude.has(v)) return 'excluded';
    if (include) return 'excluded';
    if (pKeep.has(v)) return 'kept';
    if (pExclude.has(v) || meaning?.only) return 'excluded';
    // an empty status under a deny-list: a row with no status recorded (a column filled only to mark cancellations)
    if (v === '' || builtIn.has(v)) return 'kept';
    return 'unknown';
  };
  return {
    source: include ? 'include' : meaning ? 'preset' : 'built-in',
    classify(raw) {
      const outcome = whole(raw);
      return outcome === 'unknown' ? bySegments(raw, whole) : outcome;
    },
  };
}

/**
 * A status written as a path of states (Odoo's `Sale Order/Done`, `Paid | Shipped`,
 * `订单 > 已完成`): when the whole value is unknown, each segment between separators is
 * classified by the same rules; the value takes their outcome when every segment is known and
 * all agree. Otherwise it stays unknown (the build stops and asks), never a guess.
 */
const STATUS_SEPARATORS = /\s*(?:[/|>»→]| - )\s*/;

function bySegments(raw: string, whole: (s: string) => StatusOutcome): StatusOutcome {
  const parts = raw.split(STATUS_SEPARATORS).filter((p) => p.trim() !== '');
  if (parts.length < 2) return 'unknown';
  const outcomes = new Set(parts.map(whole));
  return outcomes.size === 1 && !outcomes.has('unknown') ? [...outcomes][0]! : 'unknown';
}

function presetMeaning(preset: FileSettings['preset'], header: string): StatusMeaning | null {
  if (!preset) return null;
  const h = normalizeHeader(header);
  return presetRules[preset].statuses.find((m) => m.headers.some((x) => normalizeHeader(x) === h)) ?? null;
}

/** at most this many values are listed in a message (a free-text column can have thousands) */
const MAX_LISTED = 60;


const quote = (v: string) => JSON.stringify(v);

/** The build error for a status column with values no rule covers (amounts in minor units with `digits` decimals). */
export function uncoveredStatusError(file: string, header: string, counts: readonly StatusCount[], digits: number): BuildError {
  const money = (minor: number) => groupedMinorText(minor, digits);
  const sorted = [...counts].filter((c) => c.rows > 0).sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
  const unknown = sorted.filter((c) => c.outcome === 'unknown');
  const word = { kept: ['kept', '计入'], excluded: ['excluded', '排除'], unknown: ['no rule', '无规则'] } as const;
  const list = (zh: boolean) => {
    const lines = sorted.slice(0, MAX_LISTED).map((c) => {
      const v = c.value === '' ? (zh ? '（空）' : '(empty)') : quote(c.value);
      return zh
        ? `  ${v}：${c.rows} 行，金额 ${money(c.amount)}（${word[c.outcome][1]}）`
        : `  ${v}: ${c.rows} rows, amount ${money(c.amount)} (${word[c.outcome][0]})`;
    });
    if (sorted.length > MAX_LISTED) lines.push(zh ? `  ……另有 ${sorted.length - MAX_LISTED} 个值` : `  … and ${sorted.length - MAX_LISTED} more values`);
    return lines.join('\n');
  };
  const proposal = proposeIncludeStatuses(sorted);
  const include = `orders:\n  includeStatuses: [${proposal.map(quote).join(', ')}]`;
  const none = 'orders:\n  statusRule: none';
  return buildError({
    code: 'uncovered_statuses',
    file,
    field: 'status',
    message: {
      en: `${file}: the status column "${header}" has ${unknown.length} value(s) that no rule covers (${unknown.map((c) => quote(c.value)).slice(0, 10).join(', ')}), so which rows are real sales is not known. Every value, with its rows and amount:\n${list(false)}`,
      'zh-CN': `${file}：状态列“${header}”有 ${unknown.length} 个值没有任何规则覆盖（${unknown.map((c) => quote(c.value)).slice(0, 10).join('、')}），无法确定哪些行是真实销售。各个值及其行数、金额：\n${list(true)}`,
    },
    hint: {
      en: `Say which values are real sales (won, paid, not cancelled) in data/config.yaml; only those count${proposal.length ? ' (proposed from the values that read as won or paid: check it)' : ''}:\n${include}\nor, if this column is not an order status, ignore it:\n${none}`,
      'zh-CN': `在 data/config.yaml 中写明哪些值是真实销售（赢单、已付款、未取消），只有这些行计入${proposal.length ? '（以下建议取自看起来是赢单或已付款的值，请核对）' : ''}：\n${include}\n如果这一列不是订单状态，可忽略它：\n${none}`,
    },
  });
}

/**
 * The values a user most likely means as sales: those already kept, those that read as won or
 * paid, and those whose rows add up to a negative amount (refund or return lines: counting them
 * nets the revenue, as in the sample's 已退款 lines).
 */
export function proposeIncludeStatuses(counts: readonly Pick<StatusCount, 'value' | 'outcome' | 'amount'>[]): string[] {
  const likely = (c: Pick<StatusCount, 'value' | 'amount'>) => (SALE_WORDS.test(c.value) && !NOT_SALE_WORDS.test(c.value)) || c.amount < 0;
  return counts
    .filter((c) => c.value !== '' && (c.outcome === 'kept' || (c.outcome === 'unknown' && likely(c))))
    .map((c) => c.value);
}
