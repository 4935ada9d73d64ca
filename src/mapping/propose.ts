import { configSchema, type ConfigInput } from '../config/schema.ts';
import type { BuildError } from '../lib/build-error.ts';
import { labelsFor, matchHeaders, normalizeHeader } from '../ingest/headers.ts';
import { DateParser } from '../ingest/parse-date.ts';
import { readInputFile } from '../ingest/read-input-file.ts';
import { fieldMeta } from '../validate/schemas/fields.ts';
import type { LedgerFile } from '../model/ledger.ts';
import { inputFiles, inputNames, type InputName } from '../validate/schemas/index.ts';
import { classifyFile, compareCandidates, matchedBy, presetHitsAcross, shapeOf, type Candidate, type MatchedBy, type Preset, type Refusal } from './classify.ts';
import { findCurrency, type CurrencyFinding } from './currency.ts';
import type { GivenColumn } from './given-columns.ts';
import { inferDateOrder, type DateOrderFinding } from './date-order.ts';
import { profileFile, type FileProfile, type ProfileResult } from './profile-file.ts';
import { tallyStatuses, type StatusFinding } from './status-values.ts';

/**
 * `npm run map`'s decision, as data: for every file in data/, the canonical file it is (with its
 * preset, date order and every column and why) or why it is not used; the currency; and the
 * result of reading each used file with the proposed configuration through the build's own reader
 * (readInputFile). Pure: the files' bytes in, the proposal out (render-proposal.ts writes the YAML).
 */
export interface ColumnChoice {
  column: string;
  header: string;
  /** the header's position in the file */
  index: number;
  by: MatchedBy;
  /** other headers of the file that a label of this column also names (not chosen) */
  others: string[];
}

export interface UsedFile {
  file: string;
  profile: FileProfile;
  name: InputName;
  preset: Preset | null;
  columns: ColumnChoice[];
  /** headers no column reads */
  unread: string[];
  /** optional columns the file does not have */
  missing: string[];
  dateOrder: DateOrderFinding;
  /** required columns the file lacks, given by config: orderIdentity, constants (given-columns.ts) */
  given: GivenColumn[];
  /** the chosen reading's score (classify.ts) */
  score: number;
  /** other readings of this file that scored lower, best first */
  alternatives: Candidate[];
  /** reading the file with the proposed config: its ledger, or the error that would stop the build */
  check: { ok: true; ledger: LedgerFile } | { ok: false; error: BuildError } | null;
}

export interface SkippedFile {
  file: string;
  why:
    | { kind: 'unreadable'; reason: 'binary' | 'undecodable' | 'no_header'; detail: string }
    | { kind: 'no_match'; closest: Refusal | null }
    | { kind: 'taken'; name: InputName; by: string; score: number; theirs: number; nearer: Refusal | null; given: GivenColumn[] }
    | { kind: 'check_failed'; name: InputName; error: BuildError }
    | { kind: 'mostly_rejected'; name: InputName; ledger: LedgerFile };
}

export interface Proposal {
  used: UsedFile[];
  skipped: SkippedFile[];
  currency: CurrencyFinding;
  /** true when some date column's values carry no offset (the time zone decides their instant) */
  localTimes: boolean;
  /** the orders file's status column: its values and the rule proposed */
  statuses: StatusFinding | null;
  /** every readable file's evidence on day/month order, used or not */
  dates: Record<string, DateOrderFinding>;
  config: ConfigInput;
}

export interface MapOptions {
  /** every file directly in the data folder, by its path relative to it */
  files: { file: string; bytes: Uint8Array }[];
  /** the clock's now: bounds the accepted years as the build does */
  now: number;
  /** the role-card ids in data/roles/ (a staff file without a role column is proposed one) */
  roles?: string[];
}

export const CONFIG_NAME = 'config.yaml';

