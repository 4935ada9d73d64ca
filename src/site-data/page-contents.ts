/**
 * The in-page contents list of a long page: its top-level sections (each `Section` component renders
 * `<section class="section" id="…"><h2 …>title <a class="anchor">#</a></h2>`), read from the page's
 * rendered main content, so no page lists its sections twice. Pure: HTML in, entries out.
 */
export interface ContentsEntry {
  id: string;
  /** the heading's text (tags removed, entities kept as written: it is inserted as HTML again) */
  title: string;
}

/** A page gets a contents list from this many top-level sections on. */
export const CONTENTS_MIN_SECTIONS = 5;

const SECTION_H2 = /<section class="section[^"]*" id="([^"]+)"[^>]*>\s*<h2\b[^>]*>([\s\S]*?)<\/h2>/g;

export const pageContents = (html: string): ContentsEntry[] => {
  const out: ContentsEntry[] = [];
  for (const m of html.matchAll(SECTION_H2)) {
    const title = m[2]!.replace(/<a class="anchor"[\s\S]*?<\/a>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
    if (title) out.push({ id: m[1]!, title });
  }
  return out.length >= CONTENTS_MIN_SECTIONS ? out : [];
};

/** Where the list goes: right after the page's first heading (its `</h1>`), else at the top. */
export const contentsSplit = (html: string): [string, string] => {
  const i = html.indexOf('</h1>');
  return i < 0 ? ['', html] : [html.slice(0, i + 5), html.slice(i + 5)];
};
