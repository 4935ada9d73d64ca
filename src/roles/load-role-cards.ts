import { buildError, type BuildError } from '../lib/build-error.ts';
import type { FileSystem } from '../lib/effects.ts';
import { readYaml } from '../lib/safe-yaml.ts';
import { splitCardBody } from './card-body.ts';
import { validateRoleCard, type RoleCard } from './role-card.ts';

export type LoadRoleCards = { ok: true; cards: RoleCard[] } | { ok: false; error: BuildError };

const frontMatterRE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Split `---\n<yaml>\n---\n<markdown>`; null when the file has no front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const m = frontMatterRE.exec(text);
  if (!m) return null;
  return { yaml: m[1], body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/**
 * Read and validate every data/roles/*.md (sorted by file name). `dir` is the roles folder;
 * errors name the file as `roles/<name>.md`. Also checks that id = file name. The weights'
 * checks (an AHP matrix consistent enough, CR < 0.10) are scoring's: `checkRoleCards` in
 * src/scoring/card-weights.ts, run by the build right after loading, before Astro runs.
 * A missing folder gives no cards (the default cards ship in data/roles).
 */
export async function loadRoleCards(dir: string, fs: FileSystem): Promise<LoadRoleCards> {
  if (!(await fs.exists(dir))) return { ok: true, cards: [] };
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const cards: RoleCard[] = [];
  for (const name of names) {
    const file = `roles/${name}`;
    const text = new TextDecoder('utf-8').decode(await fs.readFile(`${dir.replace(/\/$/, '')}/${name}`));
    const parts = splitFrontMatter(text);
    if (!parts) {
      return {
        ok: false,
        error: buildError({
          code: 'role_card_no_front_matter',
          file,
          line: 1,
          message: { en: 'a role card starts with YAML front matter between --- lines', 'zh-CN': '岗位卡必须以 --- 包围的 YAML 前置信息开头' },
        }),
      };
    }
    const yaml = readYaml(parts.yaml);
    if (!yaml.ok) {
      // +1: the front matter starts after the opening --- line
      const line = yaml.line != null ? yaml.line + 1 : null;
      const what = yaml.aliases
        ? { en: `the front matter is refused: its YAML aliases expand too far (${yaml.reason})`, 'zh-CN': `前置信息已拒绝读取：YAML 别名展开过多（${yaml.reason}）` }
        : { en: `the front matter is not valid YAML: ${yaml.reason}`, 'zh-CN': `前置信息不是有效的 YAML：${yaml.reason}` };
      return { ok: false, error: buildError({ code: 'role_card_yaml', file, line, message: what }) };
    }
    const data = yaml.value;
    const v = validateRoleCard(data, file);
    if (!v.ok) return v;
    const expectedId = name.slice(0, -'.md'.length);
    if (v.card.id !== expectedId) {
      return {
        ok: false,
        error: buildError({
          code: 'role_card_id',
          file,
          field: 'id',
          message: { en: `id "${v.card.id}" must equal the file name "${expectedId}"`, 'zh-CN': `id "${v.card.id}" 必须与文件名 "${expectedId}" 一致` },
        }),
      };
    }
    const body = splitCardBody(parts.body, file, parts.bodyLine);
    if (!body.ok) return body;
    const card: RoleCard = { ...v.card, file, body: body.body };
    cards.push(card);
  }
  const reports = checkReportsTo(cards);
  return reports ? { ok: false, error: reports } : { ok: true, cards };
}

/** `reportsTo: <id>` names another card (shown as its title and link); a role without a card is written as a title in both languages. */
function checkReportsTo(cards: readonly RoleCard[]): BuildError | null {
  const ids = new Set(cards.map((c) => c.id));
  const bad = cards.find((c) => typeof c.reportsTo === 'string' && !ids.has(c.reportsTo));
  if (!bad) return null;
  const id = bad.reportsTo as string;
  return buildError({
    code: 'role_card_reports_to',
    file: bad.file,
    field: 'reportsTo',
    message: {
      en: `reportsTo "${id}" is not the id of a role card (cards: ${[...ids].join(', ')})`,
      'zh-CN': `reportsTo "${id}" 不是任何岗位卡的 id（现有岗位卡：${[...ids].join('、')}）`,
    },
    hint: {
      en: `write a card's id, or for a role without a card its title in both languages: reportsTo: { zh-CN: 销售总监, en: Sales director }`,
      'zh-CN': `请写岗位卡的 id；没有岗位卡的上级岗位请写两种语言的名称：reportsTo: { zh-CN: 销售总监, en: Sales director }`,
    },
  });
}
