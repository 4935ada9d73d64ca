// Stable CSV URLs: /downloads/<table-id>.csv (see src/site-data/tables.ts for the naming).
import { csvGet, csvPaths } from '../../site-data/routes.ts';

export const getStaticPaths = () => csvPaths('zh-CN');
export const GET = csvGet;
