/**
 * The staff start page (`/{tenant}/beheer`): what waits for this person now. Every module adds
 * its lines through its definition (`attention`, src/platform/module.ts); each source returns only
 * what the principal may see. This module adds the new residents for the administrator.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { AttentionItem, AttentionSource } from '../../../platform/module.ts';
import type { Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { countNewResidentsWithoutRole } from './start.store.ts';

/** How far back "new" residents go. */
export const NEW_RESIDENT_DAYS = 14;

export const peopleAttention: AttentionSource = {
  id: 'people',
  order: 90,
  async items({ db, principal, tenantId, tenantSlug, now }) {
    if (!can(principal, 'membership.list', { tenantId })) return [];
    const since = new Date(now.getTime() - NEW_RESIDENT_DAYS * 24 * 60 * 60 * 1000);
    const count = await countNewResidentsWithoutRole(db, tenantId, since);
    return [{ id: 'people.newResidents', labelKey: 'people.attention.newResidents', count, href: `/${tenantSlug}/beheer/gebruikers` }];
  },
};

/** The lines of every source for the principal: urgent work first, then in the sources' order. */
export async function attentionFor(
  db: DbOrTrx,
  principal: Principal,
  tenant: { id: string; slug: string },
  sources: readonly AttentionSource[],
  now: Date,
): Promise<AttentionItem[]> {
  const items: AttentionItem[] = [];
  for (const source of sources) {
    items.push(...(await source.items({ db, principal, tenantId: tenant.id, tenantSlug: tenant.slug, now })));
  }
  const urgent = (i: AttentionItem) => (i.urgent && i.count > 0 ? 0 : 1);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => urgent(a.item) - urgent(b.item) || a.index - b.index)
    .map((x) => x.item);
}
