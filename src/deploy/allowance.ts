import type { CoreBundle, OptionalBundle } from '../bundle/contract.ts';
import type { Problem } from './problem.ts';
import { TokenFinder } from './token-finder.ts';

type Rows = Pick<CoreBundle, 'manifest'> & Pick<OptionalBundle, 'people' | 'customers'>;

/**
 * What an audience's folder must not contain: the names and ids of the company's people and
 * customers that are not the audience's, and the names of teams it may not see (all teams'
 * names are allowed with companyFigures `teams`). A token that is part of an allowed one (a
 * person's name inside an allowed customer's name) cannot be told apart and is left out.
 */
export function forbiddenTokens(company: Rows, audience: Rows): Map<string, string> {
  const allowed = new Set<string>();
  const add = (set: Set<string>, v: string | null | undefined) => { if (v) set.add(v); };
  for (const p of audience.people ?? []) { add(allowed, p.staff_id); add(allowed, p.name); add(allowed, p.team); }
  for (const c of audience.customers ?? []) { add(allowed, c.customer_id); add(allowed, c.name); }
  for (const t of audience.manifest.audience?.teams ?? []) allowed.add(t);
  const allTeams = audience.manifest.audience?.companyFigures === 'teams';

  const out = new Map<string, string>();
  const forbid = (v: string | null | undefined, what: string) => { if (v && !allowed.has(v) && !out.has(v)) out.set(v, what); };
  for (const p of company.people ?? []) {
    forbid(p.staff_id, 'staff id');
    forbid(p.name, 'person');
    if (!allTeams) forbid(p.team, 'team');
  }
  for (const c of company.customers ?? []) {
    forbid(c.customer_id, 'customer id');
    forbid(c.name, 'customer');
  }
  // a forbidden token inside an allowed one would be found wherever the allowed one is
  const inside = new TokenFinder(out.keys());
  for (const a of allowed) for (const t of inside.find(a).keys()) out.delete(t);
  return out;
}

/** Every file (and file path) of the folder that holds a forbidden token, with the first one found. */
export function checkAllowance(forbidden: Map<string, string>, files: readonly string[], text: (file: string) => string): Problem[] {
  if (forbidden.size === 0) return [];
  const finder = new TokenFinder(forbidden.keys());
  const out: Problem[] = [];
  for (const file of files) {
    const body = text(file);
    const found = [...finder.find(file).keys(), ...finder.find(body).keys(), ...finder.find(percentDecoded(body)).keys()];
    if (found.length) out.push({ kind: 'outside_allowance', path: file, detail: [...new Set(found)].slice(0, 5).map((t) => `${forbidden.get(t)} "${t}"`).join(', ') });
  }
  return out;
}

/** the text with %-escaped UTF-8 sequences decoded: a team name in a link is written %E5%8D%8E… */
function percentDecoded(s: string): string {
  if (!s.includes('%')) return '';
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}
