/**
 * Test helpers for people: tenants, users with a role, and signing a TestBrowser in by inserting a
 * session directly (the cookie holds a random token, the sessions table its SHA-256).
 */
import type { DbOrTrx } from '../../src/platform/db/database.ts';
import { SESSION_COOKIE } from '../../src/modules/people/auth/session.ts';
import { hashToken, newToken } from '../../src/platform/tokens.ts';
import { addMembership, createUser } from '../../src/modules/people/people.service.ts';
import type { Role } from '../../src/platform/roles.ts';
import { STAFF_ROLES } from '../../src/platform/http/policy.ts';
import type { TestBrowser, TestContext } from './app.ts';

let counter = 0;

/** Insert a tenant (municipality) unless it exists. */
export async function ensureTenant(db: DbOrTrx, t: { id: string; slug: string; name: string }): Promise<void> {
  await db
    .insertInto('tenants')
    .values({ id: t.id, slug: t.slug, name: t.name, settings: JSON.stringify({}) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export interface SignInOptions {
  tenantId: string;
  role: Role;
  organisationId?: string | null;
  email?: string;
  name?: string;
  /** Second factor verified in this session; default true for staff roles. */
  mfa?: boolean;
}

/** Create a user with one membership and a session; sets the session cookie on the browser. Returns the user id. */
export async function signInAs(ctx: Pick<TestContext, 'database' | 'clock'>, browser: TestBrowser, opts: SignInOptions): Promise<string> {
  const db = ctx.database.db;
  counter += 1;
  const staff = STAFF_ROLES.includes(opts.role);
  const mfa = opts.mfa ?? staff;
  const { id } = await createUser(db, {
    email: opts.email ?? `${opts.role}.${counter}.${Date.now()}@test.samenhang.nl`,
    name: opts.name ?? `Test ${opts.role} ${counter}`,
    ...(mfa ? { totpSecretEncrypted: 'test-not-a-real-secret', totpEnabledAt: ctx.clock.now() } : {}),
  });
  await addMembership(db, { tenantId: opts.tenantId, userId: id, organisationId: opts.organisationId ?? null, role: opts.role });
  await signInUser(ctx, browser, id, { mfa });
  return id;
}

/** Give an existing user a fresh session in the browser. */
export async function signInUser(
  ctx: Pick<TestContext, 'database' | 'clock'>,
  browser: TestBrowser,
  userId: string,
  opts: { mfa: boolean },
): Promise<void> {
  const now = ctx.clock.now();
  const token = newToken();
  await ctx.database.db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + 12 * 3600 * 1000),
      mfa_at: opts.mfa ? now : null,
    })
    .execute();
  browser.cookies.set(SESSION_COOKIE, token);
}

/**
 * Create one user with several memberships, in this order (the first is their "first membership"),
 * and a session; sets the session cookie on the browser. The second factor is done when any of the
 * roles is a staff role (unless `mfa` says otherwise). Returns the user id.
 */
export async function signInWithRoles(
  ctx: Pick<TestContext, 'database' | 'clock'>,
  browser: TestBrowser,
  roles: { tenantId: string; role: Role; organisationId?: string | null }[],
  opts: { email?: string; name?: string; mfa?: boolean } = {},
): Promise<string> {
  const db = ctx.database.db;
  counter += 1;
  const mfa = opts.mfa ?? roles.some((r) => STAFF_ROLES.includes(r.role));
  const { id } = await createUser(db, {
    email: opts.email ?? `roles.${counter}.${Date.now()}@test.samenhang.nl`,
    name: opts.name ?? `Test roles ${counter}`,
    ...(mfa ? { totpSecretEncrypted: 'test-not-a-real-secret', totpEnabledAt: ctx.clock.now() } : {}),
  });
  for (const r of roles) {
    await addMembership(db, { tenantId: r.tenantId, userId: id, organisationId: r.organisationId ?? null, role: r.role });
  }
  await signInUser(ctx, browser, id, { mfa });
  return id;
}
