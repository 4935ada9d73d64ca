import { describe, expect, it } from 'vitest';
import type { CustomerTierRow } from '../../src/metrics/index.ts';
import { publishContacts } from '../../src/publish/contacts.ts';

const row = (customer_id: string): CustomerTierRow => ({
  customer_id, name: null, owner_id: null, team: null, region: null, member_level: null, status: 'active',
  first_purchase: null, last_purchase: null, recency_days: null, frequency: null, monetary: null,
  r: null, f: null, m: null, segment: null, value_tier: 'none', value_revenue: 0,
});

describe('contact details on published customer rows', () => {
  const contacts = [
    { customer_id: 'C1', phone: '13812341234', email: 'zhang@example.com' },
    { customer_id: 'C2', phone: null, email: 'li@example.cn' },
  ];

  it('are masked by default', () => {
    const out = publishContacts([row('C1'), row('C2'), row('C3')], contacts, false);
    expect(out.map((c) => [c.customer_id, c.phone, c.email])).toEqual([
      ['C1', '138****1234', 'z***@example.com'],
      ['C2', null, 'l***@example.cn'],
      ['C3', null, null],
    ]);
  });

  it('are shown in full with privacy.showContactDetails', () => {
    const out = publishContacts([row('C1')], contacts, true);
    expect([out[0]!.phone, out[0]!.email]).toEqual(['13812341234', 'zhang@example.com']);
  });
});
