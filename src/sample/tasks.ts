import { DAY, END, HOUR, MONTHS, drawDay, drawOfficeTime, formatDateTime, wall } from './calendar.ts';
import { toCsv, type Cell } from './csv.ts';
import type { Random } from './random.ts';
import { isActiveAt, type Person, type RoleId } from './staff.ts';

const titles: Record<RoleId, readonly string[]> = {
  'account-manager': ['客户回访', '报价跟进', '续约提醒', '资料更新', '新客户建档', '合同审批跟进'],
  'customer-relationship-manager': ['客户回访', '续约提醒', '大客户关怀', '资料更新', '会员权益告知', '流失预警跟进'],
  'crm-specialist': ['资料更新', '数据清洗', '客户标签维护', '短信营销活动', '会员数据核对', '回访名单导出'],
  'customer-service-manager': ['投诉回访', '工单复核', '服务周报', '知识库更新', '质检抽查'],
};
/** tasks per person per month: CRM specialists get many small ones */
const perMonth: Record<RoleId, number> = {
  'account-manager': 3,
  'customer-relationship-manager': 4,
  'crm-specialist': 10,
  'customer-service-manager': 3,
};

/**
 * tasks.csv: assigned work with a due date. Whether a task is done on time, late or not at
 * all depends on the person's reliability (their skill).
 */
export function buildTasks(rnd: Random, staff: readonly Person[]): string {
  const drafts: { ownerId: string; assignedAt: number; dueAt: number; completedAt: number | null; title: string }[] = [];
  for (const p of staff) {
    const onTime = Math.min(0.97, 0.74 + 0.2 * p.skill);
    for (let m = 0; m < MONTHS; m++) {
      const k = rnd.poisson(perMonth[p.role]);
      for (let i = 0; i < k; i++) {
        const assignedAt = drawDay(rnd, m) + drawOfficeTime(rnd);
        if (assignedAt > END || !isActiveAt(p, assignedAt)) continue;
        const d = new Date(assignedAt + rnd.int(2, 14) * DAY);
        const dueAt = wall(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 18);
        const r = rnd.next();
        let completedAt: number | null = null;
        if (r < onTime) completedAt = assignedAt + Math.round(rnd.range(0.1, 1) * (dueAt - assignedAt) / 60_000) * 60_000;
        else if (r < onTime + (1 - onTime) * 0.65) completedAt = dueAt + Math.round(rnd.logNormal(40, 0.8)) * HOUR;
        if (completedAt !== null && (completedAt > END || (p.leftAt !== null && completedAt > p.leftAt))) completedAt = null;
        drafts.push({ ownerId: p.id, assignedAt, dueAt, completedAt, title: rnd.pick(titles[p.role]) });
      }
    }
  }
  drafts.sort((a, b) => a.assignedAt - b.assignedAt || a.ownerId.localeCompare(b.ownerId));
  const rows: Cell[][] = drafts.map((d, i) => [
    `T${String(i + 1).padStart(6, '0')}`, d.ownerId, formatDateTime(d.assignedAt), formatDateTime(d.dueAt),
    d.completedAt === null ? null : formatDateTime(d.completedAt), d.title,
  ]);
  return toCsv(['task_id', 'owner_id', 'assigned_at', 'due_at', 'completed_at', 'title'], rows);
}
