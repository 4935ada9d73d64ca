import { describe, expect, it } from 'vitest';
import { CONTENTS_MIN_SECTIONS, contentsSplit, pageContents } from '../../src/site-data/page-contents.ts';

const section = (id: string, title: string, inner = '') =>
  `<section class="section keep" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title} <a class="anchor" href="#${id}" aria-label="Copy link">#</a></h2>${inner}</section>`;

describe('the in-page contents list', () => {
  it('lists the top-level sections in page order, heading text only', () => {
    const html = `<h1>Retention</h1>${['a', 'b', 'c', 'd'].map((id) => section(id, `Title ${id.toUpperCase()}`)).join('')}${section('e', '<span lang="zh-CN">保留</span> &amp; churn')}`;
    expect(pageContents(html)).toEqual([
      { id: 'a', title: 'Title A' }, { id: 'b', title: 'Title B' }, { id: 'c', title: 'Title C' }, { id: 'd', title: 'Title D' },
      { id: 'e', title: '保留 &amp; churn' },
    ]);
  });
  it('a short page gets none; level-3 sections are not listed', () => {
    const four = Array.from({ length: CONTENTS_MIN_SECTIONS - 1 }, (_, i) => section(`s${i}`, `S${i}`)).join('');
    expect(pageContents(four)).toEqual([]);
    const h3 = '<section class="section" id="x" aria-labelledby="x-h"><h3 id="x-h">X</h3></section>';
    expect(pageContents(four + h3)).toEqual([]);
  });
  it('goes after the first heading', () => {
    expect(contentsSplit('<p>a</p><h1>T</h1><p>b</p>')).toEqual(['<p>a</p><h1>T</h1>', '<p>b</p>']);
    expect(contentsSplit('<p>b</p>')).toEqual(['', '<p>b</p>']);
  });
});
