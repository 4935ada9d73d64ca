import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { roleCardSchema } from './roles/role-card.ts';

/**
 * Role cards (岗位卡) as an Astro content collection, so pages can render the Markdown bodies
 * (`render(entry)`). The front matter is validated by the same zod schema the build script uses
 * (src/roles/role-card.ts); the build has already stopped on an invalid card before Astro runs.
 * Entry id = file name without `.md` (= the card's `id`).
 */
const roles = defineCollection({
  loader: glob({ pattern: '*.md', base: './data/roles', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: roleCardSchema,
});

export const collections = { roles };
