/**
 * Messages of site search. The zh-CN object defines the keys (prefix `search.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const searchZh = {
  'search.title': '搜索',
  'search.label': '搜索站内内容',
  'search.placeholder': '人员、团队、岗位、页面…',
  'search.submit': '搜索',
  'search.lede': '在人员、团队、岗位卡和各页面中搜索（支持中文词语）。',
  'search.noJs': '搜索需要启用 JavaScript。也可以从导航进入各页面。',
  'search.loading': '正在搜索…',
  'search.none': '没有找到与“{q}”相关的内容。',
  'search.count': '找到 {n} 个结果',
  'search.unavailable': '搜索索引不可用（本地预览时可能尚未生成）。',
  'search.browse': '浏览',
};

export const searchEn: Record<keyof typeof searchZh, string> = {
  'search.title': 'Search',
  'search.label': 'Search the site',
  'search.placeholder': 'People, teams, roles, pages…',
  'search.submit': 'Search',
  'search.lede': 'Search people, teams, role cards and pages (Chinese words work too).',
  'search.noJs': 'Search needs JavaScript. You can also reach every page from the navigation.',
  'search.loading': 'Searching…',
  'search.none': 'Nothing found for “{q}”.',
  'search.count': '{n} results',
  'search.unavailable': 'The search index is not available (a local preview may not have built it).',
  'search.browse': 'Browse',
};
