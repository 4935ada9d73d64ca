import { z } from 'zod';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { Localized } from '../model/kpi.ts';
import { kpiById, kpiCatalogue } from '../metrics/kpi-catalogue.ts';

/**
 * The front matter of a role card (岗位卡), data/roles/<id>.md, exactly as in
 * docs/data.md ("Role cards"). Objects are strict so a typo is an error that names the
 * field.
 */

const text = z.string().trim().min(1);
/** Every text shown on the site exists in both languages. */
export const localized = z.strictObject({ 'zh-CN': text, en: text });

/** A pairwise judgement: a number or a fraction such as `1/3` (YAML reads that as a string). */
const judgement = z.union([
  z.number(),
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*(\/\s*\d+(\.\d+)?\s*)?$/, 'a number or a fraction such as 1/3')
    .transform((s) => s.split('/').map(Number).reduce((a, b) => a / b)),
]);

/** `2026-09-01`: a string from the core schema (src/lib/safe-yaml.ts); a Date from a YAML 1.1 reader. */
const isoDate = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

export const weightingMethods = ['expert', 'ahp', 'entropy', 'combined'] as const;
export type WeightingMethod = (typeof weightingMethods)[number];

const cardKpi = z.strictObject({
  /** a KPI id from src/metrics/kpi-catalogue.ts */
  id: text,
  /** expert weight (method expert, or combined without an AHP matrix) */
  weight: z.number().min(0).optional(),
  /** default target in the KPI's unit when targets.csv has none */
  target: z.number().optional(),
  /** attainment cap, default config scoring.cap */
  cap: z.number().positive().optional(),
});

const duty = z.strictObject({
  name: localized,
  /** the work standard (工作标准), e.g. 新客户 24 小时内建档 */
  standard: localized,
  /** the record that evidences it */
  evidence: localized,
  kpis: z.array(text).optional(),
});

const baseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id with letters, digits and dashes (the file name)'),
  title: localized,
  summary: localized,
  /** the id of another card, or the title of a role without a card */
  reportsTo: z.union([text, localized]).optional(),
  duties: z.array(duty).min(1),
  kpis: z.array(cardKpi).min(1),
  weighting: z.strictObject({
    method: z.enum(weightingMethods),
    /** upper triangle of the pairwise matrix in kpis order, diagonal 1s included */
    ahp: z.array(z.array(judgement)).optional(),
    /** combined: weight of the subjective part (default config weighting.alpha) */
    alpha: z.number().min(0).max(1).optional(),
  }),
  skills: z.array(z.strictObject({ name: localized, level: z.number().int().min(1).max(5) })),
  workflow: z.array(localized),
  training: z.array(z.strictObject({ topic: localized, hours: z.number().positive() })),
  incentives: localized,
  review: z.strictObject({ version: z.number().int().positive(), reviewedAt: isoDate, reviewedBy: text }),
});

type Ctx = z.core.$RefinementCtx<z.output<typeof baseSchema>>;
const issue = (ctx: Ctx, path: (string | number)[], en: string, zh: string) =>
  ctx.addIssue({ code: 'custom', path, message: en, params: { zh } });

export const roleCardSchema = baseSchema.superRefine((card, ctx) => {
  const ids = card.kpis.map((k) => k.id);
  card.kpis.forEach((k, j) => {
    if (!kpiById.has(k.id)) {
      const close = closestKpiIds(k.id).join(', ');
      issue(ctx, ['kpis', j, 'id'], `unknown KPI id "${k.id}"; close valid ids: ${close}`, `未知的指标 id "${k.id}"；相近的有效 id：${close}`);
    }
    if (ids.indexOf(k.id) !== j) issue(ctx, ['kpis', j, 'id'], `KPI "${k.id}" is listed twice`, `指标 "${k.id}" 重复出现`);
  });
  card.duties.forEach((d, i) =>
    (d.kpis ?? []).forEach((id, k) => {
      if (!ids.includes(id)) {
        issue(ctx, ['duties', i, 'kpis', k], `"${id}" is not one of this card's kpis (${ids.join(', ')})`, `"${id}" 不在本岗位卡的 kpis 中（${ids.join(', ')}）`);
      }
    }),
  );
  const { method, ahp } = card.weighting;
  const needsExpert = method === 'expert' || (method === 'combined' && !ahp);
  if (needsExpert) {
    card.kpis.forEach((k, j) => {
      if (k.weight == null) {
        issue(ctx, ['kpis', j, 'weight'], `weight is required when weighting.method is ${method}${method === 'combined' ? ' without an ahp matrix' : ''}`, `weighting.method 为 ${method}${method === 'combined' ? '且未给出 ahp 矩阵' : ''}时必须给出 weight`);
      }
    });
  }
  if (method === 'ahp' && !ahp) {
    issue(ctx, ['weighting', 'ahp'], 'weighting.method ahp needs the upper triangle of the pairwise matrix in weighting.ahp', 'weighting.method 为 ahp 时必须在 weighting.ahp 中给出判断矩阵的上三角');
  }
  if (ahp) checkTriangle(ahp, card.kpis.length, ctx);
});

