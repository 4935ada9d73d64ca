import type { Localized } from '../model/kpi.ts';
import type { LedgerFile, LedgerReason, RejectedRow } from '../model/ledger.ts';
import { maskValue } from './mask.ts';
import { duplicateReasons, reasonMessage, type ReasonCode } from './reasons.ts';

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
    const key = `${code}\u0000${column ?? ''}`;
    let r = this.reasons.get(key);
    if (!r) {
      // the ledger's message is the reason in general (no row's value), examples carry the values
      r = { code, column, count: 0, message: generic(code, column, detail), examples: [] };
      this.reasons.set(key, r);
    }
    r.count++;
    if (r.examples.length < MAX_EXAMPLES) {
      const personal = column !== null && this.personal.has(column);
      r.examples.push({ line, column, raw: maskValue(raw, personal) });
    }
    if (keep) {
      const row: RejectedRow = { file: this.file, line, column, raw, reason: code, message, cells };
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
    };
  }
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
