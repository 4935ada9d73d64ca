import { maskEmail, maskPhone } from '../ingest/mask.ts';
import type { PublishedCustomer } from '../bundle/contract.ts';
import type { CustomerContact } from '../metrics/compute-all-metrics.ts';
import type { CustomerTierRow } from '../metrics/index.ts';

/**
 * Personal data leaves the build masked (`138****1234`, `z***@example.com`) unless
 * `privacy.showContactDetails: true`: managers see whom to call, a shared link leaks nothing.
 */
export function publishContacts(
  customers: readonly CustomerTierRow[],
  contacts: readonly CustomerContact[],
  showContactDetails: boolean,
): PublishedCustomer[] {
  const byId = new Map(contacts.map((c) => [c.customer_id, c]));
  return customers.map((c) => {
    const k = byId.get(c.customer_id);
    const phone = k?.phone ?? null;
    const email = k?.email ?? null;
    return {
      ...c,
      phone: phone === null ? null : showContactDetails ? phone : maskPhone(phone),
      email: email === null ? null : showContactDetails ? email : maskEmail(email),
    };
  });
}
