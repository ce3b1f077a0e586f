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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a string is a UUID (ids in URLs are checked before they reach SQL). */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** Great-circle distance in metres between two WGS84 points (haversine). */
export function distanceMetres(a: readonly [number, number], b: readonly [number, number]): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * R * Math.asin(Math.min(1, Math.sqrt(s))));
}
