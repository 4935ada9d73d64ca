import type { z } from 'zod';
import { configSchema, fileSettings, presets, type FileSettings } from '../config/schema.ts';
import { moneyFor } from '../lib/money.ts';
import type { BuildError } from '../lib/build-error.ts';
import { coerceCell, CellFailure, planFields, type CoerceContext } from '../ingest/coerce-row.ts';
import { matchHeaders, normalizeHeader, type HeaderMatch } from '../ingest/headers.ts';
import { DateParser } from '../ingest/parse-date.ts';
import { presetTables } from '../ingest/presets/index.ts';
import { synonyms } from '../ingest/synonyms.ts';
import { isOptionalField } from '../validate/schemas/fields.ts';
import { inputFiles, inputNames, type InputName } from '../validate/schemas/index.ts';
import type { FileProfile } from './profile-file.ts';
import { completeFromConfig, type GivenColumn } from './given-columns.ts';

/**
 * Which canonical file a file can be, with which preset. Every (file name, preset) pair is tried
 * with the ingest stage's own header matching (`matchHeaders`: column settings, canonical names,
 * preset labels, synonyms); a pair whose required columns are all found is a candidate, scored by
 * what it would read and how well the file's first values coerce under it (`coerceCell`, the
 * ingest stage's coercion). The best candidates win, one file per canonical name.
 */
export type Preset = (typeof presets)[number];

export interface Candidate {
  name: InputName;
  preset: Preset | null;
  match: HeaderMatch;
  score: number;
  /** columns found through the preset's own labels (not the canonical name nor a synonym) */
  presetHits: number;
  /** canonical column → share of its sampled values that coerce */
  fit: Record<string, number>;
  /** required columns the file lacks, given by config (given-columns.ts) */
  given: GivenColumn[];
  /** the header as the reader sees it: the file's, plus a name joined from first and last name */
  header: string[];
}

export interface Refusal {
  name: InputName;
  preset: Preset | null;
  error: BuildError;
}

