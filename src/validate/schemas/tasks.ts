import { z } from 'zod';
import { date, id, text } from './fields.ts';

/** tasks.csv: an assigned task with a due date (工作任务). */
export const taskRow = z.object({
  task_id: id(),
  owner_id: id(),
  assigned_at: date().nullable(),
  due_at: date({ planned: true }),
  completed_at: date().nullable(),
  title: text().nullable(),
});
export type TaskRow = z.infer<typeof taskRow>;
