import { z } from 'zod';
import { id, num, period, text } from './fields.ts';

/** targets.csv: a target for one KPI, one person or team, one period (考核目标). */
export const targetRow = z.object({
  staff_id: id().nullable(),
  team: text().nullable(),
  period: period(),
  kpi: id(),
  target: num(),
});
export type TargetRow = z.infer<typeof targetRow>;
