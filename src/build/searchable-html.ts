/**
 * What of a built page goes into the search index. Readers search for people, teams, roles,
 * customers and KPI names (issue #15): the words of a page, not its figures. So the index gets a
 * page with its numeric table cells and its inline SVG (sparklines and bars, whose titles repeat
 * the figures) emptied; headings, names, customers, role-card text and KPI names stay. Pages
 * without `data-pagefind-body` (period variants, the search page) are not indexed at all (null),
 * as Pagefind itself would skip them, but without being parsed.
 *
 * Regular expressions rather than an HTML parser: the markup is the site's own, never nested
 * (DataTable.astro marks a numeric cell by its sort key, `<td data-sort="…">`, text cells have none;
 * other tables write `<td class="num">`, trend cells `<td class="trend">`), and a parser over 4,000
 * pages of up to 3 MB costs more than the index it saves.
 */
const NUMERIC_CELL = /(<td\b(?=[^>]*(?:\sdata-sort=|\sclass="(?:num|trend)\b))[^>]*>)[\s\S]*?(<\/td>)/g;
const SVG = /<svg\b[\s\S]*?<\/svg>/g;
const STYLE_OR_SCRIPT = /<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g;

export function searchableHtml(html: string): string | null {
  if (!html.includes('data-pagefind-body')) return null;
  return html.replace(STYLE_OR_SCRIPT, '').replace(SVG, '').replace(NUMERIC_CELL, '$1$2');
}
