import { describe, expect, it } from 'vitest';
import { searchableHtml } from '../../src/build/searchable-html.ts';

const page = (main: string, body = true) =>
  `<html lang="zh-CN"><head><style>td{}</style></head><body><main${body ? ' data-pagefind-body' : ''}>${main}</main><script>var x = 1;</script></body></html>`;

describe('searchableHtml: the words of a page, not its figures', () => {
  it('skips a page that is not indexed (no data-pagefind-body)', () => {
    expect(searchableHtml(page('<h1>2026-Q2</h1>', false))).toBeNull();
  });

  it('keeps names, customers and KPI names; empties numeric and trend cells; drops SVG, styles and scripts', () => {
    const html = searchableHtml(page(
      '<h1>何峰晓 <span class="id">S001</span></h1>' +
      '<table class="data"><tbody><tr><th scope="row">净销售额</th><td class="num" data-sort="1949310.38">¥1,949,310</td>' +
      '<td class="trend"><svg class="sparkline" role="img" aria-label="净销售额 ¥128.1万"><title>净销售额 ¥128.1万</title><path d="M2.5,15"/></svg></td>' +
      '<td>C02221</td><td>无锡聚鑫超市有限公司</td><td class="num nowrap" data-sort="13">13</td>' +
      // DataTable's numeric cells: marked by their sort key only (text cells have none)
      '<td data-sort="1304000">¥1,304,000</td><td class="nowrap" data-sort="0.8">80.0%</td><td class="wide">华东一组</td></tr></tbody></table>' +
      '<dl><dd>连续 60 天未下单的客户须制定回访计划</dd></dl>',
    ))!;
    for (const kept of ['何峰晓', 'S001', '净销售额', 'C02221', '无锡聚鑫超市有限公司', '回访计划', 'data-pagefind-body', '<td class="num" data-sort="1949310.38"></td>', '<td data-sort="1304000"></td>', '华东一组']) {
      expect(html).toContain(kept);
    }
    for (const gone of ['¥1,949,310', '¥128.1万', '<svg', '>13<', '¥1,304,000', '80.0%', 'td{}', 'var x']) expect(html).not.toContain(gone);
  });
});
