import type { Localized } from '../model/kpi.ts';
import type { LedgerFile, LedgerReason, LedgerWarning, RejectedRow } from '../model/ledger.ts';
import { maskValue } from './mask.ts';
import { mergeOrderTallies, type OrderTallies } from './order-tallies.ts';
import { duplicateReasons, reasonMessage, type ReasonCode } from '../validate/reasons.ts';
import { ledgerWarning, MAX_WARNING_EXAMPLES, type WarningCode } from './warnings.ts';

/**
 * Accumulates one file's ledger while its rows stream by:
 * read = accepted + excluded + rejected + duplicates (`duplicate_key` and `exact_duplicate`
 * reasons count as duplicates, every other reason as rejected). Reasons keep a count and up to
 * `MAX_EXAMPLES` examples, masked when they are personal data.
 */
export const MAX_EXAMPLES = 3;

export class LedgerBuilder {
  read = 0;
  accepted = 0;
  excluded = 0;
  rejected = 0;
  duplicates = 0;
  min = Infinity;
  max = -Infinity;
  readonly reasons = new Map<string, LedgerReason>();
  readonly rejects: RejectedRow[] = [];
  /** warnings by code and column, in first-seen order */
  readonly warnings = new Map<string, LedgerWarning>();
  /** orders.csv: what its sales rules saw (order-rows.ts) */
  orders: OrderTallies | null = null;
  /** rows per currency the file states: `column:USD` (a currency column), `mark:$` (marks on amounts) */
  readonly currencies = new Map<string, number>();
  private readonly file: string;
  private readonly personal: ReadonlySet<string>;
  private readonly header: string[] | undefined;

  constructor(file: string, personalColumns: ReadonlySet<string>, header?: string[]) {
    this.file = file;
    this.personal = personalColumns;
    this.header = header;
  }

  /**
   * Count a row as rejected (or duplicate) with a reason. `keep` = also keep it as a RejectedRow
   * for the quarantine folder (exact order duplicates are only counted).
   */
  reject(line: number, column: string | null, raw: string, code: ReasonCode, cells: string[], detail = '', keep = true): void {
    if (duplicateReasons.has(code)) this.duplicates++;
    else this.rejected++;
    const message = reasonMessage(code, column, raw, detail);
    const key = countKey(code, column);
    let r = this.reasons.get(key);
    if (!r) {
      // the ledger's message is the reason in general (no row's value), examples carry the values
      r = { code, column, count: 0, message: generic(code, column, detail), examples: [] };
      this.reasons.set(key, r);
    }
    r.count++;
    if (r.examples.length < MAX_EXAMPLES) {
      const personal = column !== null && this.personal.has(column);
      // (no detail for a personal column: its value stays masked everywhere)
      r.examples.push(detail && !personal ? { line, column, raw: maskValue(raw, personal), detail } : { line, column, raw: maskValue(raw, personal) });
    }
    if (keep) {
      const row: RejectedRow = { file: this.file, line, column, raw, reason: code, message, cells };
      if (detail) row.detail = detail;
      if (this.header) row.header = this.header;
      this.rejects.push(row);
    }
  }

  /** Note a kept row worth a look (warnings.ts): counted, with its first examples masked. */
  warn(code: WarningCode, column: string | null, line: number, raw: string): void {
    const key = countKey(code, column);
    let w = this.warnings.get(key);
    if (!w) this.warnings.set(key, (w = ledgerWarning(code, column, 0, [])));
    w.count++;
    if (w.examples.length < MAX_WARNING_EXAMPLES) w.examples.push({ line, raw: maskValue(raw, column !== null && this.personal.has(column)) });
  }

  /**
   * Take back rows found to be exact duplicates after the parse (exact-duplicates.ts): their
   * rejects (`rejectIndexes`, into `rejects`) go, each duplicate counts once as `exact_duplicate`
   * (with the line of its first occurrence), and the reasons are recounted, with their examples,
   * as if the duplicates had been set aside when they were read. (Accepted and excluded
   * duplicates are taken back by the caller.)
   */
  dropDuplicates(rejectIndexes: ReadonlySet<number>, duplicates: { line: number; first: number }[]): void {
    if (rejectIndexes.size) {
      const kept: RejectedRow[] = [];
      this.rejects.forEach((r, k) => {
        if (!rejectIndexes.has(k)) kept.push(r);
        else if (duplicateReasons.has(r.reason as ReasonCode)) this.duplicates--;
        else this.rejected--;
      });
      this.rejects.length = 0;
      for (const r of kept) this.rejects.push(r);
    }
    this.duplicates += duplicates.length;
    // recount in line order: rejects and duplicates are each in line order, merge them
    const old = new Map(this.reasons);
    this.reasons.clear();
    const add = (code: string, column: string | null, line: number, raw: string, message: () => Localized, detail?: string) => {
      const key = countKey(code, column);
      let r = this.reasons.get(key);
      if (!r) {
        const before = old.get(key);
        r = { code, column, count: 0, message: before ? before.message : message(), examples: [] };
        this.reasons.set(key, r);
      }
      r.count++;
      if (r.examples.length < MAX_EXAMPLES) {
        const personal = column !== null && this.personal.has(column);
        const masked = maskValue(raw, personal);
        r.examples.push(detail && !personal ? { line, column, raw: masked, detail } : { line, column, raw: masked });
      }
    };
    let d = 0;
    for (const r of this.rejects) {
      while (d < duplicates.length && duplicates[d]!.line < r.line) {
        const x = duplicates[d++]!;
        add('exact_duplicate', null, x.line, '', () => generic('exact_duplicate', null, String(x.first)), String(x.first));
      }
      add(r.reason, r.column, r.line, r.raw, () => r.message, r.detail);
    }
    for (; d < duplicates.length; d++) {
      const x = duplicates[d]!;
      add('exact_duplicate', null, x.line, '', () => generic('exact_duplicate', null, String(x.first)), String(x.first));
    }
  }

