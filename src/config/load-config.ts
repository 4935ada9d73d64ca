import { posix } from 'node:path';
import type { z } from 'zod';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { FileSystem } from '../lib/effects.ts';
import { MAX_ALIAS_COUNT, readYaml } from '../lib/safe-yaml.ts';
import { closest } from '../lib/closest.ts';
import { isValidTimeZone } from '../lib/time-zone.ts';
import { configSchema, type Config } from './schema.ts';

/**
 * data/config.yaml → Config. A missing file means every default. Errors name the file, the key
 * path and what is allowed; an unknown key suggests the closest valid one (edit distance), e.g.
 * `sla.responsHours` → "did you mean responseHours?". All problems are reported at once.
 */
export type LoadConfigResult = { ok: true; config: Config } | { ok: false; error: BuildError };

export const CONFIG_FILE = 'config.yaml';

export async function loadConfig(dataDir: string, fs: FileSystem): Promise<LoadConfigResult> {
  const path = posix.join(dataDir, CONFIG_FILE);
  if (!(await fs.exists(path))) return parseConfig('');
  const bytes = await fs.readFile(path);
  return parseConfig(new TextDecoder('utf-8').decode(bytes));
}

/** Parse and validate config text (what loadConfig does after reading the file). */
export function parseConfig(text: string): LoadConfigResult {
  const doc = readYaml(text);
  if (!doc.ok) {
    const line = doc.line;
    if (doc.aliases) {
      return {
        ok: false,
        error: buildError({
          code: 'config_syntax', file: CONFIG_FILE,
          message: {
            en: `${CONFIG_FILE}: refused, its YAML aliases (*name) expand too far (${doc.reason}); an alias bomb or a runaway copy.`,
            'zh-CN': `${CONFIG_FILE}：已拒绝读取，其中的 YAML 别名（*name）展开过多（${doc.reason}），可能是恶意的“别名炸弹”。`,
          },
          hint: {
            en: `Write the settings out instead of repeating them through anchors (&name) and aliases (*name); at most ${MAX_ALIAS_COUNT} alias uses.`,
            'zh-CN': `请直接写出设置，不要通过锚点（&name）和别名（*name）反复引用；别名最多使用 ${MAX_ALIAS_COUNT} 次。`,
          },
        }),
      };
    }
    return {
      ok: false,
      error: buildError({
        code: 'config_syntax', file: CONFIG_FILE, line,
        message: {
          en: `${CONFIG_FILE}${line ? `, line ${line}` : ''}: not valid YAML (${doc.reason}).`,
          'zh-CN': `${CONFIG_FILE}${line ? ` 第 ${line} 行` : ''}：YAML 格式错误（${doc.reason}）。`,
        },
        hint: {
          en: 'Indent nested keys with spaces (not tabs) and put a space after each colon, e.g. `sla:\\n  responseHours: 24`.',
          'zh-CN': '嵌套的键用空格缩进（不要用 Tab），冒号后加空格，例如 `sla:\\n  responseHours: 24`。',
        },
      }),
    };
  }
  const raw: unknown = doc.value ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      error: buildError({
        code: 'config_invalid', file: CONFIG_FILE,
        message: { en: `${CONFIG_FILE} must be a map of settings (key: value).`, 'zh-CN': `${CONFIG_FILE} 必须是“键: 值”形式的设置。` },
      }),
    };
  }
  const r = configSchema.safeParse(raw);
  if (r.success) {
    if (!isValidTimeZone(r.data.timezone)) {
      return {
        ok: false,
        error: buildError({
          code: 'config_invalid', file: CONFIG_FILE, field: 'timezone',
          message: {
            en: `${CONFIG_FILE}: timezone "${r.data.timezone}" is not an IANA time zone (allowed: names like Asia/Shanghai, Europe/London, UTC).`,
            'zh-CN': `${CONFIG_FILE}：timezone “${r.data.timezone}”不是有效的 IANA 时区（例如 Asia/Shanghai、Europe/London、UTC）。`,
          },
          hint: { en: 'timezone: Asia/Shanghai', 'zh-CN': 'timezone: Asia/Shanghai' },
        }),
      };
    }
    return { ok: true, config: r.data };
  }
  const problems = r.error.issues.flatMap((i) => describeIssue(i));
  const first = problems[0]!;
  return {
    ok: false,
    error: buildError({
      code: 'config_invalid',
      file: CONFIG_FILE,
      field: first.path,
      message: {
        en: `${CONFIG_FILE}: ${problems.map((p) => p.en).join('; ')}`,
        'zh-CN': `${CONFIG_FILE}：${problems.map((p) => p['zh-CN']).join('；')}`,
      },
      hint: first.hint,
    }),
  };
}

interface Problem { path: string; en: string; 'zh-CN': string; hint: { en: string; 'zh-CN': string } | null }

const pathText = (p: readonly PropertyKey[]) => p.map(String).join('.') || '(top level)';

function describeIssue(issue: z.core.$ZodIssue): Problem[] {
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysAt(issue.path);
    return issue.keys.map((k) => {
      const full = issue.path.length ? `${where}.${k}` : k;
      const near = closest(k, allowed);
      return {
        path: full,
        en: `unknown key ${full}${near ? ` (did you mean ${near}?)` : ''}; allowed here: ${allowed.join(', ')}`,
        'zh-CN': `未知的设置项 ${full}${near ? `（是否应为 ${near}？）` : ''}；此处可用：${allowed.join('、')}`,
        hint: near
          ? { en: `Rename ${full} to ${issue.path.length ? where + '.' : ''}${near}.`, 'zh-CN': `把 ${full} 改为 ${issue.path.length ? where + '.' : ''}${near}。` }
          : null,
      };
    });
  }
  let allowed = '';
  if (issue.code === 'invalid_value') allowed = issue.values.map((v) => JSON.stringify(v)).join(' | ');
  else if (issue.code === 'invalid_type') allowed = `a ${issue.expected}`;
  else if (issue.code === 'too_small') allowed = `≥ ${String(issue.minimum)}`;
  else if (issue.code === 'too_big') allowed = `≤ ${String(issue.maximum)}`;
  const what = issue.code === 'invalid_value' ? 'not one of the allowed values' : issue.message;
  return [{
    path: where,
    en: `${where}: ${what}${allowed ? ` (allowed: ${allowed})` : ''}`,
    'zh-CN': `${where}：取值无效${allowed ? `（允许：${allowed}）` : ''}（${issue.message}）`,
    hint: null,
  }];
}

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

function unwrap(s: z.ZodType): z.ZodType {
  let d = defOf(s);
  while (d.innerType) { s = d.innerType; d = defOf(s); }
  return s;
}

/** the valid keys of the object at `path` in the config schema */
export function keysAt(path: readonly PropertyKey[]): string[] {
  let s: z.ZodType = configSchema;
  for (const p of path) {
    s = unwrap(s);
    const d = defOf(s);
    if (d.type === 'object' && d.shape) s = d.shape[String(p)] ?? s;
    else if (d.type === 'record' && d.valueType) s = d.valueType;
    else if (d.type === 'array' && d.element) s = d.element;
    else return [];
  }
  const d = defOf(unwrap(s));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}
