/**
 * What the help marketplace adds to the staff start page (`/{tenant}/beheer`): open requests that
 * still need a helper (the coordinator proposes one) and open reports, for who may list them
 * (`request.list`, `report.list`: the coordinator).
 */
import './attention.messages.ts';
import type { AttentionItem, AttentionSource } from '../../../platform/module.ts';
import { can } from '../policies.ts';
import { countOpenReports, countRequestsWithoutHelper } from './attention.store.ts';

export const helpmatchAttention: AttentionSource = {
  id: 'helpmatch',
  order: 20,
  async items({ db, principal, tenantId, tenantSlug }) {
    const items: AttentionItem[] = [];
    const base = `/${tenantSlug}/hulp/coordinatie`;
    if (can(principal, 'request.list', { tenantId })) {
      const count = await countRequestsWithoutHelper(db, tenantId);
      items.push({ id: 'helpmatch.withoutHelper', labelKey: 'helpmatch.attention.withoutHelper', count, href: base });
    }
    if (can(principal, 'report.list', { tenantId })) {
      const count = await countOpenReports(db, tenantId);
      items.push({ id: 'helpmatch.reports', labelKey: 'helpmatch.attention.reports', count, href: `${base}/meldingen`, urgent: count > 0 });
    }
    return items;
  },
};
