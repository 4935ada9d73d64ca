import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configSchema, rfmSegments } from '../../src/config/schema.ts';
import { readInputFile } from '../../src/ingest/read-input-file.ts';
import { inputFiles, inputNames } from '../../src/validate/schemas/index.ts';
import type { z } from 'zod';
import { computeMetrics } from '../../src/metrics/index.ts';
import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import { config, dataset, type OrderIn } from '../metrics/helpers.ts';

/*
 * Property-based robustness (fast-check, bounded runs, small tables):
 * - generated CSV text through readInputFile: the ledger adds up, and each count matches an
 *   independent oracle (the generator knows what each row is), line numbers included;
 * - a keyed file: duplicates = rows − distinct ids after NFKC + trim (our own normalisation);
 * - generated order/customer datasets through computeMetrics: shares stay in [0, 1], cohort
 *   month 0 is 1, a customer is in exactly one RFM segment (when in the window) and one value
 *   tier, and company revenue per period is invariant to row order and to splitting orders into lines.
 */
const NOW = Date.UTC(2026, 0, 1);

// ---- CSV text through readInputFile ------------------------------------------------------------

type Kind = 'good' | 'bad_amount' | 'bad_date' | 'out_of_range' | 'no_id' | 'ragged_short' | 'ragged_long' | 'excluded' | 'dup';
const kinds: Kind[] = ['good', 'good', 'good', 'bad_amount', 'bad_date', 'out_of_range', 'no_id', 'ragged_short', 'ragged_long', 'excluded', 'dup'];

const rowSpec = fc.record({
  kind: fc.constantFrom(...kinds),
  amount: fc.constantFrom('10', '-3.5', '1,234.50', '¥88', '(12.00)', '0', '1e3'),
  badAmount: fc.constantFrom('1,2,3', 'NaN', 'Infinity', '--5', '1e309', 'abc', '12%'),
  date: fc.constantFrom('2024-03-05', '2024/3/5 14:30', '2024年3月5日', '2025-12-31 23:59:59', '20240305'),
  badDate: fc.constantFrom('2024-02-30', 'soon', '2024-13-01', '25:00'),
  farDate: fc.constantFrom('1900-01-01', '2100-06-01', '1969-12-31'),
  product: fc.constantFrom('plain', 'with, comma', 'with "quote"', 'two\nlines', 'cr\r\nlf', '  padded  ', ''),
  forceQuote: fc.boolean(),
  crlf: fc.boolean(),
  blankAfter: fc.boolean(),
  dupOf: fc.nat(),
});

