import type { KpiRow } from '../../src/model/kpi.ts';
import type { Dataset } from '../../src/model/tables.ts';
import { validateRoleCard, type RoleCardData } from '../../src/roles/role-card.ts';

type CardKpi = { id: string; weight?: number; target?: number; cap?: number };

/** A valid role card with the given KPIs and weighting (validated by the real schema). */
export function card(id: string, kpis: CardKpi[], weighting: Record<string, unknown>, title = 'Test role'): RoleCardData {
  const l = (s: string) => ({ 'zh-CN': s, en: s });
  const r = validateRoleCard(
    {
      id,
      title: l(title),
      summary: l('summary'),
      duties: [{ name: l('duty'), standard: l('standard'), evidence: l('evidence') }],
      kpis,
      weighting,
      skills: [],
      workflow: [],
      training: [],
      incentives: l('bonus'),
      review: { version: 1, reviewedAt: '2026-09-01', reviewedBy: 'HR' },
    },
    `roles/${id}.md`,
  );
  if (!r.ok) throw new Error(r.error.message.en);
  return r.card;
}

export function staffTable(rows: { staff_id: string; role: string; team?: string; active?: boolean }[]): NonNullable<Dataset['staff']> {
  return {
    name: 'staff',
    rows: rows.length,
    line: rows.map((_, i) => i + 2),
    columns: {
      staff_id: rows.map((r) => r.staff_id),
      name: rows.map((r) => r.staff_id.toUpperCase()),
      role: rows.map((r) => r.role),
      team: rows.map((r) => r.team ?? null),
      manager_id: rows.map(() => null),
      region: rows.map(() => null),
      hired_at: rows.map(() => null),
      active: rows.map((r) => r.active ?? true),
    },
  } as NonNullable<Dataset['staff']>;
}

/** KPI rows for one period and grain: { entity: { kpi: value } }. */
export function kpiRows(
  period: string,
  values: Record<string, Record<string, number | null>>,
  entity_type: 'person' | 'team' = 'person',
  grain: KpiRow['grain'] = 'quarter',
): KpiRow[] {
  return Object.entries(values).flatMap(([entity_id, kv]) =>
    Object.entries(kv).map(([kpi, value]) => ({
      entity_type,
      entity_id,
      grain,
      period,
      kpi,
      value,
      numerator: null,
      denominator: null,
      n: 1,
      reason: value == null ? 'no_data' : null,
    })),
  );
}

export function targetsTable(rows: { staff_id?: string; team?: string; period: string; kpi: string; target: number }[]): NonNullable<Dataset['targets']> {
  return {
    name: 'targets',
    rows: rows.length,
    line: rows.map((_, i) => i + 2),
    columns: {
      staff_id: rows.map((r) => r.staff_id ?? null),
      team: rows.map((r) => r.team ?? null),
      period: rows.map((r) => r.period),
      kpi: rows.map((r) => r.kpi),
      target: rows.map((r) => r.target),
    },
  } as NonNullable<Dataset['targets']>;
}
