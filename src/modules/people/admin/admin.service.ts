/**
 * The administration of a municipality, checked against the people rules (policies.ts): every
 * function takes the principal and calls `can()` first, so it is safe whoever calls it (the admin
 * pages, the command line and the demo seed with `systemPrincipal`). The unchecked building blocks
 * in people.service.ts are for the platform's own work (seeding, accepting an invitation, other
 * modules' look-ups).
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { Conflict, Invalid } from '../../../platform/errors.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { isUuid } from '../../../platform/ids.ts';
import { countRole, findMembershipById } from '../../../platform/auth/memberships.service.ts';
import { hadRoleSince, insertRemoval } from './admin.removals.store.ts';
import { formerMembersSince } from './admin.removals.service.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { can } from '../policies.ts';
import type { OrganisationKind } from '../people.tables.ts';
import {
  addMembership,
  createOrganisation,
  getOrganisation,
  listMembers,
  listOrganisations,
  removeMembership,
  type MemberRow,
} from '../people.service.ts';

/** The organisations of the municipality with their number of members (`organisation.list`). */
export async function organisationsFor(db: DbOrTrx, principal: Principal, tenantId: string) {
  authorize(can(principal, 'organisation.list', { tenantId }));
  return listOrganisations(db, tenantId);
}

/** Add an organisation to the municipality (`organisation.create`). */
export async function addOrganisation(
  db: DbOrTrx,
  principal: Principal,
  input: { tenantId: string; name: string; kind: OrganisationKind },
): Promise<{ id: string }> {
  authorize(can(principal, 'organisation.create', { tenantId: input.tenantId }));
  return createOrganisation(db, input);
}

/** May the principal manage (see the people of, invite into) this organisation? */
export function mayManageOrganisation(principal: Principal, tenantId: string, organisationId: string): boolean {
  return can(principal, 'organisation.view', { tenantId, organisationIds: [organisationId] });
}

/** One organisation with its members (`organisation.view`: administrators, and coordinators of it or of the whole municipality). */
export async function organisationWithMembers(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  organisationId: string,
): Promise<{ organisation: { id: string; name: string; kind: OrganisationKind }; members: MemberRow[] }> {
  // Refused before the lookup, so that nobody else learns which organisations exist.
  authorize(can(principal, 'organisation.list', { tenantId }));
  const organisation = await getOrganisation(db, tenantId, organisationId);
  authorize(mayManageOrganisation(principal, tenantId, organisation.id));
  const members = await listMembers(db, tenantId, { organisationId: organisation.id });
  return { organisation, members };
}

/** Everyone with a role in the municipality (`membership.list`). */
export async function usersFor(db: DbOrTrx, principal: Principal, tenantId: string): Promise<MemberRow[]> {
  authorize(can(principal, 'membership.list', { tenantId }));
  return listMembers(db, tenantId);
}

/**
 * Give someone a role in the municipality (`membership.add`). A person acting here may only give
 * roles to people who already have one in this municipality; the system (command line, seed) may
 * give a new account its first role.
 */
export async function grantRole(
  db: DbOrTrx,
  principal: Principal,
  input: { tenantId: string; userId: string; organisationId?: string | null; role: Role },
): Promise<{ id: string }> {
  authorize(can(principal, 'membership.add', { tenantId: input.tenantId }));
  if (
    !principal.system &&
    (await listMembers(db, input.tenantId, { userId: input.userId })).length === 0 &&
    !(isUuid(input.userId) && (await hadRoleSince(db, input.tenantId, input.userId, formerMembersSince(principal.now))))
  ) {
    throw Invalid({ userId: 'people.userUnknown' });
  }
  return addMembership(db, input);
}

/**
 * Take a role away (`membership.remove`): the last administrator stays, and an administrator does
 * not take away their own last administrator role (they could not undo it). The removal is kept
 * (admin.removals.service.ts) so that it can be undone for a while and the person stays findable.
 */
export async function revokeRole(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  membershipId: string,
): Promise<{ userId: string; role: Role; organisationId: string | null; removalId: string }> {
  authorize(can(principal, 'membership.remove', { tenantId }));
  return inTransaction(db, async (trx) => {
    const held = isUuid(membershipId) ? await findMembershipById(trx, tenantId, membershipId) : undefined;
    // (When they are the municipality's last administrator, removeMembership says that instead.)
    if (held && isOwnLastAdminRole(principal, held) && (await countRole(trx, tenantId, 'admin')) > 1) {
      throw Conflict('people.users.ownLastAdmin');
    }
    const removed = await removeMembership(trx, tenantId, membershipId);
    const { id: removalId } = await insertRemoval(trx, { tenantId, ...removed, removedBy: principal.userId, now: principal.now });
    return { ...removed, removalId };
  });
}

/** Is this the acting person's own administrator role, and their only one in the municipality? */
export function isOwnLastAdminRole(principal: Principal, m: { user_id: string; role: Role }): boolean {
  return (
    m.role === 'admin' && m.user_id === principal.userId && (principal.memberships ?? []).filter((x) => x.role === 'admin').length <= 1
  );
}
