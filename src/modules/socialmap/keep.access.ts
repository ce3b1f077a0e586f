/**
 * Who may maintain which social map entries: members of the people organisation linked to the
 * entry's organisation maintain its entries; coordinators and administrators of the tenant
 * maintain everything of their tenant.
 */
import type { FastifyRequest } from 'fastify';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import type { DbOrTrx } from '../../platform/db/database.ts';
import type { Role } from '../../platform/roles.ts';
import * as store from './keep.store.ts';
import { isUuid } from '../../platform/ids.ts';

/** Everyone who may open the maintenance pages (what they see depends on their organisations). */
export const KEEP_ROLES: readonly Role[] = ['resident', 'volunteer', 'professional', 'coordinator', 'admin'];
/** Roles that maintain every entry of their tenant and see the coverage view. */
export const COORDINATOR_ROLES: readonly Role[] = ['coordinator', 'admin'];

export interface Maintainer {
  userId: string;
  tenantId: string;
  /** People organisations the user is a member of in this tenant; null: every organisation (coordinator, admin). */
  organisationIds: readonly string[] | null;
}

/** The maintainer behind a request (a signed-in user in a tenant, checked by the route's policy). */
export function maintainerFrom(req: FastifyRequest): Maintainer {
  const user = req.user!;
  const tenantId = req.tenant!.id;
  const all = req.roles.some((r) => COORDINATOR_ROLES.includes(r));
  const organisationIds = all
    ? null
    : [...new Set(user.memberships.filter((m) => m.tenantId === tenantId && m.organisationId).map((m) => m.organisationId!))];
  return { userId: user.id, tenantId, organisationIds };
}

/** True when the maintainer may edit entries of this people organisation. */
export function mayMaintain(m: Maintainer, peopleOrganisationId: string | null): boolean {
  if (m.organisationIds === null) return true;
  return peopleOrganisationId !== null && m.organisationIds.includes(peopleOrganisationId);
}

/**
 * The service with its owner when the maintainer may edit it: NotFound when the tenant has no such
 * service, Forbidden (with a clear message) when it belongs to another organisation.
 */
export async function serviceToMaintain(db: DbOrTrx, m: Maintainer, serviceId: string): Promise<store.ServiceOwnerRow> {
  if (!isUuid(serviceId)) throw NotFound('socialmap.error.serviceNotFound');
  const owner = await store.findServiceOwner(db, m.tenantId, serviceId);
  if (!owner) throw NotFound('socialmap.error.serviceNotFound');
  if (!mayMaintain(m, owner.people_organisation_id)) throw Forbidden('socialmap.keep.notYours');
  return owner;
}
