import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { stringField } from './untyped.ts';

/**
 * CSRF protection by the signed double-submit cookie pattern (OWASP): a random, HttpOnly,
 * SameSite=Lax cookie, and a form token that is the HMAC of that cookie under the server secret.
 * A cross-site form can neither read the cookie nor compute the token.
 */
export const CSRF_COOKIE = 'sh_csrf';

export function csrfToken(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret)
    .update('csrf:' + cookieValue)
    .digest('base64url');
}

/** Get (or set) the CSRF cookie of this visitor and return the token for forms. */
export function ensureCsrfToken(req: FastifyRequest, reply: FastifyReply, secret: string, secure: boolean): string {
  let value = req.cookies[CSRF_COOKIE];
  if (!value || !/^[A-Za-z0-9_-]{32,64}$/.test(value)) {
    value = randomBytes(24).toString('base64url');
    req.cookies[CSRF_COOKIE] = value;
    reply.setCookie(CSRF_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  }
  return csrfToken(secret, value);
}

export class CsrfError extends AppError {
  constructor() {
    super(403, 'csrf', 'error.csrf');
  }
}

/** Throws CsrfError unless the request carries a valid token in `_csrf` or `x-csrf-token`. */
export function verifyCsrf(req: FastifyRequest, secret: string): void {
  const cookie = req.cookies[CSRF_COOKIE];
  const sent = stringField(req.body, '_csrf') ?? req.headers['x-csrf-token'];
  if (!cookie || typeof sent !== 'string') throw new CsrfError();
  const expected = Buffer.from(csrfToken(secret, cookie));
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CsrfError();
}
