import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestUser } from '../../../platform/http/types.ts';
import { STAFF_ROLES } from '../../../platform/http/policy.ts';
import * as store from './auth.store.ts';
import { isStaffAnywhere, membershipsOfUserIn } from '../../../platform/auth/memberships.service.ts';
import * as sessions from '../../../platform/auth/sessions.service.ts';
import { clearSessionCookie, sessionIdFromRequest, OTHER_IDLE_MS, STAFF_ABSOLUTE_MS, STAFF_IDLE_MS } from './session.ts';

/** last_seen_at is written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * Load the signed-in user from the session cookie, or null. Enforces the absolute lifetime
 * (expires_at; staff also at most 12 hours since creation, in case they became staff later) and
 * the idle timeout (staff 30 minutes, others 7 days); an expired session is deleted and its cookie
 * cleared. Deleted users are never signed in.
 *
 * Only the memberships in the request's municipality (`tenantId`; none without one) are read, so a
 * request touches one municipality's rows (one shard under Citus). Whether the user is staff in
 * some *other* municipality matters only to the staff limits, so it is asked (`isStaffAnywhere`)
 * only when a staff limit would end the session: idle longer than the staff idle time, or older
 * than the staff lifetime, and not already staff here.
 */
export async function loadSessionUser(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  tenantId: string | null,
): Promise<RequestUser | null> {
  const id = sessionIdFromRequest(req);
  if (!id) {
    if (req.cookies.sh_session !== undefined) clearSessionCookie(app, reply);
    return null;
  }
  const row = await sessions.findSession(app.db, id);
  const user = row ? await store.findSessionUser(app.db, row.userId) : undefined;
  if (!row || !user) {
    clearSessionCookie(app, reply);
    return null;
  }
  const memberships = tenantId ? await membershipsOfUserIn(app.db, row.userId, tenantId) : [];
  const now = app.clock.now().getTime();
  const idleFor = now - row.lastSeenAt.getTime();
  const age = now - row.createdAt.getTime();
  const pastLifetime = now >= row.expiresAt.getTime();
  const staffLimitsApply = !pastLifetime && (idleFor > STAFF_IDLE_MS || age > STAFF_ABSOLUTE_MS);
  const staff = memberships.some((m) => STAFF_ROLES.includes(m.role)) || (staffLimitsApply && (await isStaffAnywhere(app.db, row.userId)));
  const idle = staff ? STAFF_IDLE_MS : OTHER_IDLE_MS;
  const expired = pastLifetime || idleFor > idle || (staff && age > STAFF_ABSOLUTE_MS);
  if (expired) {
    await sessions.endSession(app.db, id);
    clearSessionCookie(app, reply);
    return null;
  }
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await sessions.touchSession(app.db, id, new Date(now));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    isDemo: user.isDemo,
    mfaEnabled: user.totpEnabledAt !== null,
    mfaVerified: user.totpEnabledAt !== null && row.mfaAt !== null,
    sessionId: id,
    memberships,
  };
}
