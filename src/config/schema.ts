import { z } from 'zod';
import { LEGACY_ENCODINGS } from '../lib/encodings.ts';
import { moneyOf } from '../lib/money.ts';

/**
 * data/config.yaml. Every key is optional; defaults are the product's definitions in
 * docs/metrics.md. Objects are strict so a typo is an error (load-config suggests the right key).
 */
const localized = z.strictObject({ 'zh-CN': z.string(), en: z.string() });

const encoding = z.enum(['auto', 'utf-8', 'gbk', 'iso-8859-1', 'latin1', 'utf-16le', 'utf-16be', ...LEGACY_ENCODINGS]);
const delimiter = z.enum(['auto', ',', ';', '\t', '|']);

export const presets = ['zoho', 'salesforce', 'hubspot', 'fxiaoke', 'shopify', 'odoo', 'tmall'] as const;

export const fileSettings = z.strictObject({
  /** path relative to data/ (default: the canonical file name) */
  path: z.string().optional(),
  encoding: encoding.default('auto'),
  delimiter: delimiter.default('auto'),
  /** a CRM export preset: maps that CRM's column names (and date style) to canonical ones */
  preset: z.enum(presets).optional(),
  /** canonical column name → header in your file, e.g. `customer_id: 客户编码` */
  columns: z.record(z.string(), z.string()).default({}),
  /** how to read numeric dates like 05/03/2024: required when a file has them */
  dateOrder: z.enum(['ymd', 'dmy', 'mdy']).optional(),
  /** two-digit years (`05/03/24`): below this → 20xx, from it → 19xx (Excel's 30: 00–29 → 2000s) */
  twoDigitYearPivot: z.number().int().min(0).max(100).default(30),
  /** decimal separator; ',' reads `1 234,50` */
  decimal: z.enum(['.', ',']).default('.'),
  /** read `3.5万` as 35000 */
  wan: z.boolean().default(false),
  /** columns whose values are percentages (`12%` → 0.12) */
  percentColumns: z.array(z.string()).default([]),
  /** canonical column → one value for every row, e.g. `role: 客户经理` (src/ingest/virtual-columns.ts) */
  constants: z.record(z.string(), z.string()).default({}),
  /**
   * lines identical in every cell to an earlier one: `drop` (count them once as exact_duplicate)
   * or `keep`. Default: orders follow orders.dropExactDuplicates (true: drop), other files keep.
   */
  duplicateLines: z.enum(['keep', 'drop']).optional(),
  /** lines dated more than this many days after the 99th percentile of the file's dates are rejected (`off`: never) */
  futureMargin: z.union([z.number().int().min(0), z.literal('off')]).default(180),
  /** values spanning lines inside quotes: `check` (stray quotes judged, docs/data.md) or `trust` (read as written) */
  quotedLineBreaks: z.enum(['check', 'trust']).default('check'),
  /** orders without an order id: `line` (one order per line) or the columns that together identify an order */
  orderIdentity: z.union([z.literal('line'), z.array(z.string()).min(1)]).optional(),
});
export type FileSettings = z.infer<typeof fileSettings>;

const gradeBands = z.strictObject({
  S: z.number().default(110),
  A: z.number().default(100),
  B: z.number().default(90),
  C: z.number().default(75),
});
const relativeBands = z.strictObject({
  S: z.number().default(0.1),
  A: z.number().default(0.2),
  B: z.number().default(0.4),
  C: z.number().default(0.2),
  D: z.number().default(0.1),
});

const rfmSegments = [
  'champions', 'loyal', 'potential_loyalist', 'new', 'promising', 'need_attention',
  'about_to_sleep', 'at_risk', 'cant_lose', 'hibernating',
] as const;

/** Default R×F grid: rows R = 1..5, columns F = 1..5 (docs/metrics.md). */
export const defaultRfmGrid: string[][] = [
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
];
export { rfmSegments };

/**
 * One audience (docs/hosting.md): a site that holds only some teams', regions' or people's rows,
 * written to dist-audiences/<name>/ beside the company's dist/ (src/publish/audience.ts).
 */
