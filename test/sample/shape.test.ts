import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../../src/config/schema.ts';
import { kpiById } from '../../src/metrics/kpi-catalogue.ts';
import { defects } from '../../src/sample/defects.ts';
import { sampleFiles } from '../../src/sample/index.ts';
import { inputFiles } from '../../src/validate/schemas/index.ts';
import { files, hoursBetween, table } from './load.ts';

const roles = ['account-manager', 'customer-relationship-manager', 'crm-specialist', 'customer-service-manager'];
const defectKeys = (file: string) => new Set(defects.filter((d) => d.file === file).map((d) => d.key));

describe('files and headers', () => {
  it('every CSV has exactly the canonical header and \\n line endings', () => {
    const expected: Record<string, string> = {
      'staff.csv': 'staff_id,name,role,team,manager_id,region,hired_at,active',
      'customers.csv': 'customer_id,name,owner_id,created_at,region,industry,member_level,phone,email',
      'orders.csv': 'order_id,customer_id,order_date,amount,quantity,unit_price,owner_id,status,channel,product,category,region',
      'tickets.csv': 'ticket_id,customer_id,owner_id,opened_at,first_response_at,resolved_at,type,channel,category,priority,satisfaction',
      'interactions.csv': 'interaction_id,customer_id,owner_id,type,occurred_at,requested_at,channel,outcome',
      'surveys.csv': 'response_id,customer_id,responded_at,channel,ticket_id,csat,nps,dim_quality,dim_price,dim_delivery,dim_service',
      'targets.csv': 'staff_id,team,period,kpi,target',
      'tasks.csv': 'task_id,owner_id,assigned_at,due_at,completed_at,title',
    };
    for (const [name, header] of Object.entries(expected)) {
      const text = files[name as keyof typeof files];
      expect(text.slice(0, text.indexOf('\n')), name).toBe(header);
      expect(text.includes('\r'), name).toBe(false);
      expect(text.endsWith('\n'), name).toBe(true);
    }
    // and they are the canonical schema's columns (surveys: plus dim_* columns), except optional
    // columns the sample does not use: the orders' refund, payment-time and currency columns (refunds
    // are negative lines, orders are paid, every amount is in the config's CNY) and targets' `entity`
    // (its rows name people or teams), and staff's `team_id` (its team URLs are the team names, so
    // test/e2e/team-urls.test.ts renames a team and follows its old URL to the new one)
    const unused: Record<string, string[]> = { 'orders.csv': ['refund_amount', 'paid_at', 'currency'], 'targets.csv': ['entity'], 'staff.csv': ['team_id'] };
    for (const spec of Object.values(inputFiles)) {
      const cols = expected[spec.file].split(',').filter((c) => !c.startsWith('dim_'));
      const schema = Object.keys(spec.schema.shape).filter((c) => !(unused[spec.file] ?? []).includes(c));
      expect(cols.sort(), spec.file).toEqual(schema.sort());
    }
  });

  it('total size stays around 10 MB', () => {
    let bytes = 0;
    for (const f of sampleFiles) bytes += Buffer.byteLength(files[f]);
    expect(bytes).toBeLessThan(10.5 * 1024 * 1024);
    expect(table('orders.csv').length).toBeGreaterThan(45_000);
  });
});