export function proposeConfig(o: MapOptions): Proposal {
  const skipped: SkippedFile[] = [];
  const profiles: { profile: FileProfile; dateOrder: DateOrderFinding; candidates: Candidate[]; refusals: Refusal[] }[] = [];
  for (const { file, bytes } of [...o.files].sort((a, b) => a.file.localeCompare(b.file))) {
    const p: ProfileResult = profileFile(file, bytes, o.now);
    if (!p.ok) { skipped.push({ file, why: { kind: 'unreadable', reason: p.reason, detail: p.detail } }); continue; }
    const dateOrder = inferDateOrder(p.profile);
    const proven = dateOrder.kind === 'proven' ? dateOrder.order : undefined;
    profiles.push({ profile: p.profile, dateOrder, ...classifyFile(p.profile, proven, o.now, o.roles ?? []) });
  }

  // one file per canonical name, best candidates first
  const folderHits = presetHitsAcross(profiles.map((p) => p.candidates));
  for (const p of profiles) p.candidates.sort((a, b) => compareCandidates(a, b, folderHits));
  const all = profiles.flatMap((p) => p.candidates.map((c) => ({ p, c }))).sort((a, b) => compareCandidates(a.c, b.c, folderHits));
  const byName = new Map<InputName, { file: string; c: Candidate }>();
  const chosen = new Map<string, Candidate>();
  for (const { p, c } of all) {
    if (chosen.has(p.profile.file) || byName.has(c.name)) continue;
    chosen.set(p.profile.file, c);
    byName.set(c.name, { file: p.profile.file, c });
  }

  const used: UsedFile[] = [];
  for (const p of profiles) {
    const c = chosen.get(p.profile.file);
    if (!c) {
      const best = p.candidates[0];
      if (best) {
        const winner = byName.get(best.name)!;
        // a file that nearly is another canonical file (one required column short) says so too
        const near = closestRefusal(p.profile, p.refusals.filter((r) => r.name !== best.name));
        const nearer = near && foundBy(p.profile, near) > best.match.index.size ? near : null;
        skipped.push({ file: p.profile.file, why: { kind: 'taken', name: best.name, by: winner.file, score: best.score, theirs: winner.c.score, nearer, given: best.given } });
      } else skipped.push({ file: p.profile.file, why: { kind: 'no_match', closest: closestRefusal(p.profile, p.refusals) } });
      continue;
    }
    used.push(usedFile(p.profile, c, p.dateOrder, p.candidates.filter((x) => x !== c)));
  }
  used.sort((a, b) => inputNames.indexOf(a.name) - inputNames.indexOf(b.name));

  const bytesOf = new Map(o.files.map((f) => [f.file, f.bytes]));
  const orders = used.find((u) => u.name === 'orders');
  const status = orders?.columns.find((c) => c.column === 'status');
  const amount = orders?.columns.find((c) => c.column === 'amount');
  const statuses = orders && status
    ? tallyStatuses({ file: orders.file, bytes: bytesOf.get(orders.file)!, statusIndex: status.index, header: status.header, amountIndex: amount?.index ?? -1, preset: orders.preset })
    : null;
  const currency = findCurrency(used.map((u) => ({ profile: u.profile, amountHeaders: u.columns.filter((c) => c.column === 'amount' || c.column === 'unit_price').map((c) => c.header) })));
  let config = configOf(used, currency, statuses);
  // read every used file with the proposal, as the build will; an optional file the build could
  // not read is left out (with its reason), orders.csv stays (the build must say why it stops)
  const parsed = configSchema.parse(config);
  for (const u of used) {
    const r = readInputFile({ name: u.name, file: u.file, bytes: bytesOf.get(u.file)!, config: parsed, now: o.now });
    u.check = r.ok ? { ok: true, ledger: r.ledger } : { ok: false, error: r.error };
  }
  // an optional file the build could not read, or of which it would reject most rows, is left out
  const failed = used.filter((u) => u.name !== 'orders' && u.check && (!u.check.ok || u.check.ledger.rejected > u.check.ledger.accepted));
  for (const u of failed) {
    const why: SkippedFile['why'] = u.check!.ok
      ? { kind: 'mostly_rejected', name: u.name, ledger: u.check!.ledger }
      : { kind: 'check_failed', name: u.name, error: u.check!.error };
    skipped.push({ file: u.file, why });
  }
  const kept = used.filter((u) => !failed.includes(u));
  if (failed.length) config = configOf(kept, currency, statuses);
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  const localTimes = kept.some((u) => hasLocalTimes(u, o.now));
  const dates = Object.fromEntries(profiles.map((p) => [p.profile.file, p.dateOrder]));
  return { used: kept, skipped, currency, localTimes, statuses, dates, config };
}

