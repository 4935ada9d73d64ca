import { DEFAULT_DEFINITION_SETTINGS } from '../metrics/definition-settings.ts';
import { formatCount, formatDate, formatMoney, formatPercent, formatPeriod, formatValue } from '../i18n/format.ts';
import { localePath, pick, t, type Locale } from '../i18n/index.ts';
import type { KpiDefinition } from '../model/kpi.ts';
import type { CompanyTargetRow } from '../scoring/company-targets.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { changeFigure, changePhrase, changeReason } from './change-text.ts';
import { rfmWindowPhrase } from './definition-params.ts';
import { company, compareKpi, kpiDef, kpiRow, kpisWithRows, type Change, type Comparison } from './kpi-index.ts';
import { grainOf, previousPeriod, samePeriodLastYear } from './periods.ts';
import { atRiskNames } from './segments.ts';
import { headlineKpis, overviewMovers } from './tables.ts';
import { companyTarget, DEFAULT_STATUS_THRESHOLDS, STATUS_SYMBOL, targetStatus, type TargetStatus } from './target-status.ts';
import { trendWindow } from './trend-window.ts';

/**
 * The overview's view model for one period, "attention first": the headline tiles with their
 * company target and status, a summary of the period in 3–5 sentences and the "needs attention"
 * list. Everything is read from published tables (KPI rows, company targets, the RFM summary,
 * movers): a selection and a wording, no new figure.
 */

export interface OverviewTile {
  def: KpiDefinition;
  c: Comparison;
  previous: string | null;
  lastYear: string | null;
  target: CompanyTargetRow | null;
  status: { attainment: number; status: TargetStatus } | null;
  /** the KPI over the trend window (null = no row), for the sparkline */
  series: (number | null)[];
}

export interface AttentionItem {
  severity: TargetStatus | 'info';
  /** ✕ / ! / ↓ / · : shown with the words, so colour is never the only signal */
  symbol: string;
  text: string;
  href: string;
}

export interface OverviewModel {
  period: string;
  window: string[];
  tiles: OverviewTile[];
  summary: string[];
  attention: AttentionItem[];
  thresholds: { onTrack: number; atRisk: number };
}

const pct = (v: number, locale: Locale) => formatPercent(v, locale, 0);

export function overviewTiles(b: SiteBundle, period: string): OverviewTile[] {
  const grain = grainOf(period) ?? 'quarter';
  const present = kpisWithRows(b, company, grain);
  const window = trendWindow(b.manifest, grain, period);
  const thresholds = b.manifest.targetStatus ?? DEFAULT_STATUS_THRESHOLDS;
  return headlineKpis
    .map((id) => kpiDef(b, id))
    .filter((d): d is KpiDefinition => !!d && present.has(d.id))
    .map((def) => {
      const c = compareKpi(b, company, period, def);
      const target = companyTarget(b, period, def.id);
      return {
        def, c,
        previous: previousPeriod(period),
        lastYear: samePeriodLastYear(period),
        target,
        status: targetStatus(c.row?.value, target?.target, def.direction, thresholds),
        series: window.map((p) => kpiRow(b, company, p, def.id)?.value ?? null),
      };
    });
}

const tileOf = (tiles: OverviewTile[], id: string) => tiles.find((x) => x.def.id === id);

