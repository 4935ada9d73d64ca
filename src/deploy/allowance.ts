import type { CoreBundle, OptionalBundle } from '../bundle/contract.ts';
import type { Problem } from './problem.ts';
import { TokenFinder } from './token-finder.ts';

type Rows = Pick<CoreBundle, 'manifest'> & Pick<OptionalBundle, 'people' | 'customers'>;

/**
 * What an audience's folder must not contain: the names and ids of the company's people and
 * customers that are not the audience's, and the names of teams it may not see (all teams'
 * names are allowed with companyFigures `teams`). Each maps to what it is ('person', 'customer id' …).
 */
export function forbiddenTokens(company: Rows, audience: Rows): Map<string, string> {
  const allowed = allowedTokens(audience);
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
  return out;
}

/** the names and ids the audience's own rows hold */
export function allowedTokens(audience: Rows): Set<string> {
  const allowed = new Set<string>();
  const add = (v: string | null | undefined) => { if (v) allowed.add(v); };
  for (const p of audience.people ?? []) { add(p.staff_id); add(p.name); add(p.team); }
  for (const c of audience.customers ?? []) { add(c.customer_id); add(c.name); }
  for (const t of audience.manifest.audience?.teams ?? []) allowed.add(t);
  return allowed;
}

/**
 * Every file (and file path) of the folder that holds a forbidden token, with the first ones found.
 * A forbidden token inside an allowed one (person 王伟 inside customer 王伟芳) is searched for in the
 * text with those allowed names blanked out, so it is found only where it stands on its own.
 */
export function checkAllowance(forbidden: Map<string, string>, allowed: ReadonlySet<string>, files: readonly string[], text: (file: string) => string): Problem[] {
  if (forbidden.size === 0) return [];
  const within = new Map<string, string[]>();
  const finder = new TokenFinder(forbidden.keys());
  for (const a of allowed) for (const t of finder.find(a).keys()) within.set(t, [...(within.get(t) ?? []), a]);
  const plain = new TokenFinder([...forbidden.keys()].filter((t) => !within.has(t)));
  const out: Problem[] = [];
  for (const file of files) {
    const texts = [file, text(file)];
    texts.push(percentDecoded(texts[1]!));
    const found = new Set<string>();
    for (const t of texts) for (const k of plain.find(t).keys()) found.add(k);
    for (const [tok, hosts] of within) {
      if (texts.some((t) => t.includes(tok) && new TokenFinder([tok]).find(hosts.reduce((x, h) => x.replaceAll(h, '\u0000'), t)).size > 0)) found.add(tok);
    }
    if (found.size) out.push({ kind: 'outside_allowance', path: file, detail: [...found].slice(0, 5).map((t) => `${forbidden.get(t)} "${t}"`).join(', ') });
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
