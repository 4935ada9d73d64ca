import type { MessageKey } from '../i18n/zh-CN.ts';

/**
 * The main navigation, one entry per page of docs site.md, in menu order. Pages not built yet
 * are `enabled: false`: rendered as plain text (no link), so a link crawl never finds a
 * broken link. Switch an entry on when its page exists.
 */
export interface NavEntry {
  id: string;
  /** locale-free path with trailing slash */
  path: string;
  label: MessageKey;
  enabled: boolean;
  /** the page has period variants (`/kpis/2026-Q3/`): the nav keeps the current period */
  periodic: boolean;
}

export const nav: readonly NavEntry[] = [
  { id: 'overview', path: '/', label: 'nav.overview', enabled: true, periodic: true },
  { id: 'retention', path: '/retention/', label: 'nav.retention', enabled: true, periodic: false },
  { id: 'tiers', path: '/tiers/', label: 'nav.tiers', enabled: true, periodic: false },
  { id: 'kpis', path: '/kpis/', label: 'nav.kpis', enabled: true, periodic: true },
  { id: 'service', path: '/service/', label: 'nav.service', enabled: true, periodic: true },
  { id: 'satisfaction', path: '/satisfaction/', label: 'nav.satisfaction', enabled: true, periodic: true },
  { id: 'channels', path: '/channels/', label: 'nav.channels', enabled: true, periodic: false },
  { id: 'roles', path: '/roles/', label: 'nav.roles', enabled: true, periodic: false },
  { id: 'data', path: '/data/', label: 'nav.data', enabled: true, periodic: false },
  { id: 'downloads', path: '/downloads/', label: 'nav.downloads', enabled: true, periodic: false },
];
