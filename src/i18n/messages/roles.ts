/**
 * Messages of the Role card pages (/roles/, /roles/<id>/). The zh-CN object defines the keys (prefix `roles.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const rolesZh = {
};

export const rolesEn: Record<keyof typeof rolesZh, string> = {
};
