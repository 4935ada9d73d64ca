/**
 * Messages of site search. The zh-CN object defines the keys (prefix `search.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const searchZh = {
};

export const searchEn: Record<keyof typeof searchZh, string> = {
};
