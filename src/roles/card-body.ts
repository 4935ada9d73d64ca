import { buildError, type BuildError } from '../lib/build-error.ts';
import type { Localized } from '../model/kpi.ts';

/**
 * A role card's Markdown body in the page's language only. One card holds both languages in
 * sections started by a marker line (an HTML comment, invisible in any Markdown preview):
 *
 *   <!-- lang: zh-CN -->   what follows is shown on Chinese pages only
 *   <!-- lang: en -->      … on English pages only
 *   <!-- lang: all -->     … on both
 *
 * Text before the first marker is shown in both languages (a card without markers is shown
 * whole on both pages). Markers inside fenced code blocks are text. An unknown language in a
 * marker stops the build with the card's file and line (docs/data.md, "Role cards").
 */
export type CardBodies = { ok: true; body: Localized } | { ok: false; error: BuildError };

const MARKER = /^\s*<!--\s*lang\s*:\s*([^\s>]*)\s*-->\s*$/i;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const TARGETS: Record<string, readonly (keyof Localized)[]> = { 'zh-cn': ['zh-CN'], zh: ['zh-CN'], en: ['en'], all: ['zh-CN', 'en'] };

/** `file` and `firstLine` (the body's first line in the file) place an error. */
export function splitCardBody(body: string, file: string, firstLine: number): CardBodies {
  const out: Record<keyof Localized, string[]> = { 'zh-CN': [], en: [] };
  let targets: readonly (keyof Localized)[] = TARGETS.all!;
  let fence: string | null = null;
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line)?.[1];
    if (f && (fence === null || (f[0] === fence[0] && f.length >= fence.length))) fence = fence === null ? f : null;
    const m = fence === null ? MARKER.exec(line) : null;
    if (!m) {
      for (const l of targets) out[l].push(line);
      continue;
    }
    const next = TARGETS[m[1]!.toLowerCase()];
    if (!next) {
      return {
        ok: false,
        error: buildError({
          code: 'role_card_language',
          file,
          line: firstLine + i,
          message: {
            en: `unknown language "${m[1]}" in a language marker: write <!-- lang: zh-CN -->, <!-- lang: en --> or <!-- lang: all -->`,
            'zh-CN': `语言标记中的语言 "${m[1]}" 无法识别：请写 <!-- lang: zh-CN -->、<!-- lang: en --> 或 <!-- lang: all -->`,
          },
        }),
      };
    }
    targets = next;
  }
  return { ok: true, body: { 'zh-CN': out['zh-CN'].join('\n').trim(), en: out.en.join('\n').trim() } };
}
