import { describe, expect, test } from 'vitest';
import { cohortHeatmap, type CohortCell } from '../../src/charts/cohort-heatmap.ts';
import { prettySvg } from './pretty-svg.ts';

describe('cohortHeatmap', () => {
  const cohorts = ['2026-01', '2026-02', '2026-03'];
  const cells: CohortCell[] = cohorts.flatMap((cohort, ci) =>
    Array.from({ length: 3 - ci }, (_, offset) => ({ cohort, offset, value: offset === 0 ? 1 : 0.4 - 0.1 * offset + 0.02 * ci, partial: ci + offset === 2 })));
  const zh = cohortHeatmap({ cells, locale: 'zh-CN', title: '客户保留', offsetLabel: '首购后月数' });

  test('snapshot', async () => {
    await expect(prettySvg(zh)).toMatchFileSnapshot('__snapshots__/cohort-heatmap.zh-CN.svg');
  });
  test('labels and text alternative', () => {
    expect(zh).toContain('首购后月数');
    expect(zh).toContain('aria-label="客户保留：3 行 × 3 列"');
    // wide cells (3 offsets on 640 px) print the share to 0.1 % and need no tooltip; the phone form whole percents
    const [wideForm, phoneForm] = zh.split('</svg>');
    expect(wideForm).toContain('>100.0%<');
    expect(wideForm).toContain('>32.0%<');
    expect(wideForm).not.toMatch(/<title>2026/);
    expect(phoneForm).toContain('>32%<');
  });
  test('cells too narrow for "100.0%" print whole percents and keep the 0.1 % in a tooltip', () => {
    // 30 offsets on 640 px: cells of ~18 px
    const many = Array.from({ length: 30 }, (_, offset) => ({ cohort: '2025-01', offset, value: offset === 29 ? 0.317 : 0.5, partial: offset === 29 }));
    const svg = cohortHeatmap({ cells: many, locale: 'en', title: 'R', offsetLabel: 'M' }).split('</svg>')[0]!;
    expect(svg).toContain('>32%<');
    expect(svg).toContain('<title>2025-01 +29: 31.7% *</title>');
  });

  test('the phone form: the first 8 offsets at 320 px, text ≥ 10 px, and a note naming the hidden columns', () => {
    const wide = Array.from({ length: 12 }, (_, offset) => ({ cohort: '2025-01', offset, value: 0.5 }));
    const en = cohortHeatmap({ cells: wide, locale: 'en', title: 'Retention', offsetLabel: 'Months' });
    const phone = en.slice(en.indexOf('<div class="plot-phone">'));
    expect(en).toContain('class="plot plot-wide"');
    expect(phone).toContain('viewBox="0 0 320 ');
    // 12 offsets, 8 on the phone: cells 0–7, columns 8–11 named as hidden
    expect(phone.match(/<rect/g)).toHaveLength(8);
    expect(phone).toContain('columns 0–7 are shown; columns 8–11 are on a wider screen');
    expect(phone).not.toMatch(/font-size="9"/);
    // three offsets fit: no note
    expect(zh).not.toContain('<div class="plot-phone">');
  });
  test('the phone form keeps the latest 12 cohorts and names the earlier ones', () => {
    const months = Array.from({ length: 14 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`.replace('2025-13', '2026-01').replace('2025-14', '2026-02'));
    const en = cohortHeatmap({ cells: months.map((cohort) => ({ cohort, offset: 0, value: 1 })), locale: 'en', title: 'R', offsetLabel: 'M' });
    const phone = en.slice(en.indexOf('<div class="plot-phone">'));
    expect(phone.match(/<rect/g)).toHaveLength(12);
    expect(phone).not.toContain('>2025-02<');
    expect(phone).toContain('>2026-02<');
    expect(phone).toContain('Only the latest 12 cohorts are shown (2025-01 – 2025-02 on a wider screen).');
    // colours as hex, never rgb()
    expect(en).not.toContain('rgb(');
  });
});

