/** Organisations of the social map (HSDS organization), optionally linked to a people organisation. */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { getOrganisation as getPeopleOrganisation } from '../../people/people.service.ts';
import * as store from '../socialmap.store.ts';
import { organizationInput, type OrganizationInput } from '../socialmap.schemas.ts';
import { audit, changedFields, parseInput, type Actor } from '../actor.ts';
import { authorizeEntry } from './access.ts';
import { authorize } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { isUuid } from '../../../platform/ids.ts';

export type Organization = store.OrganizationRow;

async function checkPeopleOrganisation(db: DbOrTrx, tenantId: string, id: string | null): Promise<void> {
  if (!id) return;
  try {
    await getPeopleOrganisation(db, tenantId, id);
  } catch {
    throw Invalid({ people_organisation_id: 'socialmap.error.unknownPeopleOrganisation' });
  }
}

/** Create an organisation entry (its id may be given, as in an HSDS import). */
export async function createOrganization(db: DbOrTrx, tenantId: string, input: OrganizationInput, actor: Actor): Promise<Organization> {
  const data = parseInput(organizationInput, input);
  // Members of the linked people organisation may add its entry; an entry of no organisation needs the `all` reach.
  authorize(can(actor, 'socialmap.service.create', { tenantId, organisationIds: [data.people_organisation_id ?? null] }));
  return inTransaction(db, async (trx) => {
    await checkPeopleOrganisation(trx, tenantId, data.people_organisation_id);
    const { id, ...rest } = data;
    const row = await store.insertOrganization(trx, {
      ...rest,
      ...(id ? { id } : {}),
      tenant_id: tenantId,
      created_at: actor.now,
      updated_at: actor.now,
    });
    await audit(trx, tenantId, actor, 'create', 'organization', row.id);
    return row;
  });
}

/** Update an organisation entry; fields absent from the input keep their value. */
export async function updateOrganization(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  input: Partial<OrganizationInput>,
  actor: Actor,
): Promise<Organization> {
  return inTransaction(db, async (trx) => {
    const current = await getOrganizationOrThrow(trx, tenantId, id);
    await authorizeEntry(trx, actor, tenantId, 'socialmap.service.edit', { organizationId: id });
    const data = parseInput(organizationInput, { ...current, ...input, id });
    // A new link to a people organisation: the actor must reach that one too.
    authorize(can(actor, 'socialmap.service.edit', { tenantId, organisationIds: [data.people_organisation_id ?? null] }));
    await checkPeopleOrganisation(trx, tenantId, data.people_organisation_id);
    const { id: _id, ...rest } = data;
    const row = await store.updateOrganization(trx, tenantId, id, { ...rest, updated_at: actor.now });
    if (!row) throw NotFound('socialmap.error.organizationNotFound');
    await audit(trx, tenantId, actor, 'update', 'organization', id, { fields: changedFields(input) });
    return row;
  });
}

/** One organisation entry of the tenant, or null (also for a malformed id). */
export async function getOrganization(db: DbOrTrx, tenantId: string, id: string): Promise<Organization | null> {
  if (!isUuid(id)) return null;
  return (await store.findOrganization(db, tenantId, id)) ?? null;
}

/** One organisation entry of the tenant; NotFound otherwise. */
export async function getOrganizationOrThrow(db: DbOrTrx, tenantId: string, id: string): Promise<Organization> {
  const row = await getOrganization(db, tenantId, id);
  if (!row) throw NotFound('socialmap.error.organizationNotFound');
  return row;
}

/** The tenant's organisation entries by name; optionally only those maintained by these people organisations. */
export function listOrganizations(
  db: DbOrTrx,
  tenantId: string,
  opts: { peopleOrganisationIds?: readonly string[] } = {},
): Promise<Organization[]> {
  return store.listOrganizations(db, tenantId, opts);
}