/** 3–5 sentences: headline, targets, the largest move, customers at risk, SLA breaches (each when its table has it). */
export function periodSummary(b: SiteBundle, locale: Locale, period: string, tiles: OverviewTile[]): string[] {
  const out: string[] = [];
  const label = formatPeriod(period, locale);
  const rev = tileOf(tiles, 'revenue');
  const buyers = tileOf(tiles, 'buyers');
  const fresh = tileOf(tiles, 'new_customers');
  if (rev?.c.row?.value != null && buyers?.c.row?.value != null) {
    const params = {
      period: label,
      revenue: formatMoney(rev.c.row.value, locale),
      revenueChange: changePhrase(rev.c.vsPrevious, rev.def.unit, rev.previous, locale),
      buyers: formatCount(buyers.c.row.value, locale),
      newCustomers: formatCount(fresh?.c.row?.value ?? null, locale),
    };
    out.push(t(locale, fresh?.c.row?.value != null ? 'brief.s.headline' : 'brief.s.headlineNoNew', params));
  }

  const judged = tiles.filter((x) => x.status);
  if (judged.length > 0) {
    const n = (s: TargetStatus) => judged.filter((x) => x.status!.status === s).length;
    const worst = [...judged].sort((x, y) => x.status!.attainment - y.status!.attainment)[0]!;
    out.push(t(locale, 'brief.s.targets', {
      n: judged.length, onTrack: n('on_track'), atRisk: n('at_risk'), offTrack: n('off_track'),
      worst: worst.status!.status === 'on_track' ? '' : t(locale, 'brief.s.targetsWorst', { kpi: pick(worst.def.name, locale), attainment: pct(worst.status!.attainment, locale) }),
    }));
  }

  // The largest move vs the previous period; relative changes and point changes of ratios are
  // both fractions (0.05 = 5 % or 5 points), so they rank on one scale; NPS points are /100.
  const size = (x: OverviewTile) => Math.abs(x.c.vsPrevious.value!) / (x.def.unit === 'nps' ? 100 : 1);
  const moved = tiles.filter((x) => x.c.vsPrevious.value != null && x.c.vsPrevious.verdict !== 'unchanged').sort((x, y) => size(y) - size(x))[0];
  if (moved) {
    out.push(t(locale, 'brief.s.mover', {
      kpi: pick(moved.def.name, locale),
      change: changePhrase(moved.c.vsPrevious, moved.def.unit, moved.previous, locale),
      verdict: t(locale, moved.c.vsPrevious.verdict === 'better' ? 'kpi.better' : 'kpi.worse'),
      direction: t(locale, moved.def.direction === 'higher' ? 'brief.direction.higher' : 'brief.direction.lower'),
    }));
  }

  const seg = b.rfm?.segments;
  if (seg && seg.atRiskCustomers > 0) {
    const months = (b.manifest.definitionSettings ?? DEFAULT_DEFINITION_SETTINGS).rfmWindowMonths;
    out.push(t(locale, 'brief.s.atRisk', {
      asOf: formatDate(b.manifest.asOf, locale), n: formatCount(seg.atRiskCustomers, locale), segments: atRiskNames(locale),
      value: formatMoney(seg.atRiskValue, locale), window: rfmWindowPhrase(months, locale),
    }));
  }

  const sla = slaBreaches(b, period);
  if (sla) {
    out.push(t(locale, sla.breaches > 0 ? 'brief.s.sla' : 'brief.s.slaNone', {
      due: formatCount(sla.due, locale), breaches: formatCount(sla.breaches, locale), hours: sla.hours, rate: formatPercent(sla.rate, locale),
    }));
  }
  return out;
}

/** Tickets due in the period and those answered late: the SLA rate's published denominator and numerator. */
function slaBreaches(b: SiteBundle, period: string): { due: number; breaches: number; rate: number; hours: number } | null {
  const r = kpiRow(b, company, period, 'response_sla_rate');
  if (r?.value == null || r.numerator == null || r.denominator == null || r.denominator === 0) return null;
  const hours = (b.manifest.definitionSettings ?? DEFAULT_DEFINITION_SETTINGS).responseHours;
  return { due: r.denominator, breaches: r.denominator - r.numerator, rate: r.value, hours };
}

/**
 * What needs attention, most pressing first: KPIs off track, then at risk (against their
 * company target); without targets, KPIs worse than both the previous period and last year;
 * then customers at risk, SLA breaches and the team whose revenue fell most.
 */
