import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { applyPrivacy } from '../../src/publish/privacy.ts';

const anon = (v: string, key: string) => `anon-${createHmac('sha256', key).update(v).digest('hex').slice(0, 16)}`;

describe('applyPrivacy: the rule on every text field of the bundle', () => {
  it('pseudonymises identifiers consistently across tables, masks text, keeps other values', () => {
    const bundle = {
      customers: [{ customer_id: '13800138000', name: '王先生 13912345678', region: '华北', phone: '138****8000', email: 'b***@x.com', monetary: 12.5 }],
      scores: [{ staff_id: 'owner@example.com', period: '2026-Q3', score: 88 }],
      people: [{ staff_id: 'owner@example.com', name: '李四', team: null }],
      ledger: [{ file: 'orders.csv', reasons: [{ examples: [{ line: 9, raw: 'call 18512345678' }] }] }],
      manifest: { asOf: '2026-09-30', fingerprints: [{ file: 'orders.csv', sha256: 'ab13812345678cd' }] },
      roles: [{ id: 'am', bodyHtml: { en: '<p>Hotline 400-800-1234</p>' } }],
      tags: ['x', 'zhang@example.com'],
    };
    const out = applyPrivacy(bundle, 'k');
    expect(out).toBe(bundle); // in place
    expect(out.customers[0]).toEqual({ customer_id: anon('13800138000', 'k'), name: '王先生 139****5678', region: '华北', phone: '138****8000', email: 'b***@x.com', monetary: 12.5 });
    // the same identifier gets the same pseudonym in every table (joins and links still work)
    expect(out.scores[0]!.staff_id).toBe(anon('owner@example.com', 'k'));
    expect(out.people[0]!.staff_id).toBe(out.scores[0]!.staff_id);
    expect(out.ledger[0]!.reasons[0]!.examples[0]!.raw).toBe('call 185****5678');
    expect(out.manifest).toEqual({ asOf: '2026-09-30', fingerprints: [{ file: 'orders.csv', sha256: 'ab13812345678cd' }] });
    expect(out.roles[0]!.bodyHtml.en).toBe('<p>Hotline 400-800-1234</p>');
    expect(out.tags).toEqual(['x', anon('zhang@example.com', 'k')]);
  });
});
