import type { Config, FileSettings } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { Localized } from '../model/kpi.ts';
import type { StatusCount } from '../model/ledger.ts';
import { FirstLineOrders } from './first-line.ts';
import { normalizeHeader } from './headers.ts';
import { type OrderTallies } from './order-tallies.ts';
import { parseMoney, parseNumber, type NumberOptions } from './parse-number.ts';
import { groupedMinorText, moneyFor, productToMinor, type Money } from '../lib/money.ts';
import { presetRules, presetTables } from './presets/index.ts';
import { statusClassifier, uncoveredStatusError, type StatusClassifier } from './status-rules.ts';
import { listAmountLabels, paidAmountLabels, synonyms } from './synonyms.ts';

/**
 * The rules that decide which rows of orders.csv are real sales, and for how much
 * (docs/data.md#statuses): the status column's rule, unpaid rows (an empty payment time), lines
 * that continue the order above (first-line.ts), and the refund column, deducted from the amount
 * at the end unless the file shows its amount already net of it. What was decided is said in the
 * ledger's notes. Every amount here is in integer minor units of config.currency (lib/money.ts):
 * tallies and the refund netting are exact integer sums and differences.
 */
export interface OrderRowsSetup {
  file: string;
  header: string[];
  /** canonical column → cell index */
  index: ReadonlyMap<string, number>;
  config: Config;
  settings: Pick<FileSettings, 'preset'>;
  num: NumberOptions;
  tallies: OrderTallies;
  /**
   * rows in another currency with a rates file (row-currency.ts): the row's currency (null: the
   * reporting one), and an amount of it in the reporting currency's minor units
   */
  foreign?: { of(cells: string[]): Money | null; toReporting(cells: string[], minor: number, from: Money): number } | undefined;
}

/** order-level columns a continuation line takes from its order's first line when its own cell is empty */
const ORDER_LEVEL = ['customer_id', 'order_date', 'owner_id', 'status', 'paid_at', 'channel', 'region'];

export class OrderRows {
  private readonly s: OrderRowsSetup;
  private readonly status: number;
  private readonly classifier: StatusClassifier | null;
  private readonly paid: number;
  private readonly amount: number;
  private readonly qty: number;
  private readonly price: number;
  private readonly list: { index: number; header: string } | null;
  private readonly firstLine: FirstLineOrders | null;
  /** decimals of config.currency's minor unit */
  private readonly digits: number;
  private lastRaw: string | null = null;
  private last: StatusCount | null = null;
  /** the status count of the row being read (its amount is added once the row is accepted) */
  current: StatusCount | null = null;

  constructor(s: OrderRowsSetup) {
    this.s = s;
    this.digits = moneyFor(s.config.currency).digits;
    const at = (c: string) => s.index.get(c) ?? -1;
    this.status = at('status');
    this.classifier = this.status >= 0 ? statusClassifier(s.config, s.settings, s.header[this.status]!) : null;
    this.paid = at('paid_at');
    this.amount = at('amount');
    this.qty = at('quantity');
    this.price = at('unit_price');
    this.list = this.amount >= 0 ? listAmountBeside(s.header, s.index, s.settings) : null;
    const order = at('order_id');
    const rules = s.settings.preset ? presetRules[s.settings.preset] : null;
    this.firstLine = this.amount >= 0 && order >= 0
      ? new FirstLineOrders(order, this.amount, ORDER_LEVEL.map(at).filter((i) => i >= 0), rules?.emptyIdContinues ?? false)
      : null;
  }

  /** the record's cells to read (a continuation line completed from its order's first line) */
  cells(cells: string[]): string[] {
    if (!this.firstLine) return cells;
    const out = this.firstLine.cells(cells);
    if (out !== cells) this.s.tallies.continued++;
    return out;
  }

  /** true when the row is not a sale (its status excluded, or unpaid): counted here, not read further */
  excludes(cells: string[]): boolean {
    this.current = null;
    if (this.classifier) {
      const raw = cells[this.status]!.trim();
      if (raw !== this.lastRaw) {
        let c = this.s.tallies.statuses.get(raw);
        if (!c) {
          c = { value: raw, rows: 0, amount: 0, outcome: this.classifier.classify(raw) };
          this.s.tallies.statuses.set(raw, c);
        }
        this.lastRaw = raw;
        this.last = c;
      }
      const c = this.last!;
      c.rows++;
      if (c.outcome === 'excluded') {
        c.amount += this.amountOf(cells);
        return true;
      }
      this.current = c;
    }
    if (this.paid >= 0 && cells[this.paid]!.trim() === '') {
      // (an unpaid row's status count keeps the row; its amount is in the unpaid tally)
      const u = this.s.tallies.unpaid;
      u.rows++;
      u.amount += this.amountOf(cells);
      return true;
    }
    return false;
  }

