import { DAY, END, MONTHS, START, drawDay, drawOfficeTime, formatDateTime, seasonality, wall } from './calendar.ts';
import { toCsv } from './csv.ts';
import { companyName, emailAddress, industries, personName, phoneNumber } from './names.ts';
import type { Random } from './random.ts';
import { isActiveAt, type Person } from './staff.ts';

export const memberLevels = ['普通会员', '银卡会员', '金卡会员', '钻石会员'] as const;

export interface OwnerSpell {
  /** first instant this person owns the customer */
  from: number;
  ownerId: string;
}

export interface Customer {
  id: string;
  name: string;
  kind: 'company' | 'person';
  createdAt: number;
  /** month index of the first purchase (may be before creation is recorded for the old base); null = prospect */
  firstMonth: number | null;
  region: string;
  industry: string | null;
  team: string;
  owners: OwnerSpell[];
  phone: string;
  email: string | null;
  /** expected purchases per active month before seasonality and owner effects */
  rate: number;
  /** median order value (CNY) */
  orderValue: number;
  /** the channel this customer usually buys through */
  channel: string;
  /** never enrols in the membership programme */
  noMembership: boolean;
}

/** The owner of a customer at instant t (the spell in force then). */
export function ownerAt(c: Customer, t: number): string {
  let id = c.owners[0].ownerId;
  for (const s of c.owners) if (s.from <= t) id = s.ownerId;
  return id;
}
export const currentOwner = (c: Customer): string => c.owners[c.owners.length - 1].ownerId;

const companyChannels = ['大客户直销', '电话', '微信', '线上商城'];
const personChannels = ['线上商城', '门店', '微信', '电话'];

/** customers already on the books when the data starts */
const EXISTING = 950;
/** customers created per month on average over the three years */
const NEW_PER_MONTH = 72;

export function buildCustomers(rnd: Random, staff: readonly Person[]): Customer[] {
  const owners = staff.filter((p) => p.role === 'account-manager' || p.role === 'customer-relationship-manager');
  const customers: Customer[] = [];
  const names = new Set<string>();

  const pickOwner = (t: number, existing: boolean): Person => {
    const eligible = owners.filter((p) => isActiveAt(p, existing ? START : t));
    // relationship managers look after the established base; account managers win the new customers
    const weights = eligible.map(
      (p) => p.bookWeight * (p.role === 'customer-relationship-manager' ? (existing ? 1.6 : 0.25) : 1),
    );
    return rnd.weighted(eligible, weights);
  };

  const make = (createdAt: number, firstMonth: number | null, existing: boolean) => {
    const owner = pickOwner(createdAt, existing);
    const kind: Customer['kind'] = rnd.chance(0.68) ? 'company' : 'person';
    const [industry, words] = rnd.pick(industries);
    let name = '';
    let handle = '';
    do {
      if (kind === 'company') {
        name = companyName(rnd, owner.region, words);
        handle = 'contact';
      } else {
        const pn = personName(rnd);
        name = pn.name;
        handle = pn.pinyin;
      }
    } while (kind === 'company' && names.has(name));
    names.add(name);
    const id = `C${String(customers.length + 1).padStart(5, '0')}`;
    customers.push({
      id,
      name,
      kind,
      createdAt,
      firstMonth,
      region: owner.region,
      industry: kind === 'company' ? industry : null,
      team: owner.team,
      owners: [{ from: Math.min(createdAt, START), ownerId: owner.id }],
      phone: phoneNumber(rnd),
      email: rnd.chance(kind === 'company' ? 0.85 : 0.55) ? emailAddress(rnd, handle) : null,
      rate: kind === 'company' ? rnd.logNormal(0.5, 0.5) : rnd.logNormal(0.36, 0.5),
      orderValue: kind === 'company' ? rnd.logNormal(5200, 0.75) : rnd.logNormal(680, 0.6),
      channel: rnd.pick(kind === 'company' ? companyChannels : personChannels),
      noMembership: rnd.chance(0.1),
    });
  };

  for (let i = 0; i < EXISTING; i++) {
    const created = wall(rnd.int(2019, 2023), rnd.int(1, 9), rnd.int(1, 28), 0) + drawOfficeTime(rnd);
    make(created, 0, true);
  }
  for (let m = 0; m < MONTHS; m++) {
    // slow growth in acquisition plus the seasonal pattern
    const count = rnd.poisson(NEW_PER_MONTH * (0.85 + (0.3 * m) / MONTHS) * seasonality(m) / 9) * 9 + rnd.int(0, 8);
    for (let i = 0; i < count; i++) {
      const created = drawDay(rnd, m) + drawOfficeTime(rnd);
      if (created > END) continue;
      // 8 % are prospects that never buy; most buy in the month they are created
      const prospect = rnd.chance(0.08);
      const lag = rnd.chance(0.8) ? 0 : 1;
      make(created, prospect ? null : Math.min(MONTHS - 1, m + lag), false);
    }
  }

  // The leaver's customers go to teammates the day after they leave.
  for (const p of staff) {
    if (p.leftAt === null || !owners.includes(p)) continue;
    const mates = owners.filter((o) => o.team === p.team && o !== p && isActiveAt(o, p.leftAt! + DAY));
    for (const c of customers) {
      if (currentOwner(c) !== p.id) continue;
      c.owners.push({ from: p.leftAt + 1000, ownerId: rnd.weighted(mates, mates.map((m) => m.bookWeight)).id });
    }
  }
  return customers;
}

/**
 * The customers file as exported at the end: member level is the level the programme gave
 * each member from their lifetime spend (the top few percent are 钻石会员).
 */
export function renderCustomers(customers: readonly Customer[], spend: ReadonlyMap<string, number>): string {
  const ranked = customers
    .filter((c) => !c.noMembership && (spend.get(c.id) ?? 0) > 0)
    .sort((a, b) => (spend.get(b.id) ?? 0) - (spend.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));
  const level = new Map<string, string>();
  ranked.forEach((c, i) => {
    const share = i / ranked.length;
    level.set(c.id, share < 0.05 ? memberLevels[3] : share < 0.2 ? memberLevels[2] : share < 0.5 ? memberLevels[1] : memberLevels[0]);
  });
  return toCsv(
    ['customer_id', 'name', 'owner_id', 'created_at', 'region', 'industry', 'member_level', 'phone', 'email'],
    customers.map((c) => [
      c.id,
      c.name,
      currentOwner(c),
      formatDateTime(c.createdAt),
      c.region,
      c.industry,
      level.get(c.id) ?? null,
      c.phone,
      c.email,
    ]),
  );
}
