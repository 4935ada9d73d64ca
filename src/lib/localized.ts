/** A text in both languages the project ships (every user-facing message has both). */
export type Localized = { 'zh-CN': string; en: string };
