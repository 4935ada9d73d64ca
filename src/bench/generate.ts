import { mulberry32 } from '../sample/random.ts';

/**
 * Deterministic synthetic CRM data for the bench and the differential test, by callback so that
 * millions of rows are streamed, never held: staff, customers, order lines, tickets, surveys and
 * interactions in fixed proportions to the number of order lines.
 *
 * Shape: 3 years of orders (2023–2025, Asia/Shanghai wall times); customers join over the span
 * and buy with a skewed frequency; orders have 1–3 lines whose times may differ by hours (the
 * earliest is not always first in the file); ~4 % of orders are refunds, ~3 % of lines are
 * negative adjustments, ~1 % of orders anonymous, ~1 % of customers missing from customers.csv,
 * a few order lines carry no owner (the customer's owner applies).
 */
export interface SynthOptions {
  lines: number;
  seed?: number;
  /** share of orders with status cancelled (ingest drops them); default 0.01 */
  cancelledShare?: number;
  /** staff and team counts instead of the proportional ones (the site-scale bench: 2,000 / 50) */
  staff?: number;
  teams?: number;
}

/** The four role cards that ship, cycled over the staff so every role gets scored. */
export const ROLES = ['account-manager', 'customer-relationship-manager', 'crm-specialist', 'customer-service-manager'];

export interface SynthLine {
  order_id: string;
  customer_id: string | null;
  /** epoch ms */
  order_date: number;
  /** in minor units (fen), as ingest holds amounts (lib/money.ts) */
  amount: number;
  owner_id: string | null;
  status: string;
  channel: string;
  product: string;
  region: string | null;
}

export interface SynthSink {
  staff?(s: { staff_id: string; name: string; role: string; team: string; region: string }): void;
  customer?(c: { customer_id: string; name: string; owner_id: string | null; created_at: number; region: string | null; member_level: string | null }): void;
  line(l: SynthLine): void;
  ticket?(t: { ticket_id: string; customer_id: string; owner_id: string; opened_at: number; first_response_at: number | null; resolved_at: number | null; type: string; channel: string; satisfaction: number | null }): void;
  survey?(s: { response_id: string; customer_id: string; responded_at: number; channel: string; csat: number | null; nps: number | null; dim_quality: number | null }): void;
  interaction?(i: { interaction_id: string; customer_id: string; owner_id: string; type: string; occurred_at: number; channel: string }): void;
}

export interface SynthSizes {
  customers: number;
  staff: number;
  teams: number;
  tickets: number;
  surveys: number;
  interactions: number;
}

export const DAY = 86_400_000;
/** 2023-01-01 00:00 Asia/Shanghai */
export const SPAN_START = Date.UTC(2023, 0, 1) - 8 * 3_600_000;
export const SPAN_DAYS = 3 * 365;

export const CHANNELS = ['online', 'store', 'phone', 'partner', 'wechat'];
export const REGIONS = ['华东', '华北', '华南', '西南', '东北', 'West'];
export const LEVELS = ['silver', 'gold', 'platinum'];

export function sizesOf(lines: number, fixed: { staff?: number; teams?: number } = {}): SynthSizes {
  const staff = fixed.staff ?? Math.min(200, Math.max(8, Math.round(lines / 25_000)));
  return {
    customers: Math.max(50, Math.round(lines / 10)),
    staff,
    teams: fixed.teams ?? Math.max(2, Math.round(staff / 8)),
    tickets: Math.round(lines / 20),
    surveys: Math.round(lines / 25),
    interactions: Math.round(lines / 10),
  };
}