export function attentionList(b: SiteBundle, locale: Locale, period: string, tiles: OverviewTile[]): AttentionItem[] {
  const items: AttentionItem[] = [];
  const here = (path: string) => localePath(locale, path);
  for (const s of ['off_track', 'at_risk'] as const) {
    for (const x of tiles.filter((y) => y.status?.status === s).sort((p, q) => p.status!.attainment - q.status!.attainment)) {
      items.push({
        severity: s, symbol: STATUS_SYMBOL[s], href: `#kpi-${x.def.id}`,
        text: `${t(locale, `brief.status.${s}`)} · ${t(locale, 'brief.a.kpi', {
          kpi: pick(x.def.name, locale), value: formatValue(x.c.row?.value, x.def.unit, locale),
          target: formatValue(x.target?.target, x.def.unit, locale), attainment: pct(x.status!.attainment, locale),
        })}`,
      });
    }
  }
  for (const x of tiles.filter((y) => !y.status && y.c.vsPrevious.verdict === 'worse' && y.c.vsLastYear.verdict === 'worse')) {
    items.push({ severity: 'info', symbol: '↓', href: `#kpi-${x.def.id}`, text: t(locale, 'brief.a.worse', { kpi: pick(x.def.name, locale), value: formatValue(x.c.row?.value, x.def.unit, locale) }) });
  }
  const seg = b.rfm?.segments;
  if (seg && seg.atRiskCustomers > 0) {
    items.push({ severity: 'info', symbol: '·', href: here('/tiers/#at-risk-value'), text: t(locale, 'brief.a.atRisk', { n: formatCount(seg.atRiskCustomers, locale), value: formatMoney(seg.atRiskValue, locale) }) });
  }
  const sla = slaBreaches(b, period);
  if (sla && sla.breaches > 0) {
    items.push({ severity: 'info', symbol: '·', href: here(`/service/${period}/`), text: t(locale, 'brief.a.sla', { breaches: formatCount(sla.breaches, locale), hours: sla.hours }) });
  }
  const fell = overviewMovers(b, locale, period)
    .find((g) => g.kind === 'team' && g.kpi === 'revenue')
    ?.rows.filter((r) => r.verdict === 'worse')
    .sort((x, y) => (x.change as number) - (y.change as number))[0];
  if (fell) {
    const def = kpiDef(b, 'revenue')!;
    const change = changeFigure({ kind: 'relative', value: fell.change as number, verdict: 'worse' }, def.unit, locale);
    items.push({ severity: 'info', symbol: '↓', href: String(fell.href), text: t(locale, 'brief.a.team', { team: String(fell.entity), change }) });
  }
  return items;
}

export function overviewModel(b: SiteBundle, locale: Locale, period: string): OverviewModel {
  const tiles = overviewTiles(b, period);
  return {
    period,
    window: trendWindow(b.manifest, grainOf(period) ?? 'quarter', period),
    tiles,
    summary: periodSummary(b, locale, period, tiles),
    attention: attentionList(b, locale, period, tiles),
    thresholds: b.manifest.targetStatus ?? DEFAULT_STATUS_THRESHOLDS,
  };
}

/** New vs returning: the three published KPIs with their change, and the two bars (new customers, returning buyers). */
export function newReturning(b: SiteBundle, locale: Locale, period: string) {
  const prev = previousPeriod(period);
  const items = ['new_customers', 'returning_share', 'returning_revenue_share']
    .map((id) => kpiDef(b, id))
    .filter((d): d is KpiDefinition => !!d)
    .map((def) => {
      const c = compareKpi(b, company, period, def);
      return { def, c, change: changeFigure(c.vsPrevious, def.unit, locale), reason: changeReason(c.vsPrevious, prev, locale) };
    });
  const fresh = items.find((x) => x.def.id === 'new_customers');
  const ret = items.find((x) => x.def.id === 'returning_share')?.c.row;
  const bars = fresh?.c.row?.value != null && ret?.numerator != null
    ? [{ label: pick(fresh.def.name, locale), value: fresh.c.row.value }, { label: t(locale, 'overview.returningBuyers'), value: ret.numerator }]
    : null;
  return { items, bars };
}

/** The movers tables as shown: titles and formatted cells (the CSV has the raw figures). */
export function moverGroups(b: SiteBundle, locale: Locale, period: string) {
  return overviewMovers(b, locale, period).map((g) => ({
    id: `movers-${g.kind}-${g.kpi}`,
    title: t(locale, `overview.movers${g.kind === 'team' ? 'Teams' : 'People'}${g.kpi === 'revenue' ? 'Revenue' : 'Retention'}`),
    rows: g.rows.map((r) => {
      const unit = r.unit as 'currency' | 'ratio';
      const c = { kind: r.change_unit === 'points' ? 'points' : 'relative', value: r.change as number | null, verdict: r.verdict } as Change;
      return {
        entity: String(r.entity), href: String(r.href), verdict: (r.verdict as string | null) ?? undefined,
        values: `${formatValue(r.previous as number, unit, locale)} → ${formatValue(r.current as number, unit, locale)}`,
        change: changeFigure(c, unit, locale),
        verdictText: t(locale, r.verdict === 'better' ? 'kpi.better' : r.verdict === 'worse' ? 'kpi.worse' : r.verdict === 'unchanged' ? 'kpi.unchanged' : 'kpi.noComparison'),
      };
    }),
  }));
}
