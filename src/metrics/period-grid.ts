import type { Grain } from '../model/kpi.ts';
import type { MetricContext } from './context.ts';
import type { EntityRef } from './kpi-rows.ts';
import { GRAINS, periodsByGrain } from './period-buckets.ts';
import { firstDayOfMonth, lastDayOfMonth, monthIndexOfDay, periodIdOfMonth, type Period } from './periods.ts';

/**
 * The reported periods of the service, satisfaction and channel families as dense integers.
 *
 * - A *slot* is one reported period of one grain: every month, then every quarter, then every
 *   year from ctx.firstDay to the period containing asOf (periodsByGrain) — the order rows are
 *   emitted in, per entity.
 * - A *cell* is one calendar month from January of the first reported year through asOf's month.
 *   A row is counted in its cell; the cell's month, quarter and year slots are where that count
 *   shows. A cell's month (or quarter) can lie before the first reported month (quarter) while
 *   its year is reported: that slot is −1 and the row counts in the other grains only.
 *
 * Rows in months before cell 0 or after asOf's month are in no reported period (cell −1).
 */
export interface PeriodGrid {
  byGrain: Record<Grain, Period[]>;
  /** number of slots; slot s is period slotPeriod[s] of grain slotGrain[s] */
  slots: number;
  slotGrain: Grain[];
  slotPeriod: Period[];
  /** number of cells */
  cells: number;
  /** slotsOfCell[3c + k]: the month (k = 0), quarter (1) and year (2) slot of cell c, −1 = not reported */
  slotsOfCell: Int32Array;
  /** the cell of a local day number, −1 outside the cells */
  cellOfDay(day: number): number;
}

export function periodGrid(ctx: Pick<MetricContext, 'firstDay' | 'asOfDay'>): PeriodGrid {
  const byGrain = periodsByGrain(ctx);
  const slotGrain: Grain[] = [];
  const slotPeriod: Period[] = [];
  const slotOf = new Map<string, number>();
  for (const g of GRAINS) {
    for (const p of byGrain[g]) {
      slotOf.set(p.id, slotGrain.length);
      slotGrain.push(g);
      slotPeriod.push(p);
    }
  }
  const firstYear = byGrain.year[0];
  const m0 = firstYear === undefined ? 0 : monthIndexOfDay(firstYear.start);
  const mLast = monthIndexOfDay(ctx.asOfDay);
  const cells = firstYear === undefined ? 0 : Math.max(0, mLast - m0 + 1);
  // A cell's slots by period id, exactly as rows were once looked up by id.
  const slotsOfCell = new Int32Array(cells * 3);
  const grainsOfCell: Grain[] = ['month', 'quarter', 'year'];
  for (let c = 0; c < cells; c++) {
    for (let k = 0; k < 3; k++) slotsOfCell[c * 3 + k] = slotOf.get(periodIdOfMonth(m0 + c, grainsOfCell[k]!)) ?? -1;
  }
  const d0 = cells > 0 ? firstDayOfMonth(m0) : 0;
  const dayCell = new Int32Array(cells > 0 ? lastDayOfMonth(mLast) - d0 + 1 : 0);
  for (let c = 0; c < cells; c++) dayCell.fill(c, firstDayOfMonth(m0 + c) - d0, lastDayOfMonth(m0 + c) - d0 + 1);
  const nDays = dayCell.length;
  return {
    byGrain,
    slots: slotGrain.length,
    slotGrain,
    slotPeriod,
    cells,
    slotsOfCell,
    cellOfDay: (day) => {
      const k = day - d0;
      return k >= 0 && k < nDays ? dayCell[k]! : -1;
    },
  };
}

/**
 * fn for every entity × slot in emission order; `t` = entity number × slots + slot. A loop, not
 * Arquero verbs, for the reason measured at lifecycle.ts's fold (KPI rows per entity: 20× the CPU).
 */
export function eachEntitySlot(refs: readonly EntityRef[], grid: PeriodGrid, fn: (e: EntityRef, t: number, grain: Grain, period: string) => void): void {
  for (let e = 0; e < refs.length; e++) {
    for (let s = 0; s < grid.slots; s++) fn(refs[e]!, e * grid.slots + s, grid.slotGrain[s]!, grid.slotPeriod[s]!.id);
  }
}
