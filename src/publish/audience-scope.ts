import type { AudienceSettings } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import { closest } from '../lib/closest.ts';
import type { BundleData } from '../bundle/contract.ts';
import { privateText } from './privacy.ts';

/**
 * Who and what one audience may see (config `audiences.<name>`, docs/hosting.md), resolved
 * against the published company bundle:
 * - people: staff whose team is one of `teams`, whose region is one of `regions`, or whose id is
 *   in `people`;
 * - teams: the configured teams, plus every team whose members are all among those people (a
 *   region's teams); a person of another team keeps no team name;
 * - regions: the configured regions;
 * - customers: those owned by one of the people.
 * A configured team, region or person that staff.csv does not have stops the build (a typo would
 * otherwise publish an empty site that looks complete).
 */
export interface AudienceScope {
  name: string;
  settings: AudienceSettings;
  base: string;
  people: ReadonlySet<string>;
  teams: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  customers: ReadonlySet<string>;
}

export type ScopeResult = { ok: true; scope: AudienceScope } | { ok: false; errors: BuildError[] };

/** the URL path an audience's site is built for: its `base`, else /<name>/ */
export const audienceBase = (name: string, a: Pick<AudienceSettings, 'base'>): string => a.base ?? `/${name}/`;

export function audienceScope(b: Pick<BundleData, 'people' | 'customers'>, name: string, a: AudienceSettings, pseudonymKey: string): ScopeResult {
  // ids and names are compared as published: an id that is an e-mail or phone was pseudonymised
  const pub = (s: string) => privateText(s, pseudonymKey);
  const staff = b.people;
  const errors = [
    ...unknown(name, 'teams', a.teams, staff.map((p) => p.team), pub),
    ...unknown(name, 'regions', a.regions, staff.map((p) => p.region), pub),
    ...unknown(name, 'people', a.people, staff.map((p) => p.staff_id), pub),
  ];
  if (!a.teams.length && !a.regions.length && !a.people.length) errors.push(emptyAudience(name));
  if (errors.length) return { ok: false, errors };

  const teams = new Set(a.teams.map(pub));
  const regions = new Set(a.regions.map(pub));
  const ids = new Set(a.people.map(pub));
  const people = new Set(staff.filter((p) => (p.team != null && teams.has(p.team)) || (p.region != null && regions.has(p.region)) || ids.has(p.staff_id)).map((p) => p.staff_id));
  for (const t of new Set(staff.map((p) => p.team))) {
    if (t != null && staff.every((p) => p.team !== t || people.has(p.staff_id))) teams.add(t);
  }
  const customers = new Set(b.customers.filter((c) => c.owner_id != null && people.has(c.owner_id)).map((c) => c.customer_id));
  return { ok: true, scope: { name, settings: a, base: audienceBase(name, a), people, teams, regions, customers } };
}

function unknown(name: string, key: 'teams' | 'regions' | 'people', wanted: readonly string[], have: readonly (string | null)[], pub: (s: string) => string): BuildError[] {
  const known = [...new Set(have.filter((h): h is string => h != null))].sort();
  return wanted
    .filter((w) => !known.includes(pub(w)))
    .map((w) => {
      const near = closest(w, known);
      return buildError({
        code: 'unknown_audience_member',
        file: 'config.yaml',
        field: `audiences.${name}.${key}`,
        message: {
          en: `audience "${name}": ${key} "${w}" is not in staff.csv`,
          'zh-CN': `受众 "${name}"：${key} 中的 "${w}" 不在 staff.csv 中`,
        },
        hint: {
          en: near ? `did you mean "${near}"? staff.csv has: ${known.slice(0, 12).join(', ')}` : `staff.csv has: ${known.slice(0, 12).join(', ')}`,
          'zh-CN': near ? `是否应为 "${near}"？staff.csv 中有：${known.slice(0, 12).join('、')}` : `staff.csv 中有：${known.slice(0, 12).join('、')}`,
        },
      });
    });
}

const emptyAudience = (name: string): BuildError =>
  buildError({
    code: 'empty_audience',
    file: 'config.yaml',
    field: `audiences.${name}`,
    message: { en: `audience "${name}" names no team, region or person`, 'zh-CN': `受众 "${name}" 没有列出任何团队、区域或人员` },
    hint: { en: `add e.g. teams: [<team in staff.csv>] under audiences.${name}`, 'zh-CN': `在 audiences.${name} 下添加例如 teams: [<staff.csv 中的团队>]` },
  });
