import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import * as sessions from '../../../platform/auth/sessions.service.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';

/** Name of the session cookie; it holds a random token, the database only its SHA-256. */
export const SESSION_COOKIE = 'sh_session';

/** Absolute session lifetimes: staff sessions are short, residents stay signed in for a month. */
export const STAFF_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const OTHER_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** Idle timeouts: staff 30 minutes, others 7 days. */
export const STAFF_IDLE_MS = 30 * 60 * 1000;
export const OTHER_IDLE_MS = 7 * 24 * 60 * 60 * 1000;

/** The session id (hash) of the request's cookie, or null when there is no well-formed cookie. */
export function sessionIdFromRequest(req: FastifyRequest): string | null {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return hashToken(token);
}

function cookieOptions(app: FastifyInstance) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.config.env === 'production' };
}

/** Remove the session cookie from the browser. */
export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(app));
}

/**
 * Sign a user in: delete the request's old session (rotation against session fixation), create a
 * new one with a new random token and set the cookie. `mfa` marks the second factor as verified.
 * Pass `db` to do the database work in the caller's transaction.
 */
export async function startSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  opts: { mfa: boolean; db?: DbOrTrx },
): Promise<void> {
  const db = opts.db ?? app.db;
  const now = app.clock.now();
  const token = newToken();
  const lifetime = await sessions.createSession(db, {
    id: hashToken(token),
    userId,
    now,
    mfa: opts.mfa,
    replaces: req.user?.sessionId ?? sessionIdFromRequest(req),
    lifetimeMs: { staff: STAFF_ABSOLUTE_MS, other: OTHER_ABSOLUTE_MS },
  });
  req.cookies[SESSION_COOKIE] = token;
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(app), maxAge: Math.floor(lifetime / 1000) });
}

/** Sign out: delete the request's session and clear the cookie. */
export async function endSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { db?: DbOrTrx } = {},
): Promise<void> {
  const id = req.user?.sessionId ?? sessionIdFromRequest(req);
  if (id) await sessions.endSession(opts.db ?? app.db, id);
  delete req.cookies[SESSION_COOKIE];
  clearSessionCookie(app, reply);
}
