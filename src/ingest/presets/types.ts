import type { InputName } from '../../validate/schemas/index.ts';

/** A CRM export preset: that CRM's column names (export labels and API names) per canonical column. */
export type Preset = { [N in InputName]?: Record<string, string[]> };
