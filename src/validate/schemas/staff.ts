import { z } from 'zod';
import { bool, date, id, text } from './fields.ts';

/** staff.csv: a person on the customer team; `role` is a role-card id. */
export const staffRow = z.object({
  staff_id: id(),
  name: text(),
  role: id(),
  team: text().nullable(),
  /** a team's stable id: its URL slug, unchanged when the team is renamed (docs/data.md#columns-staff) */
  team_id: id().nullable(),
  manager_id: id().nullable(),
  region: text().nullable(),
  hired_at: date({ planned: true }).nullable(),
  active: bool().default(true),
});
export type StaffRow = z.infer<typeof staffRow>;
