import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { formatBuildError } from '../../src/lib/build-error.ts';
import type { FileSystem } from '../../src/lib/effects.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';
import { kpiById } from '../../src/metrics/kpi-catalogue.ts';
import { loadRoleCards, splitFrontMatter } from '../../src/roles/load-role-cards.ts';
import { ahp, reciprocalMatrix } from '../../src/scoring/ahp.ts';

const fs = nodeEffects().fs;
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/roles/${name}`, import.meta.url));
const shipped = fileURLToPath(new URL('../../data/roles', import.meta.url));

async function loadError(name: string) {
  const r = await loadRoleCards(fixture(name), fs);
  if (r.ok) throw new Error(`expected ${name} to fail`);
  return r.error;
}

describe('loadRoleCards: the shipped cards', () => {
  it('loads the four default cards with their bodies', async () => {
    const r = await loadRoleCards(shipped, fs);
    if (!r.ok) throw new Error(formatBuildError(r.error));
    expect(r.cards.map((c) => c.id)).toEqual(['account-manager', 'crm-specialist', 'customer-relationship-manager', 'customer-service-manager']);
    for (const c of r.cards) {
      expect(c.file).toBe(`roles/${c.id}.md`);
      // each language's body holds only that language (<!-- lang: … --> sections)
      expect(c.body['zh-CN']).toContain('## 岗位定位');
      expect(c.body['zh-CN']).not.toContain('## Role in brief');
      expect(c.body.en).toContain('## Role in brief');
      expect(c.body.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(c.body.en).not.toContain('---\nid:');
      expect(c.kpis.every((k) => kpiById.has(k.id))).toBe(true);
      expect(c.review.reviewedAt).toBe('2026-09-01');
      expect(c.skills.every((s) => s.level >= 1 && s.level <= 5)).toBe(true);
      expect(c.training.every((t) => t.hours > 0)).toBe(true);
    }
  });

  it('keeps the KPI ids and methods the sample data is generated for', async () => {
    const r = await loadRoleCards(shipped, fs);
    if (!r.ok) throw new Error('load failed');
    const by = new Map(r.cards.map((c) => [c.id, c]));
    const ids = (id: string) => by.get(id)!.kpis.map((k) => k.id);
    expect(ids('account-manager')).toEqual(['revenue', 'new_customers', 'retention_rate', 'repeat_rate', 'coverage_rate']);
    expect(ids('customer-relationship-manager')).toEqual(['retention_rate', 'reactivation_rate', 'tier_upgrade_rate', 'csat', 'coverage_rate', 'visit_sla_rate']);
    expect(ids('crm-specialist')).toEqual(['task_completion_rate', 'conversion_rate', 'interactions']);
    expect(ids('customer-service-manager')).toEqual(['response_sla_rate', 'first_response_hours', 'resolution_hours', 'resolution_rate', 'complaint_satisfaction', 'csat']);
    expect(by.get('account-manager')!.weighting.method).toBe('ahp');
    expect(by.get('customer-relationship-manager')!.weighting).toMatchObject({ method: 'combined', alpha: 0.5 });
    expect(by.get('crm-specialist')!.weighting.method).toBe('entropy');
    // relative mode: no default targets on the CRM specialist card
    expect(by.get('crm-specialist')!.kpis.every((k) => k.target == null)).toBe(true);
    const csm = by.get('customer-service-manager')!;
    expect(csm.weighting.method).toBe('expert');
    expect(csm.kpis.reduce((s, k) => s + (k.weight ?? 0), 0)).toBeCloseTo(1, 10);
    // both AHP matrices are consistent enough to build: CR < 0.10
    for (const id of ['account-manager', 'customer-relationship-manager']) {
      const r2 = ahp(reciprocalMatrix(by.get(id)!.weighting.ahp!));
      expect(r2.cr).toBeLessThan(0.1);
    }
    // "1/2" in the relationship manager's triangle is read as a fraction
    expect(by.get('customer-relationship-manager')!.weighting.ahp![2][1]).toBe(0.5);
  });
});

describe('loadRoleCards: errors name the file and the field', () => {
  it('loads a valid fixture (fraction strings in the triangle become numbers)', async () => {
    const r = await loadRoleCards(fixture('valid'), fs);
    if (!r.ok) throw new Error(formatBuildError(r.error));
    expect(r.cards[0].weighting.ahp).toEqual([[1, 2, 4], [1, 2], [1]]);
    expect(r.cards[0].body).toEqual({ 'zh-CN': 'Body text.', en: 'Body text.' });
  });

  it('unknown KPI id: lists close valid ids', async () => {
    const e = await loadError('unknown-kpi');
    expect(e.file).toBe('roles/support-lead.md');
    expect(e.field).toBe('kpis[1].id');
    expect(e.message.en).toContain('unknown KPI id "resolution_hour"; close valid ids: resolution_hours');
    expect(e.message['zh-CN']).toContain('未知的指标 id "resolution_hour"');
    expect(formatBuildError(e)).toContain('roles/support-lead.md, field kpis[1].id: unknown KPI id');
  });

  it('missing language', async () => {
    const e = await loadError('missing-language');
    expect(e.field).toBe('summary.en');
    expect(e.message.en).toBe('missing language "en" in summary: every text needs both zh-CN and en');
    expect(e.message['zh-CN']).toContain('summary 缺少语言 "en"');
  });

  it('AHP triangle of the wrong shape', async () => {
    const e = await loadError('ahp-shape');
    expect(e.field).toBe('weighting.ahp[1]');
    expect(e.message.en).toContain('row 2 of the AHP triangle has 3 entries, expected 2');
    expect(e.message.en).toContain('rows have 3, 2, 1 entries');
  });

  it('AHP row not starting with the diagonal 1', async () => {
    const e = await loadError('ahp-diagonal');
    expect(e.field).toBe('weighting.ahp[1][0]');
    expect(e.message.en).toBe('row 2 of the AHP triangle must start with the diagonal 1, found 2');
  });

  it('non-positive judgement', async () => {
    const e = await loadError('ahp-non-positive');
    expect(e.field).toBe('weighting.ahp[0][1]');
    expect(e.message.en).toBe('judgement a_12 must be a positive number (1/9 … 9), found 0');
  });

  it('id must equal the file name', async () => {
    const e = await loadError('id-mismatch');
    expect(e).toMatchObject({ code: 'role_card_id', file: 'roles/support-lead.md', field: 'id' });
    expect(e.message.en).toBe('id "support-leader" must equal the file name "support-lead"');
  });

  it('YAML syntax errors and missing front matter give the file and line', async () => {
    const files: Record<string, string> = {
      '/r/a.md': '---\nid: a\ntitle: { zh-CN: x, en: y\n---\nbody',
      '/r/b.md': 'no front matter',
    };
    const mem: FileSystem = {
      readFile: async (p) => new TextEncoder().encode(files[p]),
      writeFile: async () => {},
      exists: async () => true,
      readdir: async () => ['b.md', 'a.md', 'notes.txt'],
      mkdir: async () => {},
    };
    const r = await loadRoleCards('/r', mem);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('role_card_yaml');
      expect(r.error.file).toBe('roles/a.md');
      expect(r.error.line).not.toBeNull();
    }
    delete files['/r/a.md'];
    mem.readdir = async () => ['b.md'];
    const r2 = await loadRoleCards('/r', mem);
    expect(!r2.ok && r2.error.code).toBe('role_card_no_front_matter');
  });

  it('a missing roles folder gives no cards', async () => {
    const r = await loadRoleCards(fixture('does-not-exist'), fs);
    expect(r).toEqual({ ok: true, cards: [] });
  });
});

describe('splitFrontMatter', () => {
  it('splits YAML and body (BOM and CRLF tolerated)', () => {
    expect(splitFrontMatter('\uFEFF---\r\na: 1\r\n---\r\n# Hi\r\n')).toEqual({ yaml: 'a: 1', body: '# Hi\r\n', bodyLine: 4 });
    expect(splitFrontMatter('# no')).toBeNull();
  });
});
