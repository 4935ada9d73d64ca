import { z } from 'zod';
import { id, num, oneOf, period, text } from './fields.ts';

/**
 * targets.csv: a target for one KPI, one person, team or the whole company, one period (考核目标).
 * `entity` is optional: a row naming a staff_id is a person target, else a team target; `company`
 * (公司) makes it the company's own target (no staff_id or team needed).
 */
export const targetRow = z.object({
  entity: oneOf(['person', 'team', 'company'], { 个人: 'person', 员工: 'person', 团队: 'team', 公司: 'company', 全公司: 'company' }).nullable(),
  staff_id: id().nullable(),
  team: text().nullable(),
  period: period(),
  kpi: id(),
  target: num(),
});
export type TargetRow = z.infer<typeof targetRow>;
