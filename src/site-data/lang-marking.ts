/**
 * `lang` marking of the other language's fragments in a rendered page (WCAG 3.1.2): on an English
 * page, every run of Chinese text that data brought in untranslated (a team, a channel, a person's
 * name) is wrapped in `<span lang="zh-CN">`, so screen readers and fonts pick the right voice and
 * glyphs. Pure: HTML in, HTML out. Text inside <script>, <style>, <title>, <textarea> and SVG is left
 * alone (a <span> is not allowed there; a chart carries its own text alternative), and so is text
 * already inside an element marked zh-CN.
 */

/** Han ideographs, CJK punctuation and full-width forms; runs may hold spaces, digits and · between them. */
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const RUN = new RegExp(`[${CJK}]+(?:[\\s\\d·.-]*[${CJK}]+)*`, 'g');
const HAS_CJK = new RegExp(`[${CJK}]`);
/** a tag, with quoted attribute values (which may hold `>`) kept whole */
const TAG = /<!--[\s\S]*?-->|<(?:[^"'>]|"[^"]*"|'[^']*')*>/g;
const SKIP = new Set(['script', 'style', 'title', 'textarea', 'svg']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export const markChinese = (html: string): string => {
  if (!HAS_CJK.test(html)) return html;
  let out = '';
  let last = 0;
  /** open elements that stop marking: skipped kinds and elements already marked zh */
  const stack: { name: string; stops: boolean }[] = [];
  let stopped = 0;
  const text = (s: string) => (stopped > 0 || !HAS_CJK.test(s) ? s : s.replace(RUN, '<span lang="zh-CN">$&</span>'));
  for (const m of html.matchAll(TAG)) {
    out += text(html.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
    const tag = m[0];
    if (tag.startsWith('<!--')) continue;
    const close = /^<\/([a-zA-Z][\w-]*)/.exec(tag);
    if (close) {
      const name = close[1]!.toLowerCase();
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) for (const e of stack.splice(at)) if (e.stops) stopped--;
      continue;
    }
    const open = /^<([a-zA-Z][\w-]*)/.exec(tag);
    if (!open || tag.endsWith('/>')) continue;
    const name = open[1]!.toLowerCase();
    if (VOID.has(name)) continue;
    const stops = SKIP.has(name) || /\slang="zh/i.test(tag);
    stack.push({ name, stops });
    if (stops) stopped++;
  }
  return out + text(html.slice(last));
};
