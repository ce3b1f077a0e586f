/**
 * What the social map adds to the staff start page (`/{tenant}/beheer`): open correction
 * suggestions and entries due for a check, for who maintains them (`socialmap.suggestion.handle`,
 * `socialmap.keep.list`: the coordinator everything, a provider their organisations' entries).
 */
import './attention.messages.ts';
import type { AttentionItem, AttentionSource } from '../../../platform/module.ts';
import { can, reachedOrganisations } from '../policies.ts';
import { freshnessCutoffs } from '../keep/freshness.ts';
import { countEntriesToCheck, countOpenSuggestions } from './attention.store.ts';

export const socialmapAttention: AttentionSource = {
  id: 'socialmap',
  order: 30,
  async items({ db, principal, tenantId, tenantSlug, now }) {
    const items: AttentionItem[] = [];
    const base = `/${tenantSlug}/sociale-kaart/beheer`;
    // A provider without an organisation has nothing to keep here (and no link to an empty page).
    const reach = (action: 'socialmap.suggestion.handle' | 'socialmap.keep.list') =>
      can(principal, action) ? reachedOrganisations(principal, action) : [];
    const suggestionsFor = reach('socialmap.suggestion.handle');
    if (suggestionsFor === null || suggestionsFor.length > 0) {
      const count = await countOpenSuggestions(db, tenantId, suggestionsFor);
      items.push({ id: 'socialmap.suggestions', labelKey: 'socialmap.attention.suggestions', count, href: `${base}/voorstellen` });
    }
    const keepFor = reach('socialmap.keep.list');
    if (keepFor === null || keepFor.length > 0) {
      const count = await countEntriesToCheck(db, tenantId, freshnessCutoffs(now).checkBefore, keepFor);
      items.push({ id: 'socialmap.toCheck', labelKey: 'socialmap.attention.toCheck', count, href: base });
    }
    return items;
  },
};
