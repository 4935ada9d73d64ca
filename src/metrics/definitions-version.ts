/**
 * Version of the metric definitions (docs/metrics.md). Bump it whenever a definition changes
 * meaning, so a published manifest says which definitions its figures follow.
 */
export const DEFINITIONS_VERSION = '2026.11';
