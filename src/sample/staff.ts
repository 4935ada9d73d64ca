import { DAY, END, formatDateTime, wall } from './calendar.ts';
import { toCsv } from './csv.ts';
import { personName } from './names.ts';
import type { Random } from './random.ts';

export type RoleId = 'account-manager' | 'customer-relationship-manager' | 'crm-specialist' | 'customer-service-manager';

export interface Person {
  id: string;
  name: string;
  pinyin: string;
  role: RoleId;
  team: string;
  region: string;
  managerId: string | null;
  hiredAt: number;
  /** last working instant, or null when still employed */
  leftAt: number | null;
  /** persistent performance, about −1 (weak) … +1 (strong): drives every outcome they own */
  skill: number;
  /** relative size of the customer book they are given */
  bookWeight: number;
}

interface TeamPlan {
  team: string;
  region: string;
  roles: [RoleId, number][];
}

/** 6 teams, 58 people: 22 account managers, 14 relationship managers, 8 CRM specialists, 14 service managers */
const teamPlan: TeamPlan[] = [
  { team: '华东一组', region: '华东', roles: [['account-manager', 5], ['customer-relationship-manager', 3]] },
  { team: '华东二组', region: '华东', roles: [['account-manager', 5], ['customer-relationship-manager', 3]] },
  { team: '华南组', region: '华南', roles: [['account-manager', 4], ['customer-relationship-manager', 3]] },
  { team: '华北组', region: '华北', roles: [['account-manager', 4], ['customer-relationship-manager', 3]] },
  { team: '西南组', region: '西南', roles: [['account-manager', 4], ['customer-relationship-manager', 2]] },
  { team: '客服中心', region: '华东', roles: [['customer-service-manager', 14], ['crm-specialist', 8]] },
];

export const teams = teamPlan.map((t) => ({ team: t.team, region: t.region }));
export const salesTeams = teamPlan.filter((t) => t.team !== '客服中心').map((t) => t.team);

/**
 * The designed stories: fixed skills for named positions, so the site has clear strong and
 * weak performers. Everyone else gets a random skill around 0.
 */
export const stories = {
  /** star account manager (华东一组, 2nd AM) */
  strongAccountManager: 'S002',
  /** struggling account manager (华北组, 4th AM) */
  weakAccountManager: 'S027',
  /** star service manager */
  strongServiceManager: 'S040',
  /** slow service manager: long response times, low satisfaction */
  weakServiceManager: 'S047',
  /** the most and least diligent CRM specialists */
  strongSpecialist: 'S053',
  weakSpecialist: 'S057',
  /** an account manager who left on 2025-11-14; their customers were reassigned to teammates */
  leaver: 'S026',
  /** a service manager who left on 2025-06-30 */
  serviceLeaver: 'S049',
  /** account managers hired during the period */
  newHires: ['S013', 'S033'],
  /** the team whose retention and repeat purchase improve year on year */
  improvingTeam: '华南组',
} as const;

const fixedSkill: Record<string, number> = {
  [stories.strongAccountManager]: 0.95,
  [stories.weakAccountManager]: -0.9,
  [stories.strongServiceManager]: 0.9,
  [stories.weakServiceManager]: -0.9,
  [stories.strongSpecialist]: 0.9,
  [stories.weakSpecialist]: -0.85,
};
/** book sizes of the story people, so their results show their skill rather than luck */
const fixedBook: Record<string, number> = {
  [stories.strongAccountManager]: 1.5,
  [stories.weakAccountManager]: 0.9,
};
const fixedLeave: Record<string, number> = {
  [stories.leaver]: wall(2025, 11, 14, 18),
  [stories.serviceLeaver]: wall(2025, 6, 30, 18),
};
const fixedHire: Record<string, number> = {
  S013: wall(2025, 3, 3, 9),
  S033: wall(2025, 7, 1, 9),
};

export function buildStaff(rnd: Random): Person[] {
  const people: Person[] = [];
  const usedNames = new Set<string>();
  let n = 0;
  for (const plan of teamPlan) {
    let leadId: string | null = null;
    for (const [role, count] of plan.roles) {
      for (let i = 0; i < count; i++) {
        n++;
        const id = `S${String(n).padStart(3, '0')}`;
        let nm = personName(rnd);
        while (usedNames.has(nm.name)) nm = personName(rnd);
        usedNames.add(nm.name);
        const isLead = leadId === null;
        const hiredAt =
          fixedHire[id] ??
          wall(isLead ? rnd.int(2014, 2018) : rnd.int(2017, 2023), rnd.int(1, 12), rnd.int(1, 28), 9);
        const skill = fixedSkill[id] ?? Math.max(-0.7, Math.min(0.7, rnd.normal() * 0.35 + (isLead ? 0.2 : 0)));
        people.push({
          id,
          name: nm.name,
          pinyin: nm.pinyin,
          role,
          team: plan.team,
          region: plan.region,
          managerId: leadId,
          hiredAt,
          leftAt: fixedLeave[id] ?? null,
          skill,
          // leads and strong people get bigger books; ownership is skewed
          bookWeight: fixedBook[id] ?? rnd.logNormal(1, 0.45) * (isLead ? 1.4 : 1) * (1 + 0.3 * skill),
        });
        if (isLead) leadId = id;
      }
    }
  }
  return people;
}

export const isActiveAt = (p: Person, t: number): boolean => p.hiredAt <= t && (p.leftAt === null || t <= p.leftAt);
export const isActiveAtEnd = (p: Person): boolean => p.leftAt === null || p.leftAt > END;
/** active on any day of [from, to] */
export const overlaps = (p: Person, from: number, to: number): boolean =>
  p.hiredAt <= to && (p.leftAt === null || p.leftAt >= from);

export function renderStaff(people: readonly Person[]): string {
  return toCsv(
    ['staff_id', 'name', 'role', 'team', 'manager_id', 'region', 'hired_at', 'active'],
    people.map((p) => [
      p.id,
      p.name,
      p.role,
      p.team,
      p.managerId,
      p.region,
      // hire dates are recorded as the day only (midnight)
      formatDateTime(Math.floor(p.hiredAt / DAY) * DAY),
      isActiveAtEnd(p) ? 'true' : 'false',
    ]),
  );
}