export const shapeOf = (name: InputName) =>
  (inputFiles[name].schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;

/**
 * The columns a file must have, from its schema: every non-optional field, except an orders
 * file's amount, which quantity × unit_price can stand for (the rule read-input-file.ts applies
 * when it opens a file).
 */
export function requiredColumns(name: InputName): string[] {
  const shape = shapeOf(name);
  return Object.keys(shape).filter((c) => !isOptionalField(shape[c]!) && !(name === 'orders' && c === 'amount'));
}

/**
 * Optional columns that most pages need weigh more than the rest: customers and amounts make the
 * cohorts, tiers and values; owners make the people and role pages. Required columns weigh 3.
 */
const WEIGHTS: Record<string, number> = { customer_id: 3, amount: 3, owner_id: 2 };

const settingsFor = (preset: Preset | null): FileSettings => fileSettings.parse(preset ? { preset } : {});

export function classifyFile(profile: FileProfile, dateOrder: 'dmy' | 'mdy' | undefined, now: number, roles: readonly string[] = []): { candidates: Candidate[]; refusals: Refusal[] } {
  const candidates: Candidate[] = [];
  const refusals: Refusal[] = [];
  const base = profile.file.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
  for (const name of inputNames) {
    const shape = shapeOf(name);
    const columns = Object.keys(shape);
    for (const preset of [null, ...presets]) {
      const settings = settingsFor(preset);
      const plain = matchHeaders(profile.header, name, profile.file, columns, requiredColumns(name), settings);
      // what config can give (an order identity, constants) or the reader joins (a name) when a required column is missing
      const done = plain.ok ? null : completeFromConfig({ name, file: profile.file, header: profile.header, columns, required: requiredColumns(name), settings, shape, roles });
      if (!plain.ok && !done) { refusals.push({ name, preset, error: plain.error }); continue; }
      const m = done ? { match: done.match } : plain as Extract<typeof plain, { ok: true }>;
      const header = done?.header ?? profile.header;
      const given = done?.given ?? [];
      const idx = m.match.index;
      if (name === 'orders' && !idx.has('amount') && !(idx.has('quantity') && idx.has('unit_price'))) {
        continue;
      }
      const fit = fitOf(profile, name, m.match, dateOrder, now);
      const required = new Set(requiredColumns(name));
      let score = 0;
      for (const [column] of idx) score += (required.has(column) ? 3 : WEIGHTS[column] ?? 1) * (fit[column] ?? 1);
      if (normalizeHeader(base) === name) score += 10;
      const presetHits = preset ? [...idx].filter(([c, i]) => i < profile.header.length && byPreset(profile.header[i]!, c, name, preset)).length : 0;
      candidates.push({ name, preset, match: m.match, score, presetHits, fit, given, header });
    }
  }
  // a preset that reads nothing of its own is no reason to name it: keep the plain reading
  const plain = new Map(candidates.filter((c) => !c.preset).map((c) => [c.name, c]));
  const kept = candidates.filter((c) => !c.preset || c.presetHits > 0 || !plain.has(c.name));
  return { candidates: kept.sort(compareCandidates), refusals };
}

/**
 * Best first: score, then the candidate whose preset names more of the file's headers, then the
 * preset that names more headers across the folder (`folderHits`: one system's exports go
 * together), then no preset.
 */
export function compareCandidates(a: Candidate, b: Candidate, folderHits: ReadonlyMap<Preset, number> = new Map()): number {
  const f = (c: Candidate) => (c.preset ? folderHits.get(c.preset) ?? 0 : 0);
  return b.score - a.score || b.presetHits - a.presetHits || f(b) - f(a) || Number(a.preset !== null) - Number(b.preset !== null);
}

/** per preset, the headers its labels name in all the files (each file's best reading with it) */
export function presetHitsAcross(files: Candidate[][]): Map<Preset, number> {
  const out = new Map<Preset, number>();
  for (const cands of files) {
    const best = new Map<Preset, number>();
    for (const c of cands) if (c.preset) best.set(c.preset, Math.max(best.get(c.preset) ?? 0, c.presetHits));
    for (const [p, n] of best) out.set(p, (out.get(p) ?? 0) + n);
  }
  return out;
}

/** How a header came to name a column: its canonical name, a preset's label or a built-in synonym. */
export type MatchedBy = 'canonical' | 'preset' | 'synonym' | 'parts';

export function matchedBy(header: string, column: string, name: InputName, preset: Preset | null): MatchedBy {
  const h = normalizeHeader(header);
  const has = (labels: readonly string[] | undefined) => (labels ?? []).some((l) => normalizeHeader(l) === h);
  if (h === normalizeHeader(column)) return 'canonical';
  if (preset && has(presetTables[preset][name]?.[column])) return 'preset';
  return 'synonym';
}

function byPreset(header: string, column: string, name: InputName, preset: Preset): boolean {
  return matchedBy(header, column, name, preset) === 'preset' && !(synonyms[name][column] ?? []).some((l) => normalizeHeader(l) === normalizeHeader(header));
}

/** the share of each mapped column's sampled values that the ingest stage's coercion accepts */
function fitOf(profile: FileProfile, name: InputName, match: HeaderMatch, dateOrder: 'dmy' | 'mdy' | undefined, now: number): Record<string, number> {
  const maxYear = new Date(now).getUTCFullYear() + 1;
  const ctx: CoerceContext = {
    dates: new DateParser({ dateOrder, timezone: 'UTC', minYear: 1970, maxYear }),
    decimal: '.', wan: false, percentColumns: [],
    // amounts as the default currency reads them (CNY, 2 decimals: lib/money.ts)
    money: moneyFor(configSchema.parse({}).currency),
  };
  const out: Record<string, number> = {};
  for (const plan of planFields(shapeOf(name), match.index, ctx)) {
    if (plan.index < 0) continue;
    // a name joined from first and last name: as good as its parts, taken as read
    if (plan.index >= profile.columns.length) { out[plan.column] = 1; continue; }
    const samples = profile.columns[plan.index]!.samples;
    if (samples.length === 0) { out[plan.column] = 0; continue; }
    let good = 0;
    for (const raw of samples) {
      const v = coerceCell(plan, raw, ctx);
      if (!(v instanceof CellFailure) || v.f.reason === 'needs_date_order') good++;
    }
    // a column mostly empty reads little: its share of filled rows counts too
    const filled = profile.records ? profile.columns[plan.index]!.filled / profile.records : 0;
    out[plan.column] = (good / samples.length) * filled;
  }
  return out;
}
