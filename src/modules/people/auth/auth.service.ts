/**
 * Sign-in logic without HTTP: passwords, sign-in and reset links, registration. Routes turn the
 * results into pages; sessions are started by session.ts.
 */
import type { FastifyInstance } from 'fastify';
import { inTransaction, type Trx } from '../../../platform/db/database.ts';
import { recordAudit, truncateIp } from '../../../platform/audit/audit.service.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import * as store from './auth.store.ts';
import { addMembership, firstTenantOf } from '../../../platform/auth/memberships.service.ts';
import { endSessionsOfUser } from '../../../platform/auth/sessions.service.ts';
import type { AuthUser } from './auth.store.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import { verifyTotpStep } from './totp.ts';
import { clearFailures, emailKey, networkKey, recordFailures, secondsToWait, type ThrottleKey } from './throttle.ts';

export type { AuthUser };
export const SIGNIN_LINK_MS = 30 * 60 * 1000;
export const RESET_LINK_MS = 60 * 60 * 1000;
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

let dummyHash: Promise<string> | null = null;
/** A hash to verify against when the account does not exist, so timing does not reveal it. */
function timingHash(): Promise<string> {
  dummyHash ??= hashPassword('timing-equaliser-not-a-password');
  return dummyHash;
}

export type PasswordCheck =
  { ok: true; user: AuthUser } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'throttled'; seconds: number };

function throttleKeys(email: string, ip: string | undefined): ThrottleKey[] {
  const net = networkKey(ip);
  return net ? [emailKey(email), net] : [emailKey(email)];
}

/** Check an e-mail address and password, counting failures and slowing down repeated guessing. */
export async function checkPassword(app: FastifyInstance, email: string, password: string, ip: string | undefined): Promise<PasswordCheck> {
  const now = app.clock.now();
  const keys = throttleKeys(email, ip);
  const wait = await secondsToWait(app.db, keys, now);
  if (wait > 0) return { ok: false, reason: 'throttled', seconds: wait };
  const user = await store.findUserByEmail(app.db, email);
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await timingHash(), password)) && false;
  if (!user || !valid) {
    await inTransaction(app.db, async (trx) => {
      await recordFailures(trx, keys, now);
      await recordAudit(trx, {
        tenantId: null,
        actorUserId: null,
        action: 'signin_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        ip: truncateIp(ip),
        detail: { step: 'password' },
      });
    });
    return { ok: false, reason: 'wrong' };
  }
  await clearFailures(app.db, emailKey(email));
  return { ok: true, user };
}

/** At most this many links of one kind per address per 15 minutes, so nobody can flood someone's mailbox. */
export const LINKS_PER_WINDOW = 5;
const LINK_WINDOW_MS = 15 * 60 * 1000;

async function issueLink(app: FastifyInstance, trx: Trx, user: AuthUser, kind: 'signin' | 'reset', tenantId: string | null): Promise<void> {
  const now = app.clock.now();
  // Silently skipped, like unknown addresses: the answer on screen stays the same.
  if ((await store.countTokensSince(trx, user.id, kind, new Date(now.getTime() - LINK_WINDOW_MS))) >= LINKS_PER_WINDOW) return;
  const token = newToken();
  const mailTenant = tenantId ?? (await firstTenantOf(trx, user.id));
  await store.insertToken(trx, {
    id: hashToken(token),
    kind,
    userId: user.id,
    email: user.email,
    tenantId: mailTenant,
    now,
    expiresAt: new Date(now.getTime() + (kind === 'signin' ? SIGNIN_LINK_MS : RESET_LINK_MS)),
  });
  const t = translator(user.locale);
  const link = `${app.config.baseUrl}/${kind === 'signin' ? 'aanmelden/link' : 'wachtwoord-herstellen'}/${token}`;
  await queueMail(trx, {
    to: user.email,
    subject: t(`auth.${kind === 'signin' ? 'link' : 'reset'}.mail.subject`),
    text: t(`auth.${kind === 'signin' ? 'link' : 'reset'}.mail.body`, { name: user.name, link }),
    locale: user.locale,
    tenantId: mailTenant,
    userId: user.id,
    now,
  });
}

