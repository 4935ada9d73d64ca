import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * The one way Markdown written by users (role-card bodies) becomes HTML on the site.
 *
 * - CJK-friendly emphasis (remark-cjk-friendly): CommonMark's flanking rule leaves
 *   `**层次分析法（AHP）**赋权` as literal asterisks; the extension makes it bold.
 * - No raw HTML: remark-rehype drops HTML written in the Markdown (`<script>`, `<iframe>`,
 *   `<img onerror>` …) instead of passing it through.
 * - Then an allow-list sanitiser (rehype-sanitize, GitHub's schema narrowed to text markup):
 *   only the tags below, no event handlers or style, links only to http(s)/mailto/tel or
 *   relative URLs (no `javascript:`, `data:`, `vbscript:`), no images (a picture on a shared
 *   page would call an outside server with every view), ids prefixed so they cannot clobber the
 *   page's own.
 *
 * Astro 7 renders Markdown with Sätteri, which runs neither remark nor rehype plugins, hence this
 * pipeline of maintained unified packages instead of the content collection's renderer.
 */
const TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li',
  'strong', 'em', 'del', 'code', 'pre', 'a', 'sup', 'sub', 'kbd', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
] as const;

export const markdownSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...TAGS],
  attributes: {
    a: ['href', 'title'],
    code: [['className', /^language-[\w-]+$/]],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    '*': [],
  },
  protocols: { href: ['http', 'https', 'mailto', 'tel'] },
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math'],
};

const processor = unified()
  .use(remarkParse)
  .use(remarkCjkFriendly)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, markdownSchema)
  .use(rehypeStringify);

/** Markdown → safe HTML (empty string for an empty body). */
export function renderMarkdown(markdown: string): string {
  if (markdown.trim() === '') return '';
  return String(processor.processSync(markdown));
}