/** Row i of the upper triangle holds a_ii … a_in: n − i entries, the first being 1, all positive. */
function checkTriangle(rows: number[][], n: number, ctx: Ctx): void {
  const shape = Array.from({ length: n }, (_, i) => n - i).join(', ');
  if (rows.length !== n) {
    issue(ctx, ['weighting', 'ahp'], `the AHP triangle has ${rows.length} rows but the card has ${n} kpis: it needs ${n} rows of ${shape} entries (diagonal 1 first)`, `AHP 上三角有 ${rows.length} 行，但岗位卡有 ${n} 个指标：需要 ${n} 行，每行依次 ${shape} 个数（以对角线的 1 开头）`);
    return;
  }
  // A full n×n matrix instead of the triangle (robustness fix: it used to get the generic "row 2
  // has 3 entries" message). Say that only the upper triangle is written, and when the lower half
  // is not the reciprocal of the upper one, name the first pair that breaks a_ji = 1/a_ij.
  if (n > 1 && rows.every((r) => r.length === n)) {
    let bad: string | null = null;
    for (let i = 0; i < n && !bad; i++) {
      for (let j = i + 1; j < n && !bad; j++) {
        const a = rows[i]![j]!, b = rows[j]![i]!;
        if (!(Math.abs(a * b - 1) < 1e-6)) bad = `a_${j + 1}${i + 1} = ${round(b)} but 1/a_${i + 1}${j + 1} = ${round(1 / a)}`;
      }
    }
    const why = bad ? ` and it is not reciprocal (${bad})` : '';
    const zhWhy = bad ? `，且不互反（${bad}）` : '';
    issue(ctx, ['weighting', 'ahp'], `weighting.ahp is a full ${n}×${n} matrix${why}: write only the upper triangle, rows of ${shape} entries (diagonal 1 first); the lower half is always a_ji = 1/a_ij`, `weighting.ahp 是完整的 ${n}×${n} 矩阵${zhWhy}：只需写上三角，各行依次 ${shape} 个数（以对角线的 1 开头）；下三角总是 a_ji = 1/a_ij`);
    return;
  }
  rows.forEach((row, i) => {
    if (row.length !== n - i) {
      issue(ctx, ['weighting', 'ahp', i], `row ${i + 1} of the AHP triangle has ${row.length} entries, expected ${n - i} (a_${i + 1}${i + 1} = 1 then one judgement per later KPI; rows have ${shape} entries)`, `AHP 上三角第 ${i + 1} 行有 ${row.length} 个数，应为 ${n - i} 个（先是对角线 1，再是与其后每个指标的比较；各行依次 ${shape} 个）`);
      return;
    }
    if (row[0] !== 1) {
      issue(ctx, ['weighting', 'ahp', i, 0], `row ${i + 1} of the AHP triangle must start with the diagonal 1, found ${row[0]}`, `AHP 上三角第 ${i + 1} 行必须以对角线的 1 开头，实际为 ${row[0]}`);
    }
    row.forEach((v, k) => {
      if (k > 0 && !(Number.isFinite(v) && v > 0)) {
        issue(ctx, ['weighting', 'ahp', i, k], `judgement a_${i + 1}${i + k + 1} must be a positive number (1/9 … 9), found ${v}`, `判断值 a_${i + 1}${i + k + 1} 必须为正数（1/9 … 9），实际为 ${v}`);
      }
    });
  });
}

export type RoleCardData = z.output<typeof roleCardSchema>;
/** A validated card with where it came from and its Markdown body, per language (card-body.ts). */
export type RoleCard = RoleCardData & { file: string; body: Localized };

/** Levenshtein distance (small strings only). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The three catalogue ids closest to `id`. */
export function closestKpiIds(id: string, count = 3): string[] {
  const q = id.toLowerCase();
  return kpiCatalogue
    .map((k) => ({ id: k.id, d: distance(q, k.id) - (k.id.includes(q) || q.includes(k.id) ? 2 : 0) }))
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
    .slice(0, count)
    .map((k) => k.id);
}

