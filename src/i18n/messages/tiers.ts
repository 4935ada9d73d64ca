/**
 * Messages of the Tiers page (/tiers/). The zh-CN object defines the keys (prefix `tiers.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const tiersZh = {
};

export const tiersEn: Record<keyof typeof tiersZh, string> = {
};