describe('staff', () => {
  const staff = table('staff.csv');
  it('has ~60 people in the four roles and six teams', () => {
    expect(staff.length).toBeGreaterThanOrEqual(55);
    expect(staff.length).toBeLessThanOrEqual(65);
    const byRole = new Map<string, number>();
    for (const s of staff) {
      expect(roles).toContain(s.role);
      byRole.set(s.role!, (byRole.get(s.role!) ?? 0) + 1);
    }
    expect(byRole.get('account-manager')).toBe(22);
    expect(byRole.get('customer-relationship-manager')).toBe(14);
    expect(byRole.get('crm-specialist')).toBe(8);
    expect(byRole.get('customer-service-manager')).toBe(14);
    for (const team of ['华东一组', '华东二组', '华南组', '华北组', '西南组', '客服中心']) {
      expect(staff.filter((s) => s.team === team).length, team).toBeGreaterThan(0);
      // one lead per team, and everyone else reports to that lead
      const leads = staff.filter((s) => s.team === team && s.manager_id === '');
      expect(leads.length, team).toBe(1);
      for (const s of staff) if (s.team === team && s.manager_id !== '') expect(s.manager_id).toBe(leads[0].staff_id);
    }
  });
  it('has unique ids and names, and a couple of leavers', () => {
    expect(new Set(staff.map((s) => s.staff_id)).size).toBe(staff.length);
    expect(new Set(staff.map((s) => s.name)).size).toBe(staff.length);
    const inactive = staff.filter((s) => s.active === 'false').length;
    expect(inactive).toBeGreaterThanOrEqual(1);
    expect(inactive).toBeLessThanOrEqual(4);
    for (const s of staff) expect(s.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
  });
});

describe('customers', () => {
  const customers = table('customers.csv');
  const role = new Map(table('staff.csv').map((s) => [s.staff_id, s.role]));
  it('a few thousand customers, owned by account or relationship managers', () => {
    expect(customers.length).toBeGreaterThanOrEqual(3000);
    expect(customers.length).toBeLessThanOrEqual(4000);
    for (const c of customers) expect(['account-manager', 'customer-relationship-manager'], c.customer_id).toContain(role.get(c.owner_id!));
    expect(new Set(customers.map((c) => c.customer_id)).size).toBe(customers.length);
  });
  it('contact details and member levels look right', () => {
    const levels = new Set(['普通会员', '银卡会员', '金卡会员', '钻石会员', '']);
    let empty = 0;
    for (const c of customers) {
      expect(c.phone).toMatch(/^1[3-9]\d{9}$/);
      if (c.email) expect(c.email).toMatch(/^[a-z]+\d+@example\.(com|net|org)$/);
      expect(levels.has(c.member_level!)).toBe(true);
      if (c.member_level === '') empty++;
    }
    expect(empty).toBeGreaterThan(0);
    for (const level of levels) expect(customers.some((c) => c.member_level === level), level).toBe(true);
  });
  it('nobody buys before their customer record was created', () => {
    const created = new Map(customers.map((c) => [c.customer_id!, c.created_at!]));
    for (const o of table('orders.csv')) {
      const c = created.get(o.customer_id!);
      if (c && !defectKeys('orders.csv').has(o.order_id!)) expect(o.order_date!.slice(0, 10) >= c.slice(0, 10), o.order_id).toBe(true);
    }
  });
  it('ownership is skewed', () => {
    const n = new Map<string, number>();
    for (const c of customers) n.set(c.owner_id!, (n.get(c.owner_id!) ?? 0) + 1);
    const counts = [...n.values()].sort((a, b) => a - b);
    expect(counts[counts.length - 1]).toBeGreaterThan(3 * counts[0]);
  });
});

describe('deliberate defects', () => {
  it('each defect of defects.ts appears exactly as listed', () => {
    for (const d of defects) {
      const rows = table(d.file as 'orders.csv').filter((r) => r[d.keyColumn] === d.key);
      if (d.kind === 'duplicate_key') expect(rows.length, d.id).toBe(2);
      else {
        expect(rows.length, d.id).toBeGreaterThan(0);
        for (const r of rows) expect(r[d.column], d.id).toBe(d.value);
      }
    }
  });
  it('orphans really are orphans', () => {
    const customerIds = new Set(table('customers.csv').map((c) => c.customer_id));
    const staffIds = new Set(table('staff.csv').map((s) => s.staff_id));
    expect(customerIds.has('C99999')).toBe(false);
    expect(staffIds.has('S999')).toBe(false);
    // and nothing else is orphaned
    for (const o of table('orders.csv')) if (o.customer_id && o.order_id !== 'SO2025069001') expect(customerIds.has(o.customer_id)).toBe(true);
    for (const i of table('interactions.csv')) if (i.interaction_id !== 'IN2026079001') expect(staffIds.has(i.owner_id!)).toBe(true);
  });
});

describe('dates', () => {
  const maxOf = (values: string[]) => values.reduce((a, b) => (b > a ? b : a), '');
  it('the data ends on 2026-09-30 and starts in 2023-10', () => {
    const orderDates = table('orders.csv')
      .filter((o) => !defectKeys('orders.csv').has(o.order_id!))
      .map((o) => o.order_date!);
    expect(maxOf(orderDates).slice(0, 10)).toBe('2026-09-30');
    expect(orderDates.reduce((a, b) => (b < a ? b : a)).slice(0, 10)).toBe('2023-10-01');
    for (const d of orderDates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/);
  });
  it('no record in any file lies after the export (2026-09-30 23:59:59)', () => {
    const cols: [Parameters<typeof table>[0], string[]][] = [
      ['tickets.csv', ['opened_at', 'first_response_at', 'resolved_at']],
      ['interactions.csv', ['occurred_at', 'requested_at']],
      ['surveys.csv', ['responded_at']],
      ['tasks.csv', ['assigned_at', 'completed_at']],
      ['customers.csv', ['created_at']],
    ];
    for (const [f, cs] of cols)
      for (const r of table(f))
        for (const c of cs)
          if (r[c]) {
            expect(r[c], `${f} ${c}`).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
            expect(r[c]! <= '2026-09-30 23:59:59', `${f} ${c} ${r[c]}`).toBe(true);
          }
  });
  it('ticket times are in order, except the deliberate defect', () => {
    const skipped = defectKeys('tickets.csv');
    let bad = 0;
    for (const t of table('tickets.csv')) {
      if (t.first_response_at && t.first_response_at < t.opened_at!) {
        bad++;
        expect(skipped.has(t.ticket_id!), t.ticket_id).toBe(true);
      }
      if (t.resolved_at) expect(t.resolved_at >= t.opened_at!, t.ticket_id).toBe(true);
    }
    expect(bad).toBe(1);
  });
});

describe('orders', () => {
  const orders = table('orders.csv');
  it('has multi-line orders, refunds, cancellations, anonymous sales and all channels', () => {
    const lines = new Map<string, number>();
    for (const o of orders) lines.set(o.order_id!, (lines.get(o.order_id!) ?? 0) + 1);
    expect([...lines.values()].filter((n) => n > 1).length).toBeGreaterThan(1000);
    expect(orders.filter((o) => Number(o.amount) < 0).length).toBeGreaterThan(100);
    expect(orders.filter((o) => o.status === '已取消').length).toBeGreaterThan(100);
    expect(orders.filter((o) => o.customer_id === '').length).toBeGreaterThan(100);
    expect(new Set(orders.map((o) => o.channel))).toEqual(new Set(['线上商城', '门店', '电话', '微信', '大客户直销']));
    const withOwner = orders.filter((o) => o.owner_id !== '').length;
    expect(withOwner / orders.length).toBeLessThan(0.5);
    expect(withOwner).toBeGreaterThan(1000);
  });
  it('amount = quantity × unit_price on every ordinary line', () => {
    for (const o of orders) {
      if (defectKeys('orders.csv').has(o.order_id!)) continue;
      expect(Number(o.amount), o.order_id).toBeCloseTo(Number(o.quantity) * Number(o.unit_price), 2);
    }
  });
  it('every month has new customers (first purchases), so every cohort exists', () => {
    const first = new Map<string, string>();
    for (const o of orders) {
      if (!o.customer_id || o.status === '已取消' || Number(o.amount) <= 0 || defectKeys('orders.csv').has(o.order_id!)) continue;
      const prev = first.get(o.customer_id);
      if (!prev || o.order_date! < prev) first.set(o.customer_id, o.order_date!);
    }
    const perMonth = new Map<string, number>();
    for (const d of first.values()) perMonth.set(d.slice(0, 7), (perMonth.get(d.slice(0, 7)) ?? 0) + 1);
    expect(perMonth.size).toBe(36);
    for (const [m, n] of perMonth) if (m !== '2023-10') expect(n, m).toBeGreaterThan(20);
  });
  it('November (双十一) outsells February (春节) every year', () => {
    const rev = new Map<string, number>();
    for (const o of orders) {
      const a = Number(o.amount);
      if (Number.isFinite(a) && o.status !== '已取消') rev.set(o.order_date!.slice(0, 7), (rev.get(o.order_date!.slice(0, 7)) ?? 0) + a);
    }
    expect(rev.get('2024-11')!).toBeGreaterThan(1.5 * rev.get('2024-02')!);
    expect(rev.get('2025-11')!).toBeGreaterThan(1.5 * rev.get('2025-02')!);
  });
});

describe('service, follow-up, surveys, tasks, targets', () => {
  const role = new Map(table('staff.csv').map((s) => [s.staff_id, s.role]));
  it('tickets are handled by service managers, mostly answered within 24 h, some never', () => {
    const tickets = table('tickets.csv');
    let within = 0;
    let answered = 0;
    for (const t of tickets) {
      expect(role.get(t.owner_id!)).toBe('customer-service-manager');
      if (!t.first_response_at) continue;
      answered++;
      if (hoursBetween(t.opened_at!, t.first_response_at) <= 24) within++;
    }
    expect(within / answered).toBeGreaterThan(0.8);
    expect(within / answered).toBeLessThan(0.99);
    expect(tickets.length - answered).toBeGreaterThan(10);
    expect(tickets.some((t) => t.type === '投诉')).toBe(true);
    expect(tickets.filter((t) => t.satisfaction !== '').every((t) => /^[1-5]$/.test(t.satisfaction!))).toBe(true);
  });
  it('visits have requests, mostly held within 48 h, some late or not yet held', () => {
    const visits = table('interactions.csv').filter((i) => i.requested_at);
    let onTime = 0;
    for (const v of visits) if (v.occurred_at && hoursBetween(v.requested_at!, v.occurred_at) <= 48) onTime++;
    expect(onTime / visits.length).toBeGreaterThan(0.75);
    expect(onTime / visits.length).toBeLessThan(0.98);
    expect(visits.filter((v) => !v.occurred_at).length).toBeGreaterThan(0);
    const types = new Set(table('interactions.csv').map((i) => i.type));
    for (const t of ['visit', 'call', 'message', 'email', 'meeting']) expect(types.has(t), t).toBe(true);
    expect(table('interactions.csv').some((i) => role.get(i.owner_id!) === 'crm-specialist')).toBe(true);
  });
  it('survey scores are in range (except the defect) and some answer a ticket', () => {
    const surveys = table('surveys.csv');
    for (const s of surveys) {
      if (s.response_id === 'SV2025099001') continue;
      expect(s.csat, s.response_id).toMatch(/^[1-5]$/);
      if (s.nps) expect(Number(s.nps)).toBeLessThanOrEqual(10);
      for (const d of ['dim_quality', 'dim_price', 'dim_delivery', 'dim_service']) if (s[d]) expect(s[d]).toMatch(/^[1-5]$/);
    }
    const withTicket = surveys.filter((s) => s.ticket_id).length;
    expect(withTicket).toBeGreaterThan(1000);
    expect(surveys.length - withTicket).toBeGreaterThan(1000);
  });
  it('targets: valid periods and KPI ids, none for CRM specialists, team targets for relationship managers', () => {
    const targets = table('targets.csv');
    for (const t of targets) {
      expect(t.period).toMatch(/^\d{4}-Q[1-4]$/);
      expect(kpiById.has(t.kpi!), t.kpi).toBe(true);
      expect(Number.isFinite(Number(t.target))).toBe(true);
      expect((t.staff_id === '') !== (t.team === ''), 'exactly one of staff_id and team').toBe(true);
      if (t.staff_id) expect(['account-manager', 'customer-service-manager']).toContain(role.get(t.staff_id));
      const unit = kpiById.get(t.kpi!)!.unit;
      if (unit === 'ratio') expect(Number(t.target)).toBeGreaterThan(0), expect(Number(t.target)).toBeLessThanOrEqual(1);
    }
    const teamKpis = new Set(targets.filter((t) => t.team).map((t) => t.kpi));
    expect(teamKpis).toEqual(new Set(['retention_rate', 'reactivation_rate', 'tier_upgrade_rate', 'csat', 'coverage_rate', 'visit_sla_rate']));
    expect(new Set(targets.map((t) => t.period)).size).toBe(12);
  });
  it('everyone has tasks; CRM specialists have the most per head', () => {
    const tasks = table('tasks.csv');
    const n = new Map<string, number>();
    for (const t of tasks) n.set(t.owner_id!, (n.get(t.owner_id!) ?? 0) + 1);
    for (const s of table('staff.csv')) expect(n.get(s.staff_id!), s.staff_id).toBeGreaterThan(0);
    const perHead = (r: string) => {
      const ids = table('staff.csv').filter((s) => s.role === r).map((s) => s.staff_id!);
      return ids.reduce((a, id) => a + n.get(id)!, 0) / ids.length;
    };
    for (const r of roles.filter((x) => x !== 'crm-specialist')) expect(perHead('crm-specialist')).toBeGreaterThan(perHead(r));
    expect(tasks.filter((t) => !t.completed_at).length).toBeGreaterThan(100);
    expect(tasks.filter((t) => t.completed_at && t.completed_at > t.due_at!).length).toBeGreaterThan(100);
  });
});

describe('config.yaml', () => {
  it('parses with configSchema, sets the sample settings and leaves asOf to default', () => {
    const raw = parseYaml(files['config.yaml']);
    const config = configSchema.parse(raw);
    expect(config.asOf).toBeUndefined();
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.memberLevels).toEqual(['普通会员', '银卡会员', '金卡会员', '钻石会员']);
    expect(config.site.company?.['zh-CN']).toBe('示例商贸有限公司');
    expect(config.site.company?.en).toBe('Sample Trading Co.');
  });
});
