import type { LedgerFile } from '../model/ledger.ts';
import type { Dataset } from '../model/tables.ts';
import type { CodedFile } from '../model/customer-index.ts';

/**
 * Orphans are kept and counted: rows whose customer_id is not in customers.csv, or whose
 * owner (staff reference) is not in staff.csv. Only checked when the referenced file is present.
 */
const references: { file: keyof Dataset; column: string; target: 'customers' | 'staff'; kind: string }[] = [
  { file: 'orders', column: 'customer_id', target: 'customers', kind: 'unknown_customer' },
  { file: 'tickets', column: 'customer_id', target: 'customers', kind: 'unknown_customer' },
  { file: 'interactions', column: 'customer_id', target: 'customers', kind: 'unknown_customer' },
  { file: 'surveys', column: 'customer_id', target: 'customers', kind: 'unknown_customer' },
  { file: 'orders', column: 'owner_id', target: 'staff', kind: 'unknown_staff' },
  { file: 'customers', column: 'owner_id', target: 'staff', kind: 'unknown_staff' },
  { file: 'tickets', column: 'owner_id', target: 'staff', kind: 'unknown_staff' },
  { file: 'interactions', column: 'owner_id', target: 'staff', kind: 'unknown_staff' },
  { file: 'tasks', column: 'owner_id', target: 'staff', kind: 'unknown_staff' },
  { file: 'targets', column: 'staff_id', target: 'staff', kind: 'unknown_staff' },
  { file: 'staff', column: 'manager_id', target: 'staff', kind: 'unknown_staff' },
];

export function countOrphans(dataset: Dataset, ledger: LedgerFile[]): void {
  // customers: through the index's codes (customer-index.ts) when there is one, else a Set
  const index = dataset.customerIndex;
  const customerIds = index ? { has: (v: string) => { const c = index.ids.get(v); return c >= 0 && c < index.known; } } : null;
  const ids = {
    customers: dataset.customers ? customerIds ?? new Set(dataset.customers.columns.customer_id) : null,
    staff: dataset.staff ? new Set(dataset.staff.columns.staff_id) : null,
  };
  for (const r of references) {
    const known = ids[r.target];
    const table = dataset[r.file] as { columns: Record<string, (string | null)[]> } | null;
    const entry = ledger.find((l) => l.name === r.file);
    if (!known || !table || !entry) continue;
    const codes = index && r.column === 'customer_id' ? index.codes[r.file as CodedFile] : undefined;
    if (codes) {
      const count = unknownCodes(codes, index!.known);
      if (count > 0) entry.orphans.push({ kind: r.kind, column: r.column, count });
      continue;
    }
    const values = table.columns[r.column];
    if (!values) continue;
    let count = 0;
    // consecutive rows often repeat a value (the lines of one order): reuse the last answer
    let prev: string | null | undefined;
    let prevOrphan = false;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      if (v !== prev) { prev = v; prevOrphan = !known.has(v); }
      if (prevOrphan) count++;
    }
    if (count > 0) entry.orphans.push({ kind: r.kind, column: r.column, count });
  }
}

/** codes at or above `known` (ids not in customers.csv); −1 is an empty cell */
function unknownCodes(codes: Int32Array, known: number): number {
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= known) n++;
  return n;
}
