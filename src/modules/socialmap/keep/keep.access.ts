/**
 * Which social map entry a principal may maintain (policies.ts): members of the people
 * organisation linked to the entry's organisation maintain its entries; coordinators of the
 * tenant maintain everything of their tenant (administrators have no rights on the entries).
 */
import { Forbidden, NotFound } from '../../../platform/errors.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import * as store from './keep.store.ts';
import { isUuid } from '../../../platform/ids.ts';
import { can, rolesFor, tenantOf, type SocialmapAction } from '../policies.ts';

/** Everyone who may open the maintenance pages (what they see depends on their organisations). */
export const KEEP_ROLES: readonly Role[] = rolesFor('socialmap.keep.list');
/** Roles that see the coverage view. */
export const COORDINATOR_ROLES: readonly Role[] = rolesFor('socialmap.coverage.view');

/**
 * The service with its owner when the principal may do this to it (default: edit): NotFound when
 * the tenant has no such service, Forbidden (with a clear message) when it belongs to another organisation.
 */
export async function serviceToMaintain(
  db: DbOrTrx,
  principal: Principal,
  serviceId: string,
  action: SocialmapAction = 'socialmap.service.edit',
): Promise<store.ServiceOwnerRow> {
  const tenantId = tenantOf(principal);
  if (!isUuid(serviceId)) throw NotFound('socialmap.error.serviceNotFound');
  const owner = await store.findServiceOwner(db, tenantId, serviceId);
  if (!owner) throw NotFound('socialmap.error.serviceNotFound');
  if (!can(principal, action, { tenantId, organisationIds: [owner.people_organisation_id] })) throw Forbidden('socialmap.keep.notYours');
  return owner;
}
