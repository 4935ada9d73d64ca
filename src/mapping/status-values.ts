import { defaultConfig, fileSettings } from '../config/schema.ts';
import { CsvStream } from '../ingest/parse-csv.ts';
import { parseNumber } from '../ingest/parse-number.ts';
import { sniffFile } from '../ingest/sniff-file.ts';
import { proposeIncludeStatuses, statusClassifier } from '../ingest/status-rules.ts';
import type { Preset } from './classify.ts';
import { MAX_DISTINCT } from './profile-file.ts';

/**
 * The values of the orders file's status column, with their rows and amounts, and what the build
 * would count each as: the rows a status rule decides about, shown before the build decides.
 */
export type StatusOutcome = 'kept' | 'excluded' | 'unknown';

export interface StatusValue {
  value: string;
  rows: number;
  /** the amount column's total over these rows (cents rounded), null when there is no amount column */
  amount: number | null;
  outcome: StatusOutcome;
}

export interface StatusFinding {
  file: string;
  header: string;
  values: StatusValue[];
  /** more than MAX_DISTINCT values: free text rather than a status */
  tooMany: boolean;
  /** some value is covered by no rule (the build stops on it until a rule is set) */
  uncovered: boolean;
  /** the allow-list to propose (when some value is uncovered and some read as sales), else null */
  include: string[] | null;
}

/**
 * What the build counts a status value as with the proposal's settings (none for statuses yet):
 * the ingest stage's own rule (status-rules.ts: the preset's meaning of the column, the built-in
 * words, orders.excludeStatuses).
 */
export function buildStatusRule(preset: Preset | null, header: string): (value: string) => StatusOutcome {
  const rule = statusClassifier(defaultConfig(), preset ? { preset } : {}, header);
  return (v) => rule?.classify(v) ?? 'kept';
}

export function tallyStatuses(o: {
  file: string;
  bytes: Uint8Array;
  statusIndex: number;
  header: string;
  amountIndex: number;
  preset: Preset | null;
}): StatusFinding {
  const sniffed = sniffFile(o.bytes, fileSettings.parse({}), 1 << 20);
  const counts = new Map<string, { rows: number; cents: number }>();
  let tooMany = false;
  if (sniffed.ok) {
    const csv = new CsvStream(sniffed.delimiter, (cells) => {
      if (tooMany) return;
      const v = (cells[o.statusIndex] ?? '').trim();
      const e = counts.get(v) ?? { rows: 0, cents: 0 };
      e.rows++;
      if (o.amountIndex >= 0) {
        const a = parseNumber((cells[o.amountIndex] ?? '').trim());
        if (a !== null && Number.isFinite(a)) e.cents += Math.round(a * 100);
      }
      counts.set(v, e);
      if (counts.size > MAX_DISTINCT) tooMany = true;
    });
    for (const piece of sniffed.dec.chunks()) csv.push(piece);
    csv.end();
  }
  const rule = buildStatusRule(o.preset, o.header);
  const values = [...counts]
    .map(([value, e]) => ({ value, rows: e.rows, amount: o.amountIndex >= 0 ? e.cents / 100 : null, outcome: rule(value) }))
    .sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
  // a value no rule covers stops the build: propose the allow-list the build's own message would
  // (the values already kept, and those that read as won or paid), or none when nothing reads so
  const uncovered = values.some((v) => v.outcome === 'unknown');
  const proposed = uncovered ? proposeIncludeStatuses(values.map((v) => ({ ...v, amount: v.amount ?? 0 }))) : [];
  return { file: o.file, header: o.header, values, tooMany, uncovered, include: proposed.length ? proposed : null };
}
