import type { CoreBundle, OptionalBundle } from '../bundle/contract.ts';
import { allowedTokens, checkAllowance, forbiddenTokens } from './allowance.ts';
import { checkLinks } from './links.ts';
import type { Problem } from './problem.ts';
import type { SiteTree } from './site-tree.ts';
import { checkStructure } from './structure.ts';

type Rows = Pick<CoreBundle, 'manifest'> & Pick<OptionalBundle, 'people' | 'customers'>;

export interface DeployCheckInput {
  tree: SiteTree;
  /** the URL path the folder is served under */
  base: string;
  /** for an audience's folder: the company's bundle and the audience's (who is outside it) */
  allowance?: { company: Rows; audience: Rows } | null;
}

export interface DeployCheckResult {
  problems: Problem[];
  pages: number;
  files: number;
  /** how many names and ids of people and customers outside the audience were searched for */
  forbidden: number;
}

/**
 * deploy:check on one built folder: every page folder has index.html, a 404 page exists, every
 * internal link resolves under the base path, and (an audience's folder) no file holds a name or
 * id of a person, customer or team outside the audience's allowance. Pure over the tree.
 */
export function deployCheck(i: DeployCheckInput): DeployCheckResult {
  const { tree } = i;
  const forbidden = i.allowance ? forbiddenTokens(i.allowance.company, i.allowance.audience) : new Map<string, string>();
  const allowed = i.allowance ? allowedTokens(i.allowance.audience) : new Set<string>();
  const problems = [
    ...checkStructure(tree.dirs, tree.files),
    ...checkLinks(i.base, tree.files, tree.text),
    ...checkAllowance(forbidden, allowed, tree.files, tree.text),
  ];
  return { problems, pages: tree.files.filter((f) => f.endsWith('.html')).length, files: tree.files.length, forbidden: forbidden.size };
}
