import { describe, expect, it } from 'vitest';
import type { AstroPrerenderer, RouteData } from 'astro';
import { shardIntegration, shardOf } from '../../src/build/render-shard.ts';
import { renderShards } from '../../src/build/render-site.ts';

const paths = Array.from({ length: 2000 }, (_, i) => `/people/S${String(i).padStart(4, '0')}/`);

describe('render shards: each page in exactly one Astro build', () => {
  it('one build takes every page', () => {
    expect(paths.every((p) => shardOf(p, 1) === 0)).toBe(true);
  });

  it('two builds split the pages about evenly, the same way every time', () => {
    const counts = [0, 0];
    for (const p of paths) counts[shardOf(p, 2)]!++;
    expect(counts[0]! + counts[1]!).toBe(2000);
    // a fair split: each share within 10 % of half (binomial sd ≈ 22 pages)
    expect(Math.abs(counts[0]! - 1000)).toBeLessThan(100);
    expect(paths.map((p) => shardOf(p, 2))).toEqual(paths.map((p) => shardOf(p, 2)));
  });

  it('a page keeps its share when other pages are added (the share is of its own path)', () => {
    const before = new Map(paths.map((p) => [p, shardOf(p, 2)]));
    const more = [...paths, '/people/S9999/', '/teams/新团队/'];
    expect(more.filter((p) => before.has(p)).every((p) => shardOf(p, 2) === before.get(p))).toBe(true);
  });

  it('the integration keeps its share of the default paths, gives each the cache key and counts the renders', async () => {
    let installed: ((base: AstroPrerenderer) => AstroPrerenderer) | undefined;
    const count = { listed: 0, rendered: 0 };
    const integration = shardIntegration({ index: 1, count: 2 }, 'k1', count);
    const hook = integration.hooks['astro:build:start']!;
    await hook({
      logger: {} as Parameters<typeof hook>[0]['logger'],
      setPrerenderer: (x) => {
        if (typeof x === 'function') installed = x;
      },
    });
    const all = paths.slice(0, 50).map((pathname) => ({ pathname, route: {} as RouteData }));
    const base: AstroPrerenderer = { name: 'astro:default', getStaticPaths: async () => all, render: async () => new Response('page') };
    const shard = installed!(base);
    const mine = await shard.getStaticPaths();
    expect(mine.map((p) => p.pathname)).toEqual(all.map((p) => p.pathname).filter((p) => shardOf(p, 2) === 1));
    expect(mine.every((p) => p.cacheKey === 'k1')).toBe(true);
    expect(shard.name).toBe('accountable:shard');
    await shard.render(new Request('http://x/'), { routeData: all[0]!.route, collectMetadata: false });
    expect(count).toEqual({ listed: mine.length, rendered: 1 });
  });
});

describe('renderShards: how many Astro builds (ACCOUNTABLE_RENDER_SHARDS)', () => {
  it('one unless asked; a whole number up to the cores; anything else stops the build', () => {
    expect(renderShards(undefined, 2)).toBe(1);
    expect(renderShards('', 2)).toBe(1);
    expect(renderShards('2', 2)).toBe(2);
    expect(renderShards(1, 8)).toBe(1);
    for (const bad of ['0', '3', '1.5', 'two', '-1']) expect(() => renderShards(bad, 2)).toThrow(/ACCOUNTABLE_RENDER_SHARDS must be a whole number from 1 to 2/);
  });
});
