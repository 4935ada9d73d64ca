import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../src/config/schema.ts';
import { formatBuildError } from '../../src/lib/build-error.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';
import { loadRoleCards } from '../../src/roles/load-role-cards.ts';
import { scoreRoles } from '../../src/scoring/index.ts';
import { kpiRows, staffTable } from './helpers.ts';

describe('the shipped role cards score end to end', () => {
  it('one person per role with every KPI at its card target scores 100; the CRM specialist is relative', async () => {
    const loaded = await loadRoleCards(fileURLToPath(new URL('../../data/roles', import.meta.url)), nodeEffects().fs);
    if (!loaded.ok) throw new Error(formatBuildError(loaded.error));
    const P = '2026-Q2';
    const people = loaded.cards.flatMap((c) => [{ staff_id: `${c.id}-1`, role: c.id }, { staff_id: `${c.id}-2`, role: c.id }]);
    const values: Record<string, Record<string, number>> = {};
    for (const c of loaded.cards) {
      // at target (attainment 1 → 100); the relative role gets two different people
      for (const n of [1, 2]) values[`${c.id}-${n}`] = Object.fromEntries(c.kpis.map((k, j) => [k.id, k.target ?? n * 10 + j]));
    }
    const r = scoreRoles({ cards: loaded.cards, kpis: kpiRows(P, values), staff: staffTable(people), targets: null, config: defaultConfig(), grain: 'quarter', periods: [P] });
    if (!r.ok) throw new Error(formatBuildError(r.error));
    expect(r.warnings).toEqual([]);
    for (const s of r.scores) {
      if (s.role === 'crm-specialist') {
        expect(s.mode).toBe('relative');
        // person 2 is higher on every KPI: z = 1 everywhere → 100; person 1 → 0
        expect(s.score).toBeCloseTo(s.staff_id.endsWith('-2') ? 100 : 0, 10);
      } else {
        expect(s.mode).toBe('target');
        expect(s.score).toBeCloseTo(100, 10);
        expect(s.grade).toBe('A');
      }
    }
    const w = new Map(r.weights.map((x) => [x.role, x]));
    for (const x of w.values()) expect(x.weights.reduce((a, b) => a + b.weight, 0)).toBeCloseTo(1, 12);
    expect(w.get('account-manager')!.ahp!.cr).toBeLessThan(0.1);
    // revenue is judged the most important KPI of the account manager
    const am = w.get('account-manager')!.weights;
    expect(am[0].kpi).toBe('revenue');
    expect(Math.max(...am.map((x) => x.weight))).toBe(am[0].weight);
  });
});