/** `['kpis', 2, 'id']` → `kpis[2].id` */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

/** One zod issue in words, both languages. */
function describe(i: z.core.$ZodIssue): Localized {
  const field = fieldPath(i.path);
  const last = i.path[i.path.length - 1];
  switch (i.code) {
    case 'custom': {
      const zh = (i.params as { zh?: string } | undefined)?.zh;
      return { en: i.message, 'zh-CN': zh ?? i.message };
    }
    case 'invalid_type':
      if (i.input === undefined) {
        if (last === 'zh-CN' || last === 'en') {
          const parent = fieldPath(i.path.slice(0, -1));
          return {
            en: `missing language "${String(last)}" in ${parent}: every text needs both zh-CN and en`,
            'zh-CN': `${parent} 缺少语言 "${String(last)}"：每段文字都需要 zh-CN 和 en 两种语言`,
          };
        }
        return { en: `missing required field ${field} (expected ${i.expected})`, 'zh-CN': `缺少必填字段 ${field}（应为 ${i.expected}）` };
      }
      return { en: `${field} must be ${i.expected}, found ${typeOf(i.input)}`, 'zh-CN': `${field} 应为 ${i.expected}，实际为 ${typeOf(i.input)}` };
    case 'invalid_value': {
      const allowed = i.values.map(String).join(', ');
      return { en: `${field} must be one of: ${allowed}`, 'zh-CN': `${field} 只能取：${allowed}` };
    }
    case 'unrecognized_keys': {
      const keys = i.keys.join(', ');
      return { en: `unknown field(s) ${keys}${field ? ` in ${field}` : ''}`, 'zh-CN': `${field ? field + ' 中' : ''}有未知字段 ${keys}` };
    }
    case 'too_small':
      if (i.origin === 'array') return { en: `${field} needs at least ${i.minimum} entr${i.minimum === 1 ? 'y' : 'ies'}`, 'zh-CN': `${field} 至少需要 ${i.minimum} 项` };
      if (i.origin === 'string') return { en: `${field} must not be empty`, 'zh-CN': `${field} 不能为空` };
      return { en: `${field} must be ${i.inclusive ? '≥' : '>'} ${i.minimum}`, 'zh-CN': `${field} 必须${i.inclusive ? '≥' : '>'} ${i.minimum}` };
    case 'too_big':
      return { en: `${field} must be ${i.inclusive ? '≤' : '<'} ${i.maximum}`, 'zh-CN': `${field} 必须${i.inclusive ? '≤' : '<'} ${i.maximum}` };
    case 'invalid_union':
      return { en: `${field} is not valid: ${i.message}`, 'zh-CN': `${field} 无效：${i.message}` };
    default:
      return { en: `${field}: ${i.message}`, 'zh-CN': `${field}：${i.message}` };
  }
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : `${typeof v} ${JSON.stringify(v)}`);

/** Validate parsed front matter; `file` is the path relative to data/ (e.g. `roles/account-manager.md`). */
export function validateRoleCard(data: unknown, file: string): { ok: true; card: RoleCardData } | { ok: false; error: BuildError } {
  const r = roleCardSchema.safeParse(data, { reportInput: true });
  if (r.success) return { ok: true, card: r.data };
  const [first, ...rest] = r.error.issues;
  const msg = describe(first);
  const more = rest.length
    ? { en: ` (and ${rest.length} more: ${rest.slice(0, 4).map((i) => describe(i).en).join('; ')})`, 'zh-CN': `（另有 ${rest.length} 处：${rest.slice(0, 4).map((i) => describe(i)['zh-CN']).join('；')}）` }
    : { en: '', 'zh-CN': '' };
  return {
    ok: false,
    error: buildError({
      code: 'role_card_invalid',
      file,
      field: fieldPath(first.path) || null,
      message: { en: `${msg.en}${more.en}`, 'zh-CN': `${msg['zh-CN']}${more['zh-CN']}` },
      hint: {
        en: 'Role cards are described in docs/data.md#role-cards; KPI ids are listed in docs/metrics.md.',
        'zh-CN': '岗位卡格式见 docs/data.md#role-cards；指标 id 见 docs/metrics.md。',
      },
    }),
  };
}

/** a judgement for a message: 0.333… → 0.333 */
const round = (v: number) => Math.round(v * 1000) / 1000;
