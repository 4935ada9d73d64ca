import { fxiaoke } from './fxiaoke.ts';
import { hubspot } from './hubspot.ts';
import { salesforce } from './salesforce.ts';
import { zoho } from './zoho.ts';
import type { Preset } from './types.ts';

export type { Preset } from './types.ts';
export const presetTables: Record<'zoho' | 'salesforce' | 'hubspot' | 'fxiaoke', Preset> = { zoho, salesforce, hubspot, fxiaoke };