function usedFile(profile: FileProfile, c: Candidate, dateOrder: DateOrderFinding, alternatives: Candidate[]): UsedFile {
  const columns: ColumnChoice[] = [];
  const taken = new Set(c.match.index.values());
  for (const [column, i] of c.match.index) {
    const header = c.header[i]!;
    const labels = labelsFor(c.name, column, { preset: c.preset ?? undefined }).map(normalizeHeader);
    const others = profile.header.filter((h, k) => k !== i && h !== '' && labels.includes(normalizeHeader(h)));
    // past the file's own headers: the name the reader joins from first and last name (name-parts.ts)
    const by = i >= profile.header.length ? 'parts' : matchedBy(header, column, c.name, c.preset);
    columns.push({ column, header, index: i, by, others });
  }
  const order = Object.keys(shapeOf(c.name));
  columns.sort((a, b) => order.indexOf(a.column) - order.indexOf(b.column));
  // a name joined from first and last name reads those two headers
  const joined = new Set(columns.filter((x) => x.by === 'parts').flatMap((x) => x.header.split(' + ')));
  const unread = profile.header.filter((h, k) => h !== '' && !taken.has(k) && !joined.has(h) && !c.match.dims.some((d) => d.index === k));
  const missing = order.filter((col) => !c.match.index.has(col));
  const given = new Set(c.given.map((g) => g.column));
  return { file: profile.file, profile, name: c.name, preset: c.preset, columns, unread, missing: missing.filter((m) => !given.has(m)), given: c.given, dateOrder, score: c.score, alternatives, check: null };
}

/**
 * A date column whose values carry no offset is read in `timezone`: the same text read in two
 * zones gives two instants (the ingest stage's DateParser decides, as in the build).
 */
function hasLocalTimes(u: UsedFile, now: number): boolean {
  const shape = shapeOf(u.name);
  const maxYear = new Date(now).getUTCFullYear() + 1;
  const order = u.dateOrder.kind === 'proven' ? u.dateOrder.order : undefined;
  const a = new DateParser({ dateOrder: order, timezone: 'UTC', minYear: 1970, maxYear });
  const b = new DateParser({ dateOrder: order, timezone: 'Asia/Shanghai', minYear: 1970, maxYear });
  return u.columns.some((c) => fieldMeta(shape[c.column]!)?.kind === 'date'
    && u.profile.columns[c.index]!.samples.some((s) => {
      const x = a.parse(s), y = b.parse(s);
      return x !== null && y !== null && Number.isFinite(x) && x !== y;
    }));
}

/** the reading that came nearest: the canonical file of which the most columns were found */
function closestRefusal(profile: FileProfile, refusals: Refusal[]): Refusal | null {
  let best: Refusal | null = null;
  let bestFound = 0;
  for (const r of refusals) {
    const found = foundBy(profile, r);
    if (found > bestFound) { best = r; bestFound = found; }
  }
  return best;
}

/** the columns a refused reading would still find */
function foundBy(profile: FileProfile, r: Refusal): number {
  const columns = Object.keys(shapeOf(r.name));
  const m = matchHeaders(profile.header, r.name, profile.file, columns, [], r.preset ? { preset: r.preset, columns: {} } : { columns: {} });
  return m.ok ? m.match.index.size : 0;
}

/** The configuration the proposal amounts to (what render-proposal.ts writes, comments aside). */
export function configOf(used: UsedFile[], currency: CurrencyFinding, statuses: StatusFinding | null): ConfigInput {
  const files: Record<string, Record<string, unknown>> = {};
  for (const u of used) {
    const s: Record<string, unknown> = {};
    if (u.file !== inputFiles[u.name].file) s.path = u.file;
    if (u.preset) s.preset = u.preset;
    if (u.dateOrder.kind === 'proven') s.dateOrder = u.dateOrder.order;
    const columns = Object.fromEntries(u.columns.filter((c) => c.by !== 'canonical' && c.by !== 'parts').map((c) => [c.column, c.header]));
    if (Object.keys(columns).length) s.columns = columns;
    for (const g of u.given) {
      if (g.setting === 'orderIdentity') s.orderIdentity = g.value;
      else s.constants = { ...(s.constants as Record<string, string> | undefined), [g.column]: g.value };
    }
    files[u.name] = s;
  }
  const config: Record<string, unknown> = {};
  if (currency.code) config.currency = currency.code;
  if (used.length) config.files = files;
  if (statuses?.include) config.orders = { includeStatuses: statuses.include };
  return config as ConfigInput;
}
