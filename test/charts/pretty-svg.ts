/**
 * An SVG string with one element a line, indented by depth, for the chart snapshots: a change to
 * one mark then shows as a few changed lines in a diff instead of one changed 10 KB line. Only
 * line breaks and indentation are added (between `>` and `<`), so the snapshot still pins every
 * byte of the chart's markup.
 */
export function prettySvg(svg: string): string {
  const out: string[] = [];
  let depth = 0;
  for (const line of svg.split(/(?<=>)(?=<)/)) {
    if (line.startsWith('</')) depth--;
    out.push('  '.repeat(Math.max(depth, 0)) + line);
    const opens = /^<[^/!?]/.test(line) && !line.endsWith('/>') && !/<\/[^>]*>$/.test(line);
    if (opens) depth++;
  }
  return out.join('\n') + '\n';
}
