import type { Localized } from '../lib/localized.ts';
import type { Problem } from './problem.ts';

/** What each deploy:check problem means and how to fix it, in both languages. */
const text: Record<Problem['kind'], (p: Problem) => Localized & { fix: Localized }> = {
  missing_index: (p) => ({
    en: `${p.path} has no index.html: a host answers /${p.path.replace(/^\//, '')} with 403, a listing or 404`,
    'zh-CN': `${p.path} 没有 index.html：托管服务对该路径会返回 403、目录列表或 404`,
    fix: { en: 'rebuild (npm run build) and upload the whole folder', 'zh-CN': '重新构建（npm run build）并上传整个文件夹' },
  }),
  missing_404: () => ({
    en: 'no 404.html: a wrong link shows the host\'s own error page',
    'zh-CN': '缺少 404.html：错误链接会显示托管服务自己的错误页',
    fix: { en: 'rebuild; upload 404.html with the rest', 'zh-CN': '重新构建，并与其他文件一起上传 404.html' },
  }),
  broken_link: (p) => ({
    en: `${p.path} links to ${p.detail}, which is not in the folder`,
    'zh-CN': `${p.path} 链接到 ${p.detail}，但文件夹中没有该文件`,
    fix: { en: 'rebuild and upload the whole folder (a partial upload leaves such links)', 'zh-CN': '重新构建并上传整个文件夹（只上传一部分会留下这样的链接）' },
  }),
  outside_base: (p) => ({
    en: `${p.path} links to ${p.detail}, outside the base path it is served under`,
    'zh-CN': `${p.path} 链接到 ${p.detail}，超出了站点的基础路径`,
    fix: { en: 'build with the base it is served under (audiences.<name>.base, or ACCOUNTABLE_BASE for dist/), or check with --base', 'zh-CN': '按实际部署路径构建（audiences.<name>.base，dist/ 用 ACCOUNTABLE_BASE），或用 --base 指定检查路径' },
  }),
  outside_allowance: (p) => ({
    en: `${p.path} holds ${p.detail}, outside this audience`,
    'zh-CN': `${p.path} 含有不属于该受众的内容：${p.detail}`,
    fix: { en: 'do not upload: rebuild this audience\'s folder and upload it alone, replacing what is there', 'zh-CN': '不要上传：重新构建该受众的文件夹，单独上传并替换原有内容' },
  }),
  not_a_site: (p) => ({
    en: `${p.path} is not a built site (no downloads/manifest.json)`,
    'zh-CN': `${p.path} 不是构建好的站点（没有 downloads/manifest.json）`,
    fix: { en: 'run npm run build, then check dist/ or dist-audiences/<name>/', 'zh-CN': '先运行 npm run build，再检查 dist/ 或 dist-audiences/<name>/' },
  }),
};

export const problemText = (p: Problem) => text[p.kind](p);