  /** This builder's state, to be merged into the builder of the file's first part (`absorb`). */
  snapshot(): LedgerPart {
    return {
      read: this.read, accepted: this.accepted, excluded: this.excluded, rejected: this.rejected,
      duplicates: this.duplicates, min: this.min, max: this.max,
      reasons: [...this.reasons.values()], rejects: this.rejects, warnings: [...this.warnings.values()], orders: this.orders,
      currencies: [...this.currencies],
    };
  }

  /** count a row's stated currency (currency-check.ts) */
  countCurrency(key: string, n = 1): void {
    this.currencies.set(key, (this.currencies.get(key) ?? 0) + n);
  }

  /**
   * Add the ledger of the rest of the file, read elsewhere (the rows after this builder's rows):
   * the same counts, reasons in first-seen order and examples as one builder reading every row.
   */
  absorb(part: LedgerPart): void {
    this.read += part.read;
    this.accepted += part.accepted;
    this.excluded += part.excluded;
    this.rejected += part.rejected;
    this.duplicates += part.duplicates;
    if (part.min < this.min) this.min = part.min;
    if (part.max > this.max) this.max = part.max;
    if (part.orders && this.orders) mergeOrderTallies(this.orders, part.orders);
    mergeCounted(this.reasons, part.reasons, MAX_EXAMPLES);
    mergeCounted(this.warnings, part.warnings, MAX_WARNING_EXAMPLES);
    for (const [k, n] of part.currencies) this.countCurrency(k, n);
    for (const row of part.rejects) {
      row.file = this.file;
      if (this.header) row.header = this.header;
      this.rejects.push(row);
    }
  }

  cover(t: number): void {
    if (t < this.min) this.min = t;
    if (t > this.max) this.max = t;
  }

  toLedger(base: Pick<LedgerFile, 'name' | 'file' | 'encoding' | 'delimiter' | 'mapping' | 'fingerprint'>, coverageColumn: string | null): LedgerFile {
    return {
      ...base,
      present: true,
      read: this.read,
      accepted: this.accepted,
      excluded: this.excluded,
      rejected: this.rejected,
      duplicates: this.duplicates,
      orphans: [],
      reasons: [...this.reasons.values()].sort((a, b) => b.count - a.count),
      coverage: coverageColumn && this.min <= this.max ? { column: coverageColumn, min: this.min, max: this.max } : null,
      ...(this.warnings.size ? { warnings: [...this.warnings.values()] } : {}),
    };
  }
}

/** A LedgerBuilder's state in plain data (it crosses threads). */
export interface LedgerPart {
  read: number;
  accepted: number;
  excluded: number;
  rejected: number;
  duplicates: number;
  min: number;
  max: number;
  /** in first-seen order */
  reasons: LedgerReason[];
  rejects: RejectedRow[];
  warnings: LedgerWarning[];
  orders: OrderTallies | null;
  currencies: [string, number][];
}

function generic(code: ReasonCode, column: string | null, detail: string): Localized {
  // row-specific parts (the raw value, the repeated line) are left out of the summary message
  const constant = code === 'date_out_of_range' || code === 'invalid_enum' || code === 'invalid_integer';
  return reasonMessage(code, column, '…', constant ? detail : '…');
}

/** The ledger entry of an optional file that is not there. */
export function absentLedger(name: string, file: string): LedgerFile {
  return {
    name, file, present: false, encoding: null, delimiter: null, mapping: {},
    read: 0, accepted: 0, excluded: 0, rejected: 0, duplicates: 0,
    orphans: [], reasons: [], coverage: null, fingerprint: null,
  };
}

/** the key of a reason's or warning's count: one per code and column */
function countKey(code: string, column: string | null): string {
  return `${code}\u0000${column ?? ''}`;
}

/**
 * Add a later part's counted entries (reasons or warnings) to this builder's: counts add up,
 * examples are kept up to `max` in line order, an entry first seen in the part comes after.
 */
function mergeCounted<T extends { code: string; column: string | null; count: number; examples: unknown[] }>(into: Map<string, T>, from: readonly T[], max: number): void {
  for (const x of from) {
    const key = countKey(x.code, x.column);
    const mine = into.get(key);
    if (!mine) { into.set(key, x); continue; }
    mine.count += x.count;
    for (const e of x.examples) if (mine.examples.length < max) mine.examples.push(e);
  }
}
