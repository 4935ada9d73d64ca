import type { FileSettings } from '../../config/schema.ts';
import { fxiaoke, fxiaokeRules } from './fxiaoke.ts';
import { hubspot, hubspotRules } from './hubspot.ts';
import { odoo, odooRules } from './odoo.ts';
import { salesforce, salesforceRules } from './salesforce.ts';
import { shopify, shopifyRules } from './shopify.ts';
import { tmall, tmallRules } from './tmall.ts';
import { zoho, zohoRules } from './zoho.ts';
import type { Preset, PresetRules } from './types.ts';

export type { Preset, PresetRules, StatusMeaning } from './types.ts';
type PresetName = NonNullable<FileSettings['preset']>;
export const presetTables: Record<PresetName, Preset> = { zoho, salesforce, hubspot, fxiaoke, shopify, odoo, tmall };
/** what each preset knows beyond column names: the meaning of its status columns, its layout */
export const presetRules: Record<PresetName, PresetRules> = {
  zoho: zohoRules, salesforce: salesforceRules, hubspot: hubspotRules, fxiaoke: fxiaokeRules,
  shopify: shopifyRules, odoo: odooRules, tmall: tmallRules,
};
