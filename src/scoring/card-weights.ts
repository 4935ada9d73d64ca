import { buildError, type BuildError } from '../lib/build-error.ts';
import type { RoleCardData } from '../roles/role-card.ts';
import { ahp, reciprocalMatrix, worstJudgement, type AhpResult } from './ahp.ts';
import { expertWeights } from './expert-weights.ts';

/** The card's subjective weights: AHP when it has a matrix (methods ahp, combined), else expert. */
export type CardWeights =
  | { ok: true; kind: 'ahp'; weights: number[]; ahp: AhpResult }
  | { ok: true; kind: 'expert'; weights: number[]; normalised: boolean; sum: number }
  | { ok: true; kind: 'none' }
  | { ok: false; error: BuildError };

const fileOf = (card: RoleCardData & { file?: string }) => card.file ?? `roles/${card.id}.md`;

/** Period-independent weights of a card (nothing for pure entropy), with the build-stopping checks. */
export function cardWeights(card: RoleCardData & { file?: string }): CardWeights {
  const { method, ahp: triangle } = card.weighting;
  if (method === 'entropy') return { ok: true, kind: 'none' };
  if (triangle && (method === 'ahp' || method === 'combined')) {
    const r = ahp(reciprocalMatrix(triangle));
    if (r.cr >= 0.1) {
      const { i, j, value, implied } = worstJudgement(r.matrix, r.weights);
      const ki = card.kpis[i].id;
      const kj = card.kpis[j].id;
      const fmt = (x: number) => (x >= 1 ? x.toFixed(2).replace(/\.?0+$/, '') : `1/${(1 / x).toFixed(2).replace(/\.?0+$/, '')}`);
      return {
        ok: false,
        error: buildError({
          code: 'ahp_inconsistent',
          file: fileOf(card),
          field: `weighting.ahp[${i}][${j - i}]`,
          message: {
            en: `role card "${card.id}" (${card.title.en}): the AHP matrix is inconsistent, CR = ${r.cr.toFixed(3)} ≥ 0.10. The judgement farthest from the derived weights is a(${ki}, ${kj}) = ${fmt(value)}, while the weights imply about ${fmt(implied)}`,
            'zh-CN': `岗位卡 "${card.id}"（${card.title['zh-CN']}）：AHP 判断矩阵不一致，CR = ${r.cr.toFixed(3)} ≥ 0.10。与权重偏离最大的判断是 a(${ki}, ${kj}) = ${fmt(value)}，而权重所隐含的约为 ${fmt(implied)}`,
          },
          hint: {
            en: `revise weighting.ahp row ${i + 1}, entry ${j - i + 1} (${ki} vs ${kj}) so the judgements agree with each other`,
            'zh-CN': `请修改 weighting.ahp 第 ${i + 1} 行第 ${j - i + 1} 个数（${ki} 与 ${kj} 的比较），使各判断相互一致`,
          },
        }),
      };
    }
    return { ok: true, kind: 'ahp', weights: r.weights, ahp: r };
  }
  const e = expertWeights(card.kpis.map((k) => k.weight ?? 0));
  if (!e.ok) {
    return {
      ok: false,
      error: buildError({ code: e.code, file: fileOf(card), field: 'kpis[].weight', message: { en: `role card "${card.id}": ${e.message.en}`, 'zh-CN': `岗位卡 "${card.id}"：${e.message['zh-CN']}` } }),
    };
  }
  return { ok: true, kind: 'expert', weights: e.weights, normalised: e.normalised, sum: e.sum };
}

/** The build-stopping checks only. */
export function checkCardWeights(card: RoleCardData & { file?: string }): { ok: true } | { ok: false; error: BuildError } {
  const r = cardWeights(card);
  return r.ok ? { ok: true } : r;
}

/** Every card's build-stopping weight checks, in file order: the first failure stops the build. */
export function checkRoleCards(cards: readonly (RoleCardData & { file?: string })[]): { ok: true } | { ok: false; error: BuildError } {
  for (const card of cards) {
    const w = checkCardWeights(card);
    if (!w.ok) return w;
  }
  return { ok: true };
}
