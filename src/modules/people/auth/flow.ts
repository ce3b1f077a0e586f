/**
 * The last step of every way of signing in. When the account has two-step sign-in, no session is
 * created yet: a signed, HttpOnly cookie (`sh_signin_pending`, 5 minutes, path /aanmelden) remembers
 * who passed the first step, and the session is only created after the code at
 * /aanmelden/tweestaps. So a session always means "fully signed in"; `mfa_at` says whether the
 * code was given in it (sessions started without a code, e.g. before TOTP was set up, can add it later).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inTransaction } from '../../../platform/db/database.ts';
import { recordAudit, truncateIp } from '../../../platform/audit/audit.service.ts';
import { startSession } from './session.ts';
import { landingFor } from './landing.ts';

const PENDING_COOKIE = 'sh_signin_pending';
const PENDING_MS = 5 * 60 * 1000;
const METHODS = ['password', 'link', 'reset'] as const;
export type SigninMethod = (typeof METHODS)[number];

function pendingOptions(app: FastifyInstance) {
  return { path: '/aanmelden', httpOnly: true, sameSite: 'lax' as const, secure: app.config.env === 'production' };
}

export function setPending(app: FastifyInstance, reply: FastifyReply, userId: string, method: SigninMethod): void {
  const expires = app.clock.now().getTime() + PENDING_MS;
  reply.setCookie(PENDING_COOKIE, `${userId}.${expires}.${method}`, { ...pendingOptions(app), signed: true, maxAge: PENDING_MS / 1000 });
}

/** Who passed the first step in this browser, in the last 5 minutes. */
export function readPending(app: FastifyInstance, req: FastifyRequest): { userId: string; method: SigninMethod } | null {
  const raw = req.cookies[PENDING_COOKIE];
  if (!raw) return null;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  const [userId, expires, method] = unsigned.value.split('.');
  if (!userId || !/^[0-9a-f-]{36}$/.test(userId) || !(METHODS as readonly string[]).includes(method ?? '')) return null;
  if (!(Number(expires) > app.clock.now().getTime())) return null;
  return { userId, method: method as SigninMethod };
}

export function clearPending(app: FastifyInstance, reply: FastifyReply): void {
  reply.clearCookie(PENDING_COOKIE, pendingOptions(app));
}

/** Start the session (with audit record) now. */
export async function signInNow(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  method: SigninMethod,
  mfa: boolean,
): Promise<void> {
  await inTransaction(app.db, async (trx) => {
    await startSession(app, req, reply, userId, { mfa, db: trx });
    await recordAudit(trx, {
      tenantId: null,
      actorUserId: userId,
      action: 'signin',
      entity: 'user',
      entityId: userId,
      ip: truncateIp(req.ip),
      detail: { method, mfa },
    });
  });
}

/** After the first step: sign in, or go to the second step when the account has one; then to `cameFrom` or the person's landing page (landing.ts). */
export async function finishSignIn(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; totpEnabledAt: Date | null },
  method: SigninMethod,
  cameFrom: string,
): Promise<FastifyReply> {
  // unscoped: signing in has no tenant; the landing page depends on the person's municipalities
  const terug = await landingFor(app.db, user.id, cameFrom);
  if (user.totpEnabledAt) {
    setPending(app, reply, user.id, method);
    return reply.redirect(`/aanmelden/tweestaps${terug === '/' ? '' : `?terug=${encodeURIComponent(terug)}`}`, 303);
  }
  await signInNow(app, req, reply, user.id, method, false);
  return reply.redirect(terug, 303);
}
