/**
 * Messages of the Service page (/service/). The zh-CN object defines the keys (prefix `service.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const serviceZh = {
};

export const serviceEn: Record<keyof typeof serviceZh, string> = {
};
