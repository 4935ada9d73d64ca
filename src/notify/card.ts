import { formatPeriod, formatValue } from '../i18n/format.ts';
import { localePath, pick, t, type Locale } from '../i18n/index.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { changeFigure } from '../site-data/change-text.ts';
import { overviewModel } from '../site-data/overview.ts';
import { defaultPeriod } from '../site-data/periods.ts';
import { absoluteUrl } from '../site-data/page-meta.ts';

/** What a chat group gets after a build: the overview's summary, three figures and the link. */
export interface NotifyCard {
  title: string;
  summary: string;
  figures: { label: string; value: string; change: string }[];
  url: string;
  linkText: string;
}

/** The figures a card shows, in order (the first three the bundle has). */
export const CARD_KPIS = ['revenue', 'buyers', 'retention_rate', 'new_customers', 'csat'] as const;

/** The card for the latest complete period (null when there is none). URL absolute when siteUrl is given. */
export function notifyCard(b: SiteBundle, locale: Locale, siteUrl: string | undefined, base = '/'): NotifyCard | null {
  const period = defaultPeriod(b.manifest)?.id;
  if (!period) return null;
  const m = overviewModel(b, locale, period);
  const figures = CARD_KPIS.map((id) => m.tiles.find((x) => x.def.id === id))
    .filter((x) => x?.c.row?.value != null)
    .slice(0, 3)
    .map((x) => ({
      label: pick(x!.def.name, locale),
      value: formatValue(x!.c.row!.value, x!.def.unit, locale),
      change: `${t(locale, 'kpi.vsPreviousShort')} ${changeFigure(x!.c.vsPrevious, x!.def.unit, locale)}`,
    }));
  return {
    title: `${pick(b.manifest.title, locale)} · ${formatPeriod(period, locale)}`,
    summary: m.summary.join(locale === 'zh-CN' ? '' : ' '),
    figures,
    url: absoluteUrl(localePath(locale, `/${period}/`, base), siteUrl),
    linkText: t(locale, 'notify.open'),
  };
}
