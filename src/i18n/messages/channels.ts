/**
 * Messages of the Channels page (/channels/). The zh-CN object defines the keys (prefix `channels.`); the en object must
 * have exactly the same keys (tsc checks it). Both are merged into the dictionaries in
 * ../zh-CN.ts and ../en.ts.
 */
export const channelsZh = {
};

export const channelsEn: Record<keyof typeof channelsZh, string> = {
};
