import { parseHTML } from 'linkedom';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatBuildError } from '../../src/lib/build-error.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';
import { renderMarkdown } from '../../src/publish/render-markdown.ts';
import { splitCardBody } from '../../src/roles/card-body.ts';
import { loadRoleCards } from '../../src/roles/load-role-cards.ts';

/*
 * Role-card Markdown is written by HR and pasted from documents (issue 17.1, issue 12): it is
 * rendered with raw HTML dropped and an allow-list sanitiser, CJK emphasis works, and each page
 * shows its own language only. The built pages are checked in contacts-and-markup.test.ts.
 */

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '<iframe src="https://evil.example/"></iframe>',
  '<svg onload="alert(3)"><circle r="1"/></svg>',
  '<a href="javascript:alert(4)">raw link</a>',
  '[md link](javascript:alert(5))',
  '[md link upper](JaVaScRiPt:alert(6))',
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)',
  '![pixel](https://tracker.example/p.png)',
  '![inline](data:image/svg+xml,<svg onload=alert(8)>)',
  '<div style="position:fixed;inset:0" onclick="alert(9)">cover</div>',
  '<form action="https://evil.example"><input name=p></form>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<style>body{display:none}</style>',
  '<p id="main">clobber</p>',
].join('\n\n');

/** every element, attribute and URL of an HTML fragment */
function facts(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const els = [...document.body.querySelectorAll('*')];
  return {
    tags: new Set(els.map((e) => e.tagName.toLowerCase())),
    attrs: els.flatMap((e) => [...e.attributes].map((a) => `${e.tagName.toLowerCase()}[${a.name}=${a.value}]`)),
    text: document.body.textContent ?? '',
  };
}

describe('role-card Markdown: no markup from the card reaches the page', () => {
  const html = renderMarkdown(`## Title\n\nSome **bold** and a [safe link](https://example.com/x) and [a relative one](../kpis/).\n\n${HOSTILE}`);
  const f = facts(html);

  it('keeps text markup and safe links', () => {
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.com/x">safe link</a>');
    expect(html).toContain('<a href="../kpis/">a relative one</a>');
  });

  it('no script, iframe, img, svg, form, input, object, embed, style or div element', () => {
    for (const tag of ['script', 'iframe', 'img', 'svg', 'form', 'input', 'object', 'embed', 'style', 'div']) expect(f.tags.has(tag), tag).toBe(false);
  });

  it('no event handler, style or id attribute; every href is http(s), mailto, tel or relative', () => {
    expect(f.attrs.filter((a) => /\[on/i.test(a))).toEqual([]);
    expect(f.attrs.filter((a) => /\[(style|id|src)=/.test(a))).toEqual([]);
    const hrefs = f.attrs.filter((a) => a.startsWith('a[href=')).map((a) => a.slice('a[href='.length, -1));
    expect(hrefs).toEqual(['https://example.com/x', '../kpis/']);
    // no attribute carries a script or data URL (text such as a broken image line stays inert text)
    expect(f.attrs.filter((a) => /javascript:|data:|vbscript:/i.test(a))).toEqual([]);
    expect(html).not.toMatch(/<[^>]*alert\(/);
  });
});

describe('role-card Markdown: Chinese emphasis (CJK-friendly flanking)', () => {
  it('**层次分析法（AHP）**赋权 is bold, no asterisks left', () => {
    const html = renderMarkdown('本岗位按**层次分析法（AHP）**赋权：净销售额最重要。');
    expect(html).toBe('<p>本岗位按<strong>层次分析法（AHP）</strong>赋权：净销售额最重要。</p>');
  });
  it('emphasis next to full-width punctuation on either side', () => {
    expect(renderMarkdown('“**重点**”与*强调*。')).toBe('<p>“<strong>重点</strong>”与<em>强调</em>。</p>');
  });
});

describe('role-card Markdown: one language per page', () => {
  it('splits <!-- lang: … --> sections; text before the first marker and `all` sections go to both', () => {
    const body = ['共同的开头', '<!-- lang: zh-CN -->', '中文段落', '<!-- lang: en -->', 'English paragraph', '<!--lang:all-->', 'both'].join('\n');
    const r = splitCardBody(body, 'roles/x.md', 10);
    if (!r.ok) throw new Error(formatBuildError(r.error));
    expect(r.body['zh-CN']).toBe('共同的开头\n中文段落\nboth');
    expect(r.body.en).toBe('共同的开头\nEnglish paragraph\nboth');
  });

  it('a marker inside a fenced code block is text', () => {
    const r = splitCardBody('```\n<!-- lang: en -->\n```\n<!-- lang: en -->\nx', 'roles/x.md', 1);
    if (!r.ok) throw new Error('failed');
    expect(r.body['zh-CN']).toBe('```\n<!-- lang: en -->\n```');
  });

  it('an unknown language stops the build with the file and line', () => {
    const r = splitCardBody('a\n\n<!-- lang: fr -->\nb', 'roles/x.md', 40);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.error.code, r.error.file, r.error.line]).toEqual(['role_card_language', 'roles/x.md', 42]);
    expect(r.error.message.en).toContain('"fr"');
  });
});

describe('the shipped role cards', () => {
  const shipped = fileURLToPath(new URL('../../data/roles', import.meta.url));

  it('each language page gets its own language, rendered without ** and without file or config names', async () => {
    const r = await loadRoleCards(shipped, nodeEffects().fs);
    if (!r.ok) throw new Error(formatBuildError(r.error));
    for (const c of r.cards) {
      const zh = facts(renderMarkdown(c.body['zh-CN']));
      const en = facts(renderMarkdown(c.body.en));
      expect(zh.text, c.id).toMatch(/[\u4e00-\u9fff]/);
      expect(en.text, c.id).not.toMatch(/[\u4e00-\u9fff]/);
      for (const text of [zh.text, en.text]) {
        expect(text, c.id).not.toContain('**');
        expect(text, c.id).not.toMatch(/\.(csv|ya?ml|md)\b|config|owner_id|_id\b/i);
      }
    }
  });

  it('reportsTo is a card id or a title in both languages; an id naming no card stops the build', async () => {
    const r = await loadRoleCards(shipped, nodeEffects().fs);
    if (!r.ok) throw new Error('failed');
    const ids = new Set(r.cards.map((c) => c.id));
    for (const c of r.cards) {
      if (typeof c.reportsTo === 'string') expect(ids.has(c.reportsTo), c.id).toBe(true);
      else if (c.reportsTo) expect(Object.keys(c.reportsTo).sort()).toEqual(['en', 'zh-CN']);
    }
  });
});
