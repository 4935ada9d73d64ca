import type { z } from 'zod';
import { customerRow } from './customers.ts';
import { interactionRow } from './interactions.ts';
import { orderRow } from './orders.ts';
import { staffRow } from './staff.ts';
import { surveyRow } from './surveys.ts';
import { targetRow } from './targets.ts';
import { taskRow } from './tasks.ts';
import { ticketRow } from './tickets.ts';

export * from './customers.ts';
export * from './interactions.ts';
export * from './orders.ts';
export * from './staff.ts';
export * from './surveys.ts';
export * from './targets.ts';
export * from './tasks.ts';
export * from './tickets.ts';

/** Every input file the pipeline knows, its canonical row schema and its key. */
export const inputFiles = {
  orders: { file: 'orders.csv', schema: orderRow, key: null, required: true },
  customers: { file: 'customers.csv', schema: customerRow, key: 'customer_id', required: false },
  staff: { file: 'staff.csv', schema: staffRow, key: 'staff_id', required: false },
  tickets: { file: 'tickets.csv', schema: ticketRow, key: 'ticket_id', required: false },
  interactions: { file: 'interactions.csv', schema: interactionRow, key: 'interaction_id', required: false },
  surveys: { file: 'surveys.csv', schema: surveyRow, key: 'response_id', required: false },
  targets: { file: 'targets.csv', schema: targetRow, key: null, required: false },
  tasks: { file: 'tasks.csv', schema: taskRow, key: 'task_id', required: false },
} as const;

export type InputName = keyof typeof inputFiles;
export const inputNames = Object.keys(inputFiles) as InputName[];
export type RowOf<N extends InputName> = z.infer<(typeof inputFiles)[N]['schema']>;
