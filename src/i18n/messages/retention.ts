/**
 * Messages of the Retention page (/retention/). The zh-CN object defines the keys (prefix `retention.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const retentionZh = {
};

export const retentionEn: Record<keyof typeof retentionZh, string> = {
};
