import { teamSlugsGet } from '../../site-data/routes.ts';

export const GET = teamSlugsGet;
