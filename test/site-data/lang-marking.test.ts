import { describe, expect, it } from 'vitest';
import { markChinese } from '../../src/site-data/lang-marking.ts';

describe('lang marking of Chinese fragments on English pages', () => {
  it('wraps each run of Chinese text, keeping the English around it', () => {
    expect(markChinese('<td>Team 华东一组 leads</td>')).toBe('<td>Team <span lang="zh-CN">华东一组</span> leads</td>');
    // a run may hold spaces, digits and a middle dot between Chinese characters
    expect(markChinese('<p>微信 2 号 · 上门, Phone</p>')).toBe('<p><span lang="zh-CN">微信 2 号 · 上门</span>, Phone</p>');
  });
  it('leaves attributes, scripts, styles, SVG and already-marked elements alone', () => {
    const html = '<a title="华东 > 一组" href="/teams/华东/">x</a><script>const s = "华东";</script><style>/* 华东 */</style>'
      + '<svg><text>华东</text></svg><span lang="zh-CN">已标记 <b>华东</b></span><p>华南</p>';
    expect(markChinese(html)).toBe('<a title="华东 > 一组" href="/teams/华东/">x</a><script>const s = "华东";</script><style>/* 华东 */</style>'
      + '<svg><text>华东</text></svg><span lang="zh-CN">已标记 <b>华东</b></span><p><span lang="zh-CN">华南</span></p>');
  });
  it('void elements and comments do not confuse the nesting; text without Chinese is returned as is', () => {
    expect(markChinese('<p>a<br>华东<img src="x"><!-- 注释 --></p>')).toBe('<p>a<br><span lang="zh-CN">华东</span><img src="x"><!-- 注释 --></p>');
    const en = '<p>Only English</p>';
    expect(markChinese(en)).toBe(en);
  });
});
