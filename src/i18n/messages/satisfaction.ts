/**
 * Messages of the Satisfaction page (/satisfaction/). The zh-CN object defines the keys (prefix `satisfaction.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const satisfactionZh = {
};

export const satisfactionEn: Record<keyof typeof satisfactionZh, string> = {
};