  /** an accepted row: its status value's amount, its refund */
  accepted(row: Record<string, unknown>, cells: string[]): void {
    const amount = row.amount as number;
    if (this.current) this.current.amount += amount;
    const refund = row.refund_amount as number | null | undefined;
    if (!refund) return;
    const r = this.s.tallies.refunds;
    r.rows++;
    r.amount += refund;
    if (!this.list) return;
    const list = this.minorOf(cells, this.list.index);
    if (list === null) return;
    // exact integers: the amount is net of the refund when it and the refund make the list amount
    if (amount + refund === list && amount !== list) r.net++;
    else if (amount === list) r.gross++;
  }

  /**
   * An amount in minor units for the tallies of a row not read further: its amount cell, else
   * quantity × unit price (as ingest computes it), else 0 (no amount, or one the build would refuse).
   */
  private amountOf(cells: string[]): number {
    const a = this.amount >= 0 ? this.minorOf(cells, this.amount) : null;
    if (a !== null) return a;
    const from = this.s.foreign?.of(cells) ?? null;
    const num = (i: number) => (i >= 0 ? parseNumber(cells[i]!, this.s.num) : null);
    const q = num(this.qty), p = num(this.price);
    if (q === null || p === null || Number.isNaN(q) || Number.isNaN(p)) return 0;
    const minor = productToMinor(q, p, from?.digits ?? this.digits) ?? 0;
    return from ? this.s.foreign!.toReporting(cells, minor, from) : minor;
  }

  /** a money cell in the reporting currency's minor units (converted when the row is in another); null when unreadable */
  private minorOf(cells: string[], index: number): number | null {
    const from = this.s.foreign?.of(cells) ?? null;
    const v = parseMoney(cells[index]!, this.s.num, from?.digits ?? this.digits);
    if (typeof v !== 'number') return null;
    return from ? this.s.foreign!.toReporting(cells, v, from) : v;
  }

  /**
   * At the end of the file: stop when a status value has no rule or the refunds are unclear;
   * else deduct the refunds from the stored amounts (when they are not in them already) and say
   * what was decided.
   */
  finish(columns: Record<string, unknown[]>, rows: number): { ok: true; notes: Localized[] } | { ok: false; error: BuildError } {
    const t = this.s.tallies;
    const statuses = [...t.statuses.values()];
    if (statuses.some((c) => c.outcome === 'unknown' && c.rows > 0)) {
      return { ok: false, error: uncoveredStatusError(this.s.file, this.s.header[this.status]!, statuses, this.digits) };
    }
    const notes: Localized[] = [];
    const amountNote = this.amountNote();
    if (amountNote) notes.push(amountNote);
    if (this.classifier) notes.push(statusNote(this.s.header[this.status]!, statuses));
    if (t.unpaid.rows) notes.push(unpaidNote(this.s.header[this.paid]!, t.unpaid, this.digits));
    if (t.continued) notes.push(continuedNote(t.continued));
    const refundIdx = this.s.index.get('refund_amount');
    if (refundIdx !== undefined) {
      const refundHeader = this.s.header[refundIdx]!;
      const decided = this.refundMode();
      if (decided === 'unclear') return { ok: false, error: unclearRefundsError(this.s.file, refundHeader, this.amountHeader(), this.list!.header, t.refunds) };
      const amounts = columns.amount;
      const refunds = columns.refund_amount;
      if (decided === 'deduct' && amounts && refunds) {
        for (let i = 0; i < rows; i++) {
          const r = refunds[i] as number | null;
          // minor units: an exact integer difference (100 − 33.3 yuan is 10000 − 3330 fen)
          if (r) amounts[i] = (amounts[i] as number) - r;
        }
      }
      notes.push(refundNote(refundHeader, this.amountHeader(), this.list?.header ?? null, decided, t.refunds, this.digits));
    }
    return { ok: true, notes };
  }

  private amountHeader(): string {
    return this.amount >= 0 ? this.s.header[this.amount]! : 'quantity × unit_price';
  }

  /** deduct, included (the amount is net of it already), or unclear (rows disagree) */
  private refundMode(): 'deduct' | 'included' | 'unclear' {
    const set = this.s.config.orders.refunds;
    if (set !== 'auto') return set;
    const preset = this.s.settings.preset ? presetRules[this.s.settings.preset].refunds : undefined;
    if (preset) return preset;
    const r = this.s.tallies.refunds;
    if (r.net === 0) return 'deduct';
    return r.net === r.rows ? 'included' : 'unclear';
  }

  private amountNote(): Localized | null {
    if (!this.list) return null;
    const a = this.amountHeader(), l = this.list.header;
    return {
      en: `amount: read from "${a}" (paid/net); "${l}" (a list/gross amount) is not read.`,
      'zh-CN': `金额：取自“${a}”（实付/净额）；“${l}”（标价/总额）不计。`,
    };
  }
}

/**
 * Another header of the file that names an amount, beside the one read as `amount` (a list, gross
 * or GMV figure next to the paid one): the one with a list label first. Null when there is none.
 */
