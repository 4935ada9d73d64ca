import { configYaml } from './config.ts';
import { buildCustomers, renderCustomers } from './customers.ts';
import { buildInteractions } from './interactions.ts';
import { buildOrders } from './orders.ts';
import { createRandom } from './random.ts';
import { buildStaff, renderStaff } from './staff.ts';
import { buildSurveys } from './surveys.ts';
import { buildTargets } from './targets.ts';
import { buildTasks } from './tasks.ts';
import { buildTickets } from './tickets.ts';

/** The fixed seed of the committed sample: changing it changes every file in data/. */
export const SAMPLE_SEED = 20260930;

/** the files the generator writes into data/, in writing order */
export const sampleFiles = [
  'staff.csv', 'customers.csv', 'orders.csv', 'tickets.csv', 'interactions.csv',
  'surveys.csv', 'targets.csv', 'tasks.csv', 'config.yaml',
] as const;
export type SampleFile = (typeof sampleFiles)[number];

/**
 * The whole sample company as file contents (no I/O). Each file draws from its own forked
 * random stream, so the output is a pure function of the seed.
 */
export function generateSample(seed: number = SAMPLE_SEED): Record<SampleFile, string> {
  const rnd = createRandom(seed);
  const staff = buildStaff(rnd.fork('staff'));
  const customers = buildCustomers(rnd.fork('customers'), staff);
  const orders = buildOrders(rnd.fork('orders'), customers, staff);
  const tickets = buildTickets(rnd.fork('tickets'), customers, staff, orders.activity);
  return {
    'staff.csv': renderStaff(staff),
    'customers.csv': renderCustomers(customers, orders.spend),
    'orders.csv': orders.csv,
    'tickets.csv': tickets.csv,
    'interactions.csv': buildInteractions(rnd.fork('interactions'), customers, staff, orders.activity, orders.purchases),
    'surveys.csv': buildSurveys(rnd.fork('surveys'), customers, staff, tickets.tickets, orders.purchases),
    'targets.csv': buildTargets(rnd.fork('targets'), staff, customers, orders.purchases),
    'tasks.csv': buildTasks(rnd.fork('tasks'), staff),
    'config.yaml': configYaml,
  };
}

export { defects } from './defects.ts';
export { stories } from './staff.ts';
