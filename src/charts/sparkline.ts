import { escapeHtml } from './escape.ts';
import { roles } from './palette.ts';

export interface SparklineInput {
  /** oldest first; null = gap */
  values: (number | null)[];
  /** text alternative, e.g. "Revenue, Q1 2025 – Q3 2026: ¥1.2M → ¥1.5M" */
  alt: string;
  width?: number;
  height?: number;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * A tiny trend line as a hand-built SVG string: no DOM and no Plot, so a person page with
 * dozens of them costs microseconds. Nulls break the line; the last value gets a dot.
 */
export const sparkline = ({ values, alt, width = 96, height = 24 }: SparklineInput): string => {
  const pad = 2.5;
  const nums = values.filter((v): v is number => v != null && Number.isFinite(v));
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const x = (i: number) => r2(pad + (values.length <= 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (values.length - 1)));
  const y = (v: number) => r2(hi === lo ? height / 2 : pad + ((hi - v) * (height - 2 * pad)) / (hi - lo));
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v == null || !Number.isFinite(v)) { pen = false; return; }
    d += `${pen ? 'L' : 'M'}${x(i)},${y(v)}`;
    pen = true;
  });
  const lastIndex = values.findLastIndex((v) => v != null && Number.isFinite(v));
  const dot = lastIndex >= 0 ? `<circle cx="${x(lastIndex)}" cy="${y(values[lastIndex]!)}" r="2" fill="${roles.primary}"/>` : '';
  const label = escapeHtml(alt);
  return `<svg class="sparkline" role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${label}</title>`
    + (d ? `<path d="${d}" fill="none" stroke="${roles.primary}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>` : '')
    + `${dot}</svg>`;
};