export function synthesize(opts: SynthOptions, sink: SynthSink): SynthSizes {
  const sizes = sizesOf(opts.lines, opts);
  const rnd = mulberry32(opts.seed ?? 1);
  const int = (n: number): number => Math.floor(rnd() * n);
  const cancelled = opts.cancelledShare ?? 0.01;
  const staffId = (i: number): string => `S${String(i).padStart(3, '0')}`;
  const custId = (i: number): string => `C${String(i).padStart(7, '0')}`;
  for (let s = 0; s < sizes.staff; s++)
    sink.staff?.({ staff_id: staffId(s), name: `Rep ${s}`, role: ROLES[s % ROLES.length]!, team: `Team ${s % sizes.teams}`, region: REGIONS[s % REGIONS.length]! });

  // customers: join day, owner, region, level, activity weight
  const C = sizes.customers;
  const join = new Int32Array(C);
  const owner = new Int32Array(C);
  const region = new Int8Array(C);
  for (let c = 0; c < C; c++) {
    join[c] = int(SPAN_DAYS - 30);
    owner[c] = rnd() < 0.97 ? int(sizes.staff) : -1;
    region[c] = rnd() < 0.9 ? int(REGIONS.length) : -1;
    const inFile = rnd() >= 0.01; // ~1 % orphans: in orders, not in customers.csv
    if (inFile)
      sink.customer?.({
        customer_id: custId(c),
        name: `Customer ${c}`,
        owner_id: owner[c]! >= 0 ? staffId(owner[c]!) : null,
        created_at: SPAN_START + (join[c]! - int(60)) * DAY + int(DAY),
        region: region[c]! >= 0 ? REGIONS[region[c]!]! : null,
        member_level: rnd() < 0.4 ? LEVELS[int(LEVELS.length)]! : null,
      });
  }

  let order = 0;
  let written = 0;
  const line: SynthLine = { order_id: '', customer_id: null, order_date: 0, amount: 0, owner_id: null, status: 'paid', channel: '', product: '', region: null };
  while (written < opts.lines) {
    order++;
    // skewed choice: low indices buy far more often
    const u = rnd();
    const c = Math.floor(C * u * u);
    const anonymous = rnd() < 0.01;
    const day = join[c]! + int(SPAN_DAYS - join[c]!);
    const base = SPAN_START + day * DAY + int(DAY - 3 * 3_600_000);
    const refund = rnd() < 0.04;
    const nLines = 1 + int(3);
    const orderOwner = rnd() < 0.9 ? owner[c]! : int(sizes.staff);
    const status = rnd() < cancelled ? 'cancelled' : 'paid';
    const channel = CHANNELS[int(CHANNELS.length)]!;
    for (let k = 0; k < nLines && written < opts.lines; k++) {
      line.order_id = `O${order}`;
      line.customer_id = anonymous ? null : custId(c);
      // later lines may be earlier in time than the first one: the order date is their min
      line.order_date = base + int(3) * 7 * 3_600_000 - (k === 0 ? 0 : int(2) * 3_600_000);
      let cents = Math.max(100, Math.round(Math.exp(Math.log(30_000) + 0.8 * normal(rnd))));
      if (refund || (k > 0 && rnd() < 0.03)) cents = -Math.round(cents / 2);
      line.amount = cents;
      // first line usually names the owner; sometimes only a later line does, sometimes none
      const r = rnd();
      line.owner_id = (k === 0 ? r < 0.8 : r < 0.5) && orderOwner >= 0 ? staffId(orderOwner) : null;
      line.status = status;
      line.channel = k === 0 ? channel : CHANNELS[int(CHANNELS.length)]!;
      line.product = `P${int(500)}`;
      line.region = rnd() < 0.95 ? REGIONS[int(REGIONS.length)]! : null;
      sink.line(line);
      written++;
    }
  }

  if (sink.ticket)
    for (let t = 0; t < sizes.tickets; t++) {
      const c = int(C);
      const opened = SPAN_START + (join[c]! + int(SPAN_DAYS - join[c]!)) * DAY + int(DAY);
      const responded = rnd() < 0.95 ? opened + int(48 * 3_600_000) : null;
      const complaint = rnd() < 0.4;
      sink.ticket({
        ticket_id: `T${t}`,
        customer_id: custId(c),
        owner_id: staffId(int(sizes.staff)),
        opened_at: opened,
        first_response_at: responded,
        resolved_at: responded !== null && rnd() < 0.9 ? responded + int(120 * 3_600_000) : null,
        type: complaint ? 'complaint' : rnd() < 0.5 ? 'request' : 'inquiry',
        channel: CHANNELS[int(CHANNELS.length)]!,
        satisfaction: complaint && rnd() < 0.6 ? 1 + int(5) : null,
      });
    }
  if (sink.survey)
    for (let s = 0; s < sizes.surveys; s++) {
      const c = int(C);
      sink.survey({
        response_id: `R${s}`,
        customer_id: custId(c),
        responded_at: SPAN_START + (join[c]! + int(SPAN_DAYS - join[c]!)) * DAY + int(DAY),
        channel: CHANNELS[int(CHANNELS.length)]!,
        csat: rnd() < 0.9 ? 1 + int(5) : null,
        nps: rnd() < 0.8 ? int(11) : null,
        dim_quality: rnd() < 0.7 ? 1 + int(5) : null,
      });
    }
  if (sink.interaction)
    for (let i = 0; i < sizes.interactions; i++) {
      const c = int(C);
      sink.interaction({
        interaction_id: `I${i}`,
        customer_id: custId(c),
        owner_id: staffId(owner[c]! >= 0 ? owner[c]! : int(sizes.staff)),
        type: ['visit', 'call', 'email', 'message', 'meeting'][int(5)]!,
        occurred_at: SPAN_START + (join[c]! + int(SPAN_DAYS - join[c]!)) * DAY + int(DAY),
        channel: CHANNELS[int(CHANNELS.length)]!,
      });
    }
  return sizes;
}

function normal(rnd: () => number): number {
  const u = 1 - rnd();
  const v = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