export function listAmountBeside(header: string[], index: ReadonlyMap<string, number>, settings: Pick<FileSettings, 'preset'>): { index: number; header: string } | null {
  const taken = new Set(index.values());
  const amount = index.get('amount');
  if (amount === undefined) return null;
  const label = (ls: readonly string[]) => new Set(ls.map(normalizeHeader));
  const lists = label(listAmountLabels);
  const paid = label(paidAmountLabels);
  const any = label([...(synonyms.orders.amount ?? []), ...(settings.preset ? presetTables[settings.preset].orders?.amount ?? [] : [])]);
  // a list amount beside it; or, when the amount read is a paid/net one, any other amount
  for (let i = 0; i < header.length; i++) {
    if (!taken.has(i) && lists.has(normalizeHeader(header[i]!))) return { index: i, header: header[i]! };
  }
  if (!paid.has(normalizeHeader(header[amount]!))) return null;
  for (let i = 0; i < header.length; i++) {
    if (!taken.has(i) && any.has(normalizeHeader(header[i]!))) return { index: i, header: header[i]! };
  }
  return null;
}

/** an amount in minor units as note text: `12,345.67` */
const money = (minor: number, digits: number) => groupedMinorText(minor, digits);

function statusNote(header: string, statuses: StatusCount[]): Localized {
  const part = (o: StatusCount['outcome'], zh: boolean) => statuses
    .filter((c) => c.outcome === o && c.rows > 0)
    .map((c) => `${c.value === '' ? (zh ? '（空）' : '(empty)') : c.value} (${c.rows})`)
    .join(zh ? '、' : ', ') || (zh ? '无' : 'none');
  return {
    en: `status "${header}": counted ${part('kept', false)}; excluded ${part('excluded', false)}.`,
    'zh-CN': `状态“${header}”：计入 ${part('kept', true)}；排除 ${part('excluded', true)}。`,
  };
}

function unpaidNote(header: string, u: { rows: number; amount: number }, digits: number): Localized {
  return {
    en: `${u.rows} rows without "${header}" (not paid) are excluded (amount ${money(u.amount, digits)}).`,
    'zh-CN': `${u.rows} 行没有“${header}”（未付款），已排除（金额 ${money(u.amount, digits)}）。`,
  };
}

function continuedNote(n: number): Localized {
  return {
    en: `${n} lines continue the order above (its totals and status are on its first line): read with amount 0 and the first line's order fields.`,
    'zh-CN': `${n} 行是上一订单的后续明细行（订单合计与状态只在首行）：按金额 0 读取，并沿用首行的订单字段。`,
  };
}

function refundNote(refund: string, amount: string, list: string | null, mode: 'deduct' | 'included', r: { rows: number; amount: number; net: number }, digits: number): Localized {
  if (mode === 'included') {
    const why = list && r.net ? ` (${list} = ${amount} + ${refund} on ${r.net} of ${r.rows} refunded rows)` : '';
    const zhWhy = list && r.net ? `（${r.rows} 行有退款，其中 ${r.net} 行 ${list} = ${amount} + ${refund}）` : '';
    return {
      en: `refunds: "${amount}" is already net of "${refund}"${why}; not deducted again (${r.rows} rows, ${money(r.amount, digits)}).`,
      'zh-CN': `退款：“${amount}”已扣除“${refund}”${zhWhy}，不再重复扣除（${r.rows} 行，${money(r.amount, digits)}）。`,
    };
  }
  return {
    en: `refunds: "${refund}" deducted from "${amount}" (${r.rows} rows, ${money(r.amount, digits)}).`,
    'zh-CN': `退款：已从“${amount}”中扣除“${refund}”（${r.rows} 行，${money(r.amount, digits)}）。`,
  };
}

function unclearRefundsError(file: string, refund: string, amount: string, list: string, r: { rows: number; net: number; gross: number }): BuildError {
  return buildError({
    code: 'unclear_refunds',
    file,
    field: 'refund_amount',
    message: {
      en: `${file}: it is not clear whether "${amount}" is already net of "${refund}": of ${r.rows} refunded rows, ${r.net} show ${list} = ${amount} + ${refund} (net), ${r.gross} show ${amount} = ${list} (not net), ${r.rows - r.net - r.gross} neither.`,
      'zh-CN': `${file}：无法确定“${amount}”是否已扣除“${refund}”：${r.rows} 行有退款，其中 ${r.net} 行 ${list} = ${amount} + ${refund}（已扣除），${r.gross} 行 ${amount} = ${list}（未扣除），${r.rows - r.net - r.gross} 行两者都不是。`,
    },
    hint: {
      en: `Say which in data/config.yaml:\norders:\n  refunds: deduct     # or: included (the amount is already net of refunds)`,
      'zh-CN': `请在 data/config.yaml 中指明：\norders:\n  refunds: deduct     # 或 included（金额已扣除退款）`,
    },
  });
}
