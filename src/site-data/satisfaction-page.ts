import { formatPeriodShort } from '../i18n/format.ts';
import type { Locale } from '../i18n/index.ts';
import type { KpiDefinition } from '../model/kpi.ts';
import type { SatisfactionDetailRow } from '../metrics/satisfaction-detail.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { kpiDef } from './kpi-index.ts';
import { grainOf } from './periods.ts';
import { companySat, dimLabel, satChannels, satRows, satTeams } from './tables/satisfaction.ts';
import { trendWindow } from './trend-window.ts';
import { dataLabel } from './data-labels.ts';

/**
 * The satisfaction page's view model for one period: the company CSAT and NPS rows, and every
 * interval chart's estimates (dimensions; channels and teams, CSAT and NPS; the trend over the
 * window). Each estimate is a published row of bundle.satisfaction.detail (value, interval, n,
 * too_few → muted); a missing row is an estimate of null with n = 0. The page draws the charts.
 */
export interface SatEstimate {
  label: string;
  estimate: number | null;
  low: number | null;
  high: number | null;
  n: number;
  /** too few responses: drawn grey */
  muted: boolean;
}

export interface SatisfactionView {
  period: string;
  hasSurveys: boolean;
  csat: SatisfactionDetailRow | undefined;
  nps: SatisfactionDetailRow | undefined;
  csatDef: KpiDefinition | null;
  npsDef: KpiDefinition | null;
  dimensions: string[];
  channels: string[];
  teams: string[];
  /** estimates of each chart; a chart with no estimate at all is not drawn */
  estimates: {
    dimensions: SatEstimate[];
    channelCsat: SatEstimate[];
    channelNps: SatEstimate[];
    teamCsat: SatEstimate[];
    teamNps: SatEstimate[];
    csatTrend: SatEstimate[];
    npsTrend: SatEstimate[];
  };
}

export const estimateOf = (label: string, r: SatisfactionDetailRow | undefined): SatEstimate => ({
  label, estimate: r?.value ?? null, low: r?.low ?? null, high: r?.high ?? null, n: r?.n ?? 0, muted: r?.too_few ?? false,
});

/** a chart is drawn when at least one of its estimates exists */
export const drawable = (es: readonly SatEstimate[]): boolean => es.some((e) => e.estimate != null);

export const satisfactionView = (b: SiteBundle, locale: Locale, period: string): SatisfactionView => {
  const grain = grainOf(period) ?? 'quarter';
  const window = trendWindow(b.manifest, grain, period);
  const dimensions = b.satisfaction?.dimensions ?? [];
  const channels = satChannels(b, period);
  const teams = satTeams(b, period);
  const channelRow = (ch: string, m: string) => satRows(b, { entity_type: 'company', channel: ch, period, measure: m })[0];
  const teamRow = (team: string, m: string) => satRows(b, { entity_type: 'team', entity_id: team, channel: null, period, measure: m })[0];
  const trend = (m: 'csat' | 'nps') => window.map((p) => estimateOf(formatPeriodShort(p, locale), companySat(b, p, m)));
  return {
    period,
    hasSurveys: b.manifest.filesPresent.includes('surveys') && !!b.satisfaction,
    csat: companySat(b, period, 'csat'),
    nps: companySat(b, period, 'nps'),
    csatDef: kpiDef(b, 'csat') ?? null,
    npsDef: kpiDef(b, 'nps') ?? null,
    dimensions,
    channels,
    teams,
    estimates: {
      dimensions: dimensions.map((d) => estimateOf(dimLabel(locale, d), companySat(b, period, `dim_${d}`))),
      channelCsat: channels.map((ch) => estimateOf(dataLabel(b, locale, ch), channelRow(ch, 'csat'))),
      channelNps: channels.map((ch) => estimateOf(dataLabel(b, locale, ch), channelRow(ch, 'nps'))),
      teamCsat: teams.map((x) => estimateOf(x, teamRow(x, 'csat'))),
      teamNps: teams.map((x) => estimateOf(x, teamRow(x, 'nps'))),
      csatTrend: trend('csat'),
      npsTrend: trend('nps'),
    },
  };
};
