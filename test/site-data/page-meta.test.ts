import { describe, expect, it } from 'vitest';
import { absoluteUrl, pageMeta, printHeaderCss } from '../../src/site-data/page-meta.ts';

const manifest = { title: { 'zh-CN': '示例 · 绩效', en: 'Sample · Performance' }, company: { 'zh-CN': '示例公司', en: 'Sample Co.' }, asOf: '2026-09-30' };

describe('page meta (link previews)', () => {
  it('titles a period page with its period and a snapshot page with the data date', () => {
    expect(pageMeta({ manifest, locale: 'en', title: 'Service', period: '2026-Q3', path: '/en/service/', base: '/', siteUrl: undefined }).title)
      .toBe('Service · Q3 2026 · Sample · Performance');
    // the period already in the page title is not repeated
    expect(pageMeta({ manifest, locale: 'zh-CN', title: '总览 · 2026年第3季度', period: '2026-Q3', path: '/', base: '/', siteUrl: undefined }).title)
      .toBe('总览 · 2026年第3季度 · 示例 · 绩效');
    expect(pageMeta({ manifest, locale: 'en', title: 'Tiers', path: '/en/tiers/', base: '/', siteUrl: undefined }).title).toBe('Tiers · as of 30 Sep 2026 · Sample · Performance');
  });
  it('always has a description', () => {
    const m = pageMeta({ manifest, locale: 'en', title: 'Tiers', path: '/en/tiers/', base: '/', siteUrl: undefined });
    expect(m.description).toBe('Sample Co. customer management performance: headline KPIs, retention, tiers, service, satisfaction and role scorecards, data as of 30 Sep 2026.');
    expect(pageMeta({ manifest, locale: 'en', title: 'x', description: ' Own. ', path: '/', base: '/', siteUrl: undefined }).description).toBe('Own.');
  });
  it('makes URLs absolute only when the site address is known', () => {
    const abs = pageMeta({ manifest, locale: 'zh-CN', title: 'x', path: '/kpi/people/S001/', base: '/kpi/', siteUrl: 'https://perf.example.cn' });
    expect(abs.url).toBe('https://perf.example.cn/kpi/people/S001/');
    expect(abs.image).toBe('https://perf.example.cn/kpi/icon-512.png');
    expect(abs.locale).toBe('zh_CN');
    expect(pageMeta({ manifest, locale: 'en', title: 'x', path: '/en/', base: '/', siteUrl: undefined }).image).toBe('/icon-512.png');
    expect(absoluteUrl('/a/', 'https://h.example/')).toBe('https://h.example/a/');
  });
  it('prints the company and the period in a running header whose text cannot break out of its style element', () => {
    expect(pageMeta({ manifest, locale: 'en', title: 'Service', period: '2026-Q3', path: '/en/service/', base: '/', siteUrl: undefined }).printHeader).toBe('Sample Co. · Q3 2026');
    expect(pageMeta({ manifest, locale: 'zh-CN', title: '岗位卡', path: '/roles/x/', base: '/', siteUrl: undefined }).printHeader).toMatch(/^示例公司 · .*2026/);
    const css = printHeaderCss('A "q" \\ </style><script>');
    expect(css).toContain('@top-left { content: "A \\"q\\" \\\\ \\3c /style>\\3c script>";');
    expect(css).not.toMatch(/<\//);
    expect(css).toContain('counter(page) " / " counter(pages)');
    expect(css).not.toContain('@bottom-left');
    // with the footer's provenance at the bottom of every page, the page footer is not printed again
    const withFooter = printHeaderCss('Co · Q3 2026', 'Data as of 30 Sep 2026 · Definitions: 2026.11');
    expect(withFooter).toContain('@bottom-left { content: "Data as of 30 Sep 2026 · Definitions: 2026.11";');
    expect(withFooter).toContain('.site-footer { display: none; }');
  });
});