const quote = (c: string, force: boolean) => (force || /[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

interface Generated { text: string; expected: { read: number; accepted: number; excluded: number; rejected: number; duplicates: number }; acceptedLines: number[] }

type Spec = typeof rowSpec extends fc.Arbitrary<infer T> ? T : never;

function generate(specs: Spec[]): Generated {
  const header = ['order_id', 'customer_id', 'order_date', 'amount', 'status', 'product'];
  let text = header.join(',') + '\n';
  let line = 2;
  const e = { read: 0, accepted: 0, excluded: 0, rejected: 0, duplicates: 0 };
  const acceptedLines: number[] = [];
  const previous: string[][] = []; // earlier non-ragged rows' cells
  specs.forEach((s, i) => {
    let cells: string[];
    let kind = s.kind;
    if (kind === 'dup' && previous.length === 0) kind = 'good';
    if (kind === 'dup') cells = [...previous[s.dupOf % previous.length]!];
    else {
      cells = [`O${i}`, `C${i % 3}`, s.date, s.amount, 'paid', s.product];
      if (kind === 'bad_amount') cells[3] = s.badAmount;
      if (kind === 'bad_date') cells[2] = s.badDate;
      if (kind === 'out_of_range') cells[2] = s.farDate;
      if (kind === 'no_id') cells[0] = '  ';
      if (kind === 'excluded') cells[4] = 'Cancelled';
      if (kind === 'ragged_short') cells = cells.slice(0, 4);
      if (kind === 'ragged_long') cells = [...cells, 'extra'];
    }
    if (kind !== 'ragged_short' && kind !== 'ragged_long') previous.push(cells);
    const row = cells.map((c) => quote(c, s.forceQuote)).join(',');
    text += row + (s.crlf ? '\r\n' : '\n');
    e.read++;
    if (kind === 'good') { e.accepted++; acceptedLines.push(line); }
    else if (kind === 'dup') e.duplicates++;
    else if (kind === 'excluded') e.excluded++;
    else e.rejected++;
    line += 1 + cells.reduce((n, c) => n + breaks(c), 0);
    if (s.blankAfter) { text += '\n'; line++; }
  });
  return { text, expected: e, acceptedLines };
}

describe('ledger properties over generated CSV text', () => {
  it('read = accepted + excluded + rejected + duplicates, each as the generator predicts', () => {
    const cfg = configSchema.parse({ asOf: '2026-09-30' }); // years 1970 … 2027
    fc.assert(
      fc.property(fc.array(rowSpec, { minLength: 0, maxLength: 25 }), (specs) => {
        const g = generate(specs);
        const r = readInputFile({ name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode(g.text), config: cfg, now: NOW });
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}\n${g.text}`);
        const l = r.ledger;
        expect(l.read).toBe(l.accepted + l.excluded + l.rejected + l.duplicates);
        expect(l.reasons.reduce((s, x) => s + x.count, 0)).toBe(l.rejected + l.duplicates);
        expect({ read: l.read, accepted: l.accepted, excluded: l.excluded, rejected: l.rejected, duplicates: l.duplicates }).toEqual(g.expected);
        expect(r.table.rows).toBe(l.accepted);
        expect(r.table.line).toEqual(g.acceptedLines);
        // every kept reject has a line and a reason; cell-level reasons name their column
        for (const x of r.rejects) {
          expect(x.line).toBeGreaterThanOrEqual(2);
          // a row of the wrong width is ragged_row, or unterminated_quote when it spans lines
          // (a quoted field with a line break: most often a stray quote)
          if (x.reason !== 'ragged_row' && x.reason !== 'unterminated_quote') expect(x.column).not.toBeNull();
        }
      }),
      { numRuns: 100, seed: 20261122 },
    );
  });

  it('a keyed file: duplicates = rows − distinct ids after NFKC + trim', () => {
    const variants = ['A1', 'Ａ１', 'A1 ', ' A1', 'a1', 'B2', 'Ｂ２', 'B2\u3000', '007', '7', '17850', '17850.0'];
    // our own normalisation: NFKC, trim, a float export's trailing .0 dropped
    const norm = (s: string) => s.normalize('NFKC').trim().replace(/^(\d+)\.0+$/, '$1');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...variants), { minLength: 1, maxLength: 20 }), (ids) => {
        const text = 'customer_id,name\n' + ids.map((id, i) => `${id},n${i}`).join('\n') + '\n';
        const r = readInputFile({ name: 'customers', file: 'customers.csv', bytes: new TextEncoder().encode(text), config: configSchema.parse({}), now: NOW });
        if (!r.ok) throw new Error(r.error.message.en);
        const distinct = new Set(ids.map(norm));
        expect(r.ledger.read).toBe(ids.length);
        expect(r.ledger.accepted).toBe(distinct.size);
        expect(r.ledger.duplicates).toBe(ids.length - distinct.size);
        expect(r.ledger.read).toBe(r.ledger.accepted + r.ledger.excluded + r.ledger.rejected + r.ledger.duplicates);
        expect(new Set(r.table.columns.customer_id)).toEqual(distinct);
        // the first row of each key is the one kept
        const first = new Map<string, number>();
        ids.forEach((id, i) => { if (!first.has(norm(id))) first.set(norm(id), i); });
        expect(r.table.columns.name).toEqual([...first.values()].sort((a, b) => a - b).map((i) => `n${i}`));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('fuzzed text under a valid header, every input file', () => {
  // tokens that stress the parser and the coercers: quotes, every line break, NUL, BOM, dates and
  // numbers in every supported and refused form
  const tok = fc.constantFrom(',', ',', ',', '"', '\n', '\r\n', '\r', ' ', 'a', '1', '-', '.', '/', '2024-03-05', '2024-03-05 10:00',
    '\u0000', 'é', '客', '\ufeff', '05/03/2024', '1e309', '3万', '12%', '(5)', 'complaint', 'visit', '2024-Q1', 'true', '否', '',
    '""', '17850.0', 'Ｃ１', '1,234.5', '2100-01-01', '44000.5', '1700000000000');
  const configs = [
    configSchema.parse({}),
    configSchema.parse({ files: Object.fromEntries(inputNames.map((n) => [n, { dateOrder: 'dmy', wan: true, decimal: ',' }])) }),
  ];
  it('never throws: either a ledger that adds up or a BuildError', () => {
    const stops = new Set(['not_a_table', 'unterminated_quote', 'stray_quotes', 'ambiguous_dates', 'undecodable']);
    fc.assert(
      fc.property(fc.constantFrom(...inputNames), fc.array(tok, { maxLength: 120 }), fc.nat(1), (name, parts, c) => {
        const shape = (inputFiles[name].schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
        const header = [...Object.keys(shape), ...(name === 'surveys' ? ['dim_quality'] : [])].join(',');
        const bytes = new TextEncoder().encode(`${header}\n${parts.join('')}`);
        const r = readInputFile({ name, file: `${name}.csv`, bytes, config: configs[c]!, now: NOW });
        if (!r.ok) {
          expect(stops.has(r.error.code), r.error.code).toBe(true);
          expect(r.error.message.en.length).toBeGreaterThan(0);
          return;
        }
        const l = r.ledger;
        expect(l.read).toBe(l.accepted + l.excluded + l.rejected + l.duplicates);
        expect(l.reasons.reduce((s, x) => s + x.count, 0)).toBe(l.rejected + l.duplicates);
        // orders' exact duplicates are only counted; every other reject is kept for the quarantine
        const exact = l.reasons.find((x) => x.code === 'exact_duplicate')?.count ?? 0;
        expect(r.rejects.length).toBe(l.rejected + l.duplicates - exact);
        expect(r.table.rows).toBe(l.accepted);
        for (const col of Object.values(r.table.columns) as unknown[][]) expect(col.length).toBe(l.accepted);
      }),
      { numRuns: 400, seed: 99 },
    );
  });
});

// ---- datasets through computeMetrics -----------------------------------------------------------

const CUSTOMERS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
const order = fc.record({
  c: fc.integer({ min: 0, max: CUSTOMERS.length }), // = length: anonymous
  day: fc.integer({ min: 0, max: 729 }), // 2024-01-01 … 2025-12-30
  cents: fc.integer({ min: -8000, max: 30000 }),
  parts: fc.integer({ min: 1, max: 3 }),
});
type Ord = { c: number; day: number; cents: number; parts: number };

const dayIso = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);

/** one line per order, or each order split into `parts` lines of the same sign summing to it (in cents) */
function lines(orders: Ord[], split: boolean): OrderIn[] {
  const out: OrderIn[] = [];
  orders.forEach((o, i) => {
    const base = { order_id: `o${i}`, customer_id: o.c < CUSTOMERS.length ? CUSTOMERS[o.c]! : null, order_date: dayIso(o.day) };
    const n = split ? o.parts : 1;
    const each = Math.trunc(o.cents / n);
    for (let k = 0; k < n; k++) out.push({ ...base, amount: (k === n - 1 ? o.cents - each * (n - 1) : each) / 100 });
  });
  return out;
}

const ds = (orderLines: OrderIn[]) =>
  dataset({
    staff: [{ staff_id: 's1', team: 'T1' }, { staff_id: 's2', team: 'T2' }],
    customers: CUSTOMERS.map((id, i) => ({ customer_id: id, owner_id: i % 2 ? 's1' : 's2', member_level: i % 3 ? 'gold' : null })),
    orders: orderLines,
  });
const cfg = () => config({ asOf: '2025-12-31', memberLevels: ['gold'] });

const ratioKpis = new Set(kpiCatalogue.filter((k) => k.unit === 'ratio' && k.id !== 'member_aov_uplift').map((k) => k.id));
const companyRevenue = (rows: ReturnType<typeof computeMetrics>['kpis']) =>
  new Map(rows.filter((r) => r.entity_type === 'company' && r.kpi === 'revenue').map((r) => [`${r.grain} ${r.period}`, r.value ?? 0]));

/** a deterministic shuffle from a seed (the permutation is part of the generated case) */
function shuffle<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

describe('metric properties over generated datasets', () => {
  const orders = fc.array(order, { minLength: 1, maxLength: 30 });

  it('shares stay in [0, 1]; cohort month 0 is 1', () => {
    expect(ratioKpis.size).toBeGreaterThan(5);
    fc.assert(
      fc.property(orders, (os) => {
        const res = computeMetrics(ds(lines(os, true)), cfg());
        for (const r of res.kpis) {
          if (!ratioKpis.has(r.kpi) || r.value === null) continue;
          expect(r.value, `${r.kpi} ${r.entity_type}:${r.entity_id} ${r.period}`).toBeGreaterThanOrEqual(0);
          expect(r.value, `${r.kpi} ${r.entity_type}:${r.entity_id} ${r.period}`).toBeLessThanOrEqual(1 + 1e-12);
        }
        for (const c of res.cohorts) {
          if (c.k === 0) expect(c.customer_retention).toBe(1);
          expect(c.customer_retention).toBeGreaterThanOrEqual(0);
          expect(c.customer_retention).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 80, seed: 11 },
    );
  });

  it('each customer: one row, exactly one RFM segment when it bought in the window, exactly one value tier', () => {
    const segments = new Set<string>(rfmSegments);
    fc.assert(
      fc.property(orders, (os) => {
        const res = computeMetrics(ds(lines(os, false)), cfg());
        const ids = res.customers.map((c) => c.customer_id);
        expect(new Set(ids).size).toBe(ids.length);
        // RFM window: 12 months to asOf 2025-12-31 → purchases dated 2025-01-01 … 2025-12-31
        // (day ≥ 366) with a positive amount; an independent list of who is in it
        const inWindow = new Set(os.filter((o) => o.c < CUSTOMERS.length && o.day >= 366 && o.cents > 0).map((o) => CUSTOMERS[o.c]!));
        for (const c of res.customers) {
          expect(['A', 'B', 'C', 'none']).toContain(c.value_tier);
          if (c.segment !== null) {
            expect(segments.has(c.segment)).toBe(true);
            expect(c.frequency).not.toBeNull();
          }
          if (inWindow.has(c.customer_id)) expect(c.segment, c.customer_id).not.toBeNull();
        }
        // the segment summary counts each segmented customer once
        const segmented = res.customers.filter((c) => c.segment !== null).length;
        expect(res.segments.rows.reduce((s, r) => s + r.customers, 0)).toBe(segmented);
        // the tier summary counts each customer in its one tier (none: only customers who ever bought)
        for (const t of res.valueTierSummary) {
          const members = res.customers.filter((c) => c.value_tier === t.tier && (t.tier !== 'none' || c.first_purchase !== null));
          expect(t.customers, t.tier).toBe(members.length);
        }
      }),
      { numRuns: 80, seed: 12 },
    );
  });

  it('company revenue per period is invariant to row order and to splitting orders into lines', () => {
    fc.assert(
      fc.property(orders, fc.nat(), (os, seed) => {
        const base = companyRevenue(computeMetrics(ds(lines(os, false)), cfg()).kpis);
        const shuffled = companyRevenue(computeMetrics(ds(shuffle(lines(os, false), seed)), cfg()).kpis);
        const split = companyRevenue(computeMetrics(ds(shuffle(lines(os, true), seed + 1)), cfg()).kpis);
        expect(base.size).toBeGreaterThan(0);
        for (const other of [shuffled, split]) {
          expect([...other.keys()].sort()).toEqual([...base.keys()].sort());
          for (const [k, v] of base) expect(Math.abs(other.get(k)! - v), k).toBeLessThan(1e-6);
        }
        // and the year total is the plain sum of the amounts (independent)
        const total = os.filter((o) => o.day < 366).reduce((s, o) => s + o.cents, 0) / 100;
        expect(Math.abs((base.get('year 2024') ?? 0) - total)).toBeLessThan(1e-6);
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});
