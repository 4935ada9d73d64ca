/**
 * Messages of the Scorecards page (/kpis/). The zh-CN object defines the keys (prefix `kpis.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const kpisZh = {
};

export const kpisEn: Record<keyof typeof kpisZh, string> = {
};
