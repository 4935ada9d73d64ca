/**
 * Messages of the People and Teams pages (/people/<id>/, /teams/<team>/). The zh-CN object defines the keys (prefix `people.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const peopleZh = {
};

export const peopleEn: Record<keyof typeof peopleZh, string> = {
};