/** Mail a sign-in link (30 minutes, single use) when the address belongs to an account; silent otherwise. */
export async function sendSigninLink(app: FastifyInstance, email: string): Promise<void> {
  await inTransaction(app.db, async (trx) => {
    const user = await store.findUserByEmail(trx, email);
    if (user) await issueLink(app, trx, user, 'signin', null);
  });
}

/** Mail a password-reset link (1 hour, single use) when the address belongs to an account; silent otherwise. */
export async function sendResetLink(app: FastifyInstance, email: string): Promise<void> {
  await inTransaction(app.db, async (trx) => {
    const user = await store.findUserByEmail(trx, email);
    if (user) await issueLink(app, trx, user, 'reset', null);
  });
}

/** Whether a link token is still usable, without using it. */
export async function linkIsValid(app: FastifyInstance, token: string, kind: 'signin' | 'reset'): Promise<boolean> {
  if (!TOKEN_RE.test(token)) return false;
  return (await store.findValidToken(app.db, hashToken(token), kind, app.clock.now())) !== null;
}

/** Use a sign-in link; returns its user, or null when the link is unknown, used or expired. */
export async function useSigninLink(app: FastifyInstance, token: string): Promise<AuthUser | null> {
  if (!TOKEN_RE.test(token)) return null;
  return inTransaction(app.db, async (trx) => {
    const userId = await store.consumeToken(trx, hashToken(token), 'signin', app.clock.now());
    return userId ? ((await store.findUserById(trx, userId)) ?? null) : null;
  });
}

/** Set a new password with a reset link and end all sessions of the user; null when the link does not work. */
export async function resetPassword(
  app: FastifyInstance,
  token: string,
  password: string,
  ip: string | undefined,
): Promise<AuthUser | null> {
  if (!TOKEN_RE.test(token)) return null;
  const passwordHash = await hashPassword(password);
  return inTransaction(app.db, async (trx) => {
    const now = app.clock.now();
    const userId = await store.consumeToken(trx, hashToken(token), 'reset', now);
    const user = userId ? await store.findUserById(trx, userId) : undefined;
    if (!user) return null;
    await store.setPasswordHash(trx, user.id, passwordHash, now);
    await endSessionsOfUser(trx, user.id);
    await clearFailures(trx, emailKey(user.email));
    await recordAudit(trx, {
      tenantId: null,
      actorUserId: user.id,
      action: 'password_reset',
      entity: 'user',
      entityId: user.id,
      ip: truncateIp(ip),
    });
    return { ...user, passwordHash };
  });
}

export interface Registration {
  name: string;
  email: string;
  password: string | null;
  tenantId: string;
  locale: Locale;
}

/**
 * Register a resident and mail a sign-in link. When the address already has an account, nothing
 * is created: that account gets a sign-in link instead, so the answer never reveals who has one.
 */
export async function registerResident(app: FastifyInstance, r: Registration, ip: string | undefined): Promise<void> {
  const passwordHash = r.password ? await hashPassword(r.password) : null;
  await inTransaction(app.db, async (trx) => {
    const now = app.clock.now();
    const id = await store.insertUser(trx, { email: r.email, name: r.name, locale: r.locale, passwordHash, now });
    if (id) {
      await addMembership(trx, { tenantId: r.tenantId, userId: id, organisationId: null, role: 'resident', now });
      await recordAudit(trx, {
        tenantId: r.tenantId,
        actorUserId: id,
        action: 'register',
        entity: 'user',
        entityId: id,
        ip: truncateIp(ip),
      });
    }
    const user = await store.findUserByEmail(trx, r.email);
    if (user) await issueLink(app, trx, user, 'signin', id ? r.tenantId : null);
  });
}

/** The sign-in facts of one user (for the second step). */
export async function findAuthUser(app: FastifyInstance, userId: string): Promise<AuthUser | null> {
  return (await store.findUserById(app.db, userId)) ?? null;
}

/** Check a code against the user's stored secret; each code is accepted only once. */
export async function checkTotpOnce(app: FastifyInstance, user: AuthUser, code: string, now: Date): Promise<boolean> {
  if (!user.totpSecret) return false;
  const step = verifyTotpStep(app.config, user.totpSecret, code, now);
  return step !== null && (await store.claimTotpStep(app.db, user.id, step));
}
