import type { Role } from '../../../platform/roles.ts';
import { Forbidden } from '../../../platform/errors.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import * as store from '../helpmatch.store.ts';

/** Who does something: the signed-in user with their roles in the tenant, and their network for the audit log. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
  ip?: string | null;
}

/** True for coordinators and administrators of the tenant (they see personal data, with audit). */
export function isCoordinator(actor: Actor): boolean {
  return actor.roles.includes('coordinator') || actor.roles.includes('admin');
}

/** True for volunteers, professionals and coordinators (may ask on behalf of someone). */
export function mayActOnBehalf(actor: Actor): boolean {
  return actor.roles.some((r) => r === 'volunteer' || r === 'professional' || r === 'coordinator' || r === 'admin');
}

/** Audit fields of an actor in a tenant. */
export function auditOf(actor: Actor, tenantId: string) {
  return { actorUserId: actor.userId, tenantId, ip: actor.ip ?? null };
}

/** Throws a clear Forbidden when the coordinator has blocked the user in this tenant. */
export async function assertNotBlocked(db: DbOrTrx, tenantId: string, userId: string): Promise<void> {
  if (await store.isBlocked(db, tenantId, userId)) throw Forbidden('helpmatch.blocked');
}