export const audienceSettings = z.strictObject({
  /** the audience's name on its pages, e.g. { zh-CN: 华北组, en: North } (default: its key) */
  label: localized.optional(),
  /** team names as in staff.csv: their people, their customers (by owner) and the team's own figures */
  teams: z.array(z.string()).default([]),
  /** regions as in staff.csv: the people of the region and the region's own figures */
  regions: z.array(z.string()).default([]),
  /** staff ids: these people (and their customers) besides the teams' and regions' */
  people: z.array(z.string()).default([]),
  /**
   * figures beyond the audience's own: `aggregates` (company totals, no other team's, region's,
   * person's or customer's rows) or `teams` (also every team's and region's totals)
   */
  companyFigures: z.enum(['aggregates', 'teams']).default('aggregates'),
  /** `within`: ranks recomputed among the people the audience sees; `company`: company ranks shown without the count */
  ranks: z.enum(['within', 'company']).default('within'),
  /** the URL path the site is served under (default /<name>/) */
  base: z.string().regex(/^\/(?:[^/?#\s]+\/)*$/, 'audience base must start and end with /, e.g. /north/').optional(),
});
export type AudienceSettings = z.infer<typeof audienceSettings>;

/** audience names become folder and path names: lower-case letters, digits and dashes; `company` is dist/ itself */
export const audienceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'an audience name is lower-case letters, digits and dashes (it names a folder and a URL path)')
  .refine((n) => n !== 'company', 'the audience `company` is dist/ itself (everything); name the others differently');

export const configSchema = z.strictObject({
  site: z
    .strictObject({
      title: localized.default({ 'zh-CN': '客户管理绩效', en: 'Customer management performance' }),
      company: localized.optional(),
      /** complete quarters with their own period pages */
      periods: z.number().int().min(1).max(40).default(8),
      /** complete months with their own period pages */
      months: z.number().int().min(0).max(60).default(12),
      /** a KPI is on track at ≥ onTrack × its target (direction-aware), at risk at ≥ atRisk ×, else off track */
      status: z
        .strictObject({ onTrack: z.number().positive().default(1), atRisk: z.number().positive().default(0.9) })
        .prefault({}),
    })
    .prefault({}),
  /** IANA time zone for local dates and times in the files */
  timezone: z.string().default('Asia/Shanghai'),
  /** YYYY-MM-DD; default: the latest order_date in the data */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be YYYY-MM-DD')
    .optional(),
  /** ISO 4217 code of the company's (reporting) currency: symbols, formats and minor unit (docs/data.md#money) */
  currency: z
    .string()
    .refine((c) => moneyOf(c) !== null, { message: 'an ISO 4217 currency code in capitals, e.g. CNY, USD, EUR, JPY' })
    .default('CNY'),
  /** the rates file converting other currencies to `currency` (path relative to data/, or absolute; docs/data.md#rates) */
  rates: z.string().min(1).optional(),
  kpiGrain: z.enum(['month', 'quarter', 'year']).default('quarter'),
  newCustomerBasis: z.enum(['first_purchase', 'created_at']).default('first_purchase'),
  repeatWindowMonths: z.number().int().min(1).default(12),
  dormantDays: z.number().int().min(1).default(90),
  lostDays: z.number().int().min(1).default(365),
  conversionWindowDays: z.number().int().min(1).default(30),
  /** member levels, lowest first (会员等级) */
  memberLevels: z.array(z.string()).default([]),
  /**
   * labels from the data (channels, complaint categories, member levels, regions, teams, statuses)
   * in each page language: a value as the files write it → its text; a plain string is the English
   * text (the value stays as written on zh-CN pages). docs/data.md#labels
   */
  labels: z.record(z.string().min(1), z.union([z.string().min(1), z.strictObject({ 'zh-CN': z.string().min(1).optional(), en: z.string().min(1).optional() })])).default({}),
  files: z
    .strictObject({
      orders: fileSettings.prefault({}),
      customers: fileSettings.prefault({}),
      staff: fileSettings.prefault({}),
      tickets: fileSettings.prefault({}),
      interactions: fileSettings.prefault({}),
      surveys: fileSettings.prefault({}),
      targets: fileSettings.prefault({}),
      tasks: fileSettings.prefault({}),
    })
    .prefault({}),
  orders: z
    .strictObject({
      excludeStatuses: z.array(z.string()).default(['cancelled', 'canceled', '已取消', '作废', 'void']),
      /** allow-list: when set, only rows whose status is listed count (every other value is excluded) */
      includeStatuses: z.array(z.string()).optional(),
      /** `none`: the file's status column is not an order status; it is ignored (see docs/data.md#statuses) */
      statusRule: z.enum(['check', 'none']).default('check'),
      /** a refund column: `auto` deducts it unless the amount is shown to be net of it already */
      refunds: z.enum(['auto', 'deduct', 'included']).default('auto'),
      dropExactDuplicates: z.boolean().default(true),
    })
    .prefault({}),
  rfm: z
    .strictObject({
      windowMonths: z.number().int().min(0).default(12),
      /** 5×5 grid, rows R=1..5, columns F=1..5, cells are segment ids */
      grid: z.array(z.array(z.string()).length(5)).length(5).default(defaultRfmGrid),
    })
    .prefault({}),
  valueTier: z
    .strictObject({
      windowMonths: z.number().int().min(1).default(12),
      cuts: z.strictObject({ A: z.number().default(0.8), B: z.number().default(0.95) }).prefault({}),
    })
    .prefault({}),
  sla: z
    .strictObject({
      responseHours: z.number().positive().default(24),
      visitHours: z.number().positive().default(48),
    })
    .prefault({}),
  survey: z.strictObject({ minResponses: z.number().int().min(1).default(30) }).prefault({}),
  scoring: z
    .strictObject({
      cap: z.number().positive().default(1.2),
      grades: z
        .strictObject({ target: gradeBands.prefault({}), relative: relativeBands.prefault({}) })
        .prefault({}),
    })
    .prefault({}),
  weighting: z.strictObject({ alpha: z.number().min(0).max(1).default(0.5) }).prefault({}),
  privacy: z.strictObject({ showContactDetails: z.boolean().default(false) }).prefault({}),
  /** customer-base models: BG/NBD, Gamma-Gamma, customer value (docs/metrics.md#customer-base) */
  customerBase: z
    .strictObject({
      /** the models' time unit */
      timeUnit: z.enum(['day', 'week', 'month']).default('week'),
      /** YYYY-MM-DD, last day of the fitted history; default: asOf */
      calibrationEnd: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'customerBase.calibrationEnd must be YYYY-MM-DD')
        .optional(),
      /** months of expected customer value */
      horizonMonths: z.number().int().min(1).max(120).default(12),
      /** discount rate per month for customer value (0.01 ≈ 12.7 % a year) */
      monthlyDiscountRate: z.number().min(0).max(1).default(0.01),
      /** below this P(alive) a customer may be "at risk" */
      pAliveThreshold: z.number().gt(0).lt(1).default(0.5),
      /** "high value": value-if-active at or above this quantile among repeat customers */
      highValueQuantile: z.number().min(0).max(1).default(0.5),
    })
    .prefault({}),
  /** sites for audiences that may see only some teams' rows (docs/hosting.md) */
  audiences: z.record(audienceName, audienceSettings).default({}),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

/** The configuration with every default applied. */
export const defaultConfig = (): Config => configSchema.parse({});
