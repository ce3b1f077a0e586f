import type { DbOrTrx } from '../db/database.ts';
import type { Membership } from '../principal.ts';
import type { Role } from '../roles.ts';
import * as store from './memberships.store.ts';

/**
 * Memberships: who holds which role in which municipality (and organisation). Every module reaches
 * the `memberships` table through these functions (ADR 0007); the people module checks who may
 * add or remove one, and that the user and organisation exist, before it calls them.
 */

export { membershipRows } from './memberships.store.ts';
export type { MembershipKey } from './memberships.store.ts';

/**
 * A user's memberships in every municipality, oldest first. Under Citus this reads every shard:
 * only for pages that truly need all municipalities (where to land after signing in); a request's
 * principal uses `membershipsOfUserIn`.
 */
export function membershipsOfUser(db: DbOrTrx, userId: string): Promise<Membership[]> {
  return store.listMemberships(db, userId);
}

/** A user's memberships in one municipality, oldest first (the principal of a request to that municipality). */
export function membershipsOfUserIn(db: DbOrTrx, userId: string, tenantId: string): Promise<Membership[]> {
  return store.listMembershipsIn(db, userId, tenantId);
}

/** Whether the user holds a staff role (professional, coordinator, admin) in any municipality. */
export function isStaffAnywhere(db: DbOrTrx, userId: string): Promise<boolean> {
  return store.isStaffAnywhere(db, userId);
}

/** The municipality of the user's oldest membership, or null. */
export function firstTenantOf(db: DbOrTrx, userId: string): Promise<string | null> {
  return store.firstTenantOf(db, userId);
}

/** The id of this exact membership, or undefined. */
export function findMembership(db: DbOrTrx, m: store.MembershipKey): Promise<{ id: string } | undefined> {
  return store.findMembership(db, m);
}

/**
 * Give a user a role in a tenant (optionally in one of its organisations); adding it twice is
 * harmless (also when two requests add it at once). `now` is its creation time (else the
 * database's). Null only when it could be neither inserted nor found.
 */
export async function addMembership(db: DbOrTrx, m: store.MembershipKey & { now?: Date }): Promise<{ id: string } | null> {
  const existing = await store.findMembership(db, m);
  if (existing) return { id: existing.id };
  return (await store.insertMembership(db, m)) ?? (await store.findMembership(db, m)) ?? null;
}

/** One membership of the tenant by id, or undefined. */
export function findMembershipById(
  db: DbOrTrx,
  tenantId: string,
  id: string,
): Promise<{ id: string; user_id: string; organisation_id: string | null; role: Role } | undefined> {
  return store.findMembershipById(db, tenantId, id);
}

/** Lock the administrator memberships of a tenant until the transaction ends (so two removals cannot both see "not the last"). */
export function lockAdminMemberships(db: DbOrTrx, tenantId: string): Promise<void> {
  return store.lockAdminMemberships(db, tenantId);
}

/** How many distinct users hold the role in the tenant. */
export function countRole(db: DbOrTrx, tenantId: string, role: Role): Promise<number> {
  return store.countRole(db, tenantId, role);
}

/** Remove one membership of the tenant. */
export function removeMembership(db: DbOrTrx, tenantId: string, id: string): Promise<void> {
  return store.deleteMembership(db, tenantId, id);
}

/** Remove every membership of a user (account deletion). */
export function removeMembershipsOfUser(db: DbOrTrx, userId: string): Promise<void> {
  return store.deleteMembershipsOfUser(db, userId);
}
