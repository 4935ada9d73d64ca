import { toMajor, type Money } from '../lib/money.ts';
import type { LedgerFile } from '../model/ledger.ts';

/**
 * The ledger as published: its amounts (each status value's amount, the duplicate lines' amount
 * at stake) are exact integer sums of minor units in ingest (order-rows.ts, read-input-file.ts)
 * and are divided once here into the bundle's major units (lib/money.ts toMajor: an exact decimal
 * text, never binary residue). A fresh copy; the ingest ledger is not changed.
 */
export function ledgerToMajor(ledger: readonly LedgerFile[], m: Money): LedgerFile[] {
  return ledger.map((f) => {
    const out: LedgerFile = { ...f };
    if (f.statuses) out.statuses = { ...f.statuses, values: f.statuses.values.map((v) => ({ ...v, amount: toMajor(v.amount, m) })) };
    if (f.duplicateLines) {
      const d = f.duplicateLines;
      out.duplicateLines = { ...d, amount: d.amount === null ? null : toMajor(d.amount, m) };
    }
    return out;
  });
}
