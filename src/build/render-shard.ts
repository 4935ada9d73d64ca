import { createHash } from 'node:crypto';
import type { AstroIntegration } from 'astro';

/**
 * One share of a site's pages for one Astro build: the site is rendered by several Astro builds
 * at once (one per core, src/build/render-site.ts), each keeping the pages whose path falls in its
 * share. The share is a hash of the page's path, so it does not move when pages are added or
 * removed (a page keeps its build, and that build's incremental cache), and the pages of one
 * route spread evenly over the builds.
 */
export interface Shard {
  /** 0 … count − 1 */
  index: number;
  count: number;
}

export function shardOf(pathname: string, count: number): number {
  if (count <= 1) return 0;
  return createHash('sha1').update(pathname).digest().readUInt32BE(0) % count;
}

/**
 * The Astro integration that gives a build its share of the pages, each with `cacheKey`: the
 * digest of everything a page reads besides code (the bundle, the site URL; Astro adds the
 * page's code and the config). With `experimental.incrementalBuild` Astro then copies a page
 * from its previous build instead of rendering it when neither changed (docs/development.md).
 */
export interface ShardCount {
  /** the paths of this share */
  listed: number;
  /** of them, rendered (the others were copied from the incremental cache) */
  rendered: number;
}

export function shardIntegration(shard: Shard, cacheKey: string, count: ShardCount = { listed: 0, rendered: 0 }): AstroIntegration {
  return {
    name: 'accountable:shard',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((base) => ({
          ...base,
          name: 'accountable:shard',
          async getStaticPaths() {
            const all = await base.getStaticPaths();
            const mine = all.filter((p) => shardOf(p.pathname, shard.count) === shard.index).map((p) => ({ ...p, cacheKey }));
            count.listed = mine.length;
            return mine;
          },
          render(request, options) {
            count.rendered++;
            return base.render(request, options);
          },
        }));
      },
    },
  };
}
