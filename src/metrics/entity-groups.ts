import type { EntityType } from '../model/kpi.ts';
import { COMPANY, type EntityRef } from './kpi-rows.ts';
import type { PeriodGrid } from './period-grid.ts';

/**
 * The entities one family reports on, numbered in order of first appearance (the order its rows
 * are emitted in), and *groups*: the distinct (person, region) pairs its input rows are
 * attributed to, each standing for its ≤ 4 entities (company, person, the person's team, region;
 * see entitiesOf in kpi-rows.ts). The hot loops count a row once in its group × period cell
 * (period-grid.ts); rollUp then adds each cell into its ≤ 4 entities × 3 grains — one update per
 * row instead of twelve, and no string keys per row.
 */
export class EntityGroups {
  /** entity number → ref; 0 = the company */
  readonly refs: EntityRef[] = [];
  /** members[4g + k]: company, person, team, region entity of group g (−1 = none) */
  members = new Int32Array(64);
  #count = 0;
  readonly #ids: Record<EntityType, Map<string, number>> = { company: new Map(), person: new Map(), team: new Map(), region: new Map() };
  readonly #groups = new Map<string | null, Map<string | null, number>>();
  readonly #teamOf: (person: string | null) => string | null;

  constructor(teamOf: (person: string | null) => string | null) {
    this.#teamOf = teamOf;
    // The company always has rows once the family's source file exists.
    this.entity(COMPANY);
  }

  /** The entity's number, registering it (last) if new. */
  entity(e: EntityRef): number {
    const m = this.#ids[e.entity_type];
    let n = m.get(e.entity_id);
    if (n === undefined) {
      n = this.refs.length;
      m.set(e.entity_id, n);
      this.refs.push(e);
    }
    return n;
  }

  /** Number of groups so far. */
  get count(): number {
    return this.#count;
  }

  /**
   * The group of (person, the person's team, region); a new group registers its entities in the
   * order person, team, region, as entitiesOf lists them.
   */
  group(person: string | null, region: string | null): number {
    let byRegion = this.#groups.get(person);
    if (byRegion === undefined) this.#groups.set(person, (byRegion = new Map()));
    let g = byRegion.get(region);
    if (g === undefined) {
      g = this.#count++;
      byRegion.set(region, g);
      if (this.members.length < 4 * this.#count) {
        const grown = new Int32Array(this.members.length * 2);
        grown.set(this.members);
        this.members = grown;
      }
      const team = this.#teamOf(person);
      const m = this.members;
      m[4 * g] = 0;
      m[4 * g + 1] = person === null ? -1 : this.entity({ entity_type: 'person', entity_id: person });
      m[4 * g + 2] = team === null ? -1 : this.entity({ entity_type: 'team', entity_id: team });
      m[4 * g + 3] = region === null ? -1 : this.entity({ entity_type: 'region', entity_id: region });
    }
    return g;
  }
}

/**
 * Counters per (group, cell), `width` numbers per cell, growing as groups appear: counter k of
 * (g, c) is data[offset(g, c) + k] (0 beyond the array). Float64 sums of small integers: exact.
 */
export class CellCounters {
  data: Float64Array;
  readonly cells: number;
  readonly width: number;
  constructor(cells: number, width: number) {
    this.cells = cells;
    this.width = width;
    this.data = new Float64Array(Math.max(1, cells * width * 16));
  }
  offset(g: number, c: number): number {
    return (g * this.cells + c) * this.width;
  }
  /** counter k of (g, c) += x */
  add(g: number, c: number, k: number, x = 1): void {
    const i = (g * this.cells + c) * this.width + k;
    if (i >= this.data.length) {
      let n = this.data.length * 2;
      while (n <= i) n *= 2;
      const grown = new Float64Array(n);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[i]! += x;
  }
}

/** Members for n groups that each stand for one entity of their own (group k → entity k only). */
export function soleMembers(n: number): Int32Array {
  const m = new Int32Array(4 * n).fill(-1);
  for (let k = 0; k < n; k++) m[4 * k] = k;
  return m;
}

/** The targets (entity × slots + slot) of group g's rows in cell c into out; returns how many (≤ 12). */
export function targetsOf(members: Int32Array, grid: PeriodGrid, g: number, c: number, out: Int32Array): number {
  let n = 0;
  for (let u = 0; u < 4; u++) {
    const e = members[4 * g + u]!;
    if (e < 0) continue;
    for (let k = 0; k < 3; k++) {
      const s = grid.slotsOfCell[3 * c + k]!;
      if (s >= 0) out[n++] = e * grid.slots + s;
    }
  }
  return n;
}

/**
 * Per (entity, slot) sums of per (group, cell) counters: out[(e · slots + s) · width + k].
 * `entities`: how many entity numbers the members refer to.
 */
export function rollUp(members: Int32Array, groups: number, grid: PeriodGrid, counters: CellCounters, entities: number): Float64Array {
  const { width, cells } = counters;
  const data = counters.data;
  const out = new Float64Array(entities * grid.slots * width);
  const targets = new Int32Array(12);
  for (let g = 0; g < groups; g++) {
    for (let c = 0; c < cells; c++) {
      const off = (g * cells + c) * width;
      if (off >= data.length) break;
      let any = false;
      for (let k = 0; k < width; k++) if (data[off + k] !== 0) any = true;
      if (!any) continue;
      const n = targetsOf(members, grid, g, c, targets);
      for (let j = 0; j < n; j++) {
        const base = targets[j]! * width;
        for (let k = 0; k < width; k++) out[base + k]! += data[off + k]!;
      }
    }
  }
  return out;
}
