import type { Role } from '../../platform/roles.ts';
import { Forbidden, Unauthorized } from '../../platform/errors.ts';
import type { DbOrTrx } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/principal.ts';
import { isBlocked } from './safety/safety.store.ts';

/**
 * Who does something: the request's principal (policies.ts decides what it may do) of a signed-in
 * person, with their network address for the audit log.
 */
export type Actor = Principal & { userId: string; ip?: string | null };

/** The actor of a request's principal; Unauthorized when nobody is signed in. */
export function actorFrom(principal: Principal, ip: string | null): Actor {
  if (principal.userId === null) throw Unauthorized();
  return { ...principal, userId: principal.userId, ip };
}

/**
 * A person acting in one municipality with these roles (demo data, jobs, tests). The moment is
 * required: production passes `app.clock.now()` or the job's `now`, tests a fixed moment.
 */
export function actorIn(
  tenantId: string,
  userId: string,
  roles: readonly Role[],
  opts: { now: Date; organisationIds?: readonly string[]; ip?: string | null },
): Actor {
  return {
    userId,
    tenantId,
    roles,
    organisationIds: opts.organisationIds ?? [],
    mfaVerified: true,
    now: opts.now,
    ip: opts.ip ?? null,
  };
}

/** The municipality the actor acts in (Forbidden without one): what "my" requests, offer and matches are read from. */
export function ownTenant(actor: Actor): string {
  if (!actor.tenantId) throw Forbidden();
  return actor.tenantId;
}

/** Audit fields of an actor in a tenant. */
export function auditOf(actor: Actor, tenantId: string) {
  return { actorUserId: actor.userId, tenantId, ip: actor.ip ?? null };
}

/** Throws a clear Forbidden when the coordinator has blocked the user in this tenant. */
export async function assertNotBlocked(db: DbOrTrx, tenantId: string, userId: string): Promise<void> {
  if (await isBlocked(db, tenantId, userId)) throw Forbidden('helpmatch.blocked');
}
