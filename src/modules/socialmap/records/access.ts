/**
 * The write functions of the social map check the actor first (policies.ts), whoever calls them:
 * these find the people organisations that maintain the entry written to (ResourceFacts).
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { authorize } from '../../../platform/principal.ts';
import { can, type SocialmapAction } from '../policies.ts';
import type { Actor } from '../actor.ts';
import { peopleOrganisationsOf, type EntryRef } from './access.store.ts';

export type { EntryRef };

/**
 * Forbidden unless the actor may do this to every entry named in `ref` (each one on its own: a
 * service of one's own organisation does not open a location of another) in this municipality.
 * System actors: any entry of their municipality.
 */
export async function authorizeEntry(db: DbOrTrx, actor: Actor, tenantId: string, action: SocialmapAction, ref: EntryRef): Promise<void> {
  if (actor.system) return authorize(can(actor, action, { tenantId }));
  const named = (Object.entries(ref) as [keyof EntryRef, string | null | undefined][]).filter(([, id]) => id);
  // Nothing named (an entry of no organisation): only the `all` reach covers it.
  if (named.length === 0) return authorize(can(actor, action, { tenantId, organisationIds: [] }));
  for (const [key, id] of named) {
    authorize(can(actor, action, { tenantId, organisationIds: await peopleOrganisationsOf(db, tenantId, { [key]: id }) }));
  }
}
