import { csvParse, type DSVRowArray } from 'd3-dsv';
import { generateSample, type SampleFile } from '../../src/sample/index.ts';

/** The sample, generated once per test file, and its CSVs parsed by d3-dsv (an independent reader). */
export const files = generateSample();
const cache = new Map<string, DSVRowArray<string>>();
export function table(name: Exclude<SampleFile, 'config.yaml'>): DSVRowArray<string> {
  let t = cache.get(name);
  if (!t) {
    t = csvParse(files[name]);
    cache.set(name, t);
  }
  return t;
}

/** hours between two `YYYY-MM-DD HH:MM:SS` wall times */
export const hoursBetween = (a: string, b: string): number =>
  (Date.parse(b.replace(' ', 'T') + 'Z') - Date.parse(a.replace(' ', 'T') + 'Z')) / 3_600_000;

/** 0 = 2023-Q4 … 11 = 2026-Q3, from the date text */
export const quarterOf = (d: string): number => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return (y - 2024) * 4 + Math.floor((m - 1) / 3) + 1;
};
