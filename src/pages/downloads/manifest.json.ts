import { manifestGet } from '../../site-data/routes.ts';

export const GET = manifestGet;
