import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { useTestDb } from '../../../test/helpers/app.ts';
import { insertTenant } from '../tenants/tenants.service.ts';
import * as memberships from './memberships.service.ts';
import * as sessions from './sessions.service.ts';

/** The platform's memberships and sessions (ADR 0007), without the people module's sign-in around them. */
const T1 = 'GM9911';
const T2 = 'GM9912';
const HOUR = 3600_000;
const LIFETIME = { staff: 12 * HOUR, other: 30 * 24 * HOUR };
const NOW = new Date('2026-12-01T10:00:00Z');

describe('memberships and sessions', () => {
  const ctx = useTestDb();
  let ann: string;
  let bob: string;

  before(async () => {
    const db = ctx.database.db;
    await insertTenant(db, { id: T1, slug: 'eerste', name: 'Eerste' });
    await insertTenant(db, { id: T2, slug: 'tweede', name: 'Tweede' });
    // Accounts are the people module's; a test may write any table.
    const user = async (email: string) =>
      (await sql<{ id: string }>`insert into users (email, name) values (${email}, ${email}) returning id`.execute(db)).rows[0]!.id;
    ann = await user('ann@example.org');
    bob = await user('bob@example.org');
  });

  it('adds a membership once, lists it for the principal and tells staff apart', async () => {
    const db = ctx.database.db;
    const key = { tenantId: T2, userId: ann, organisationId: null, role: 'resident' as const };
    const first = await memberships.addMembership(db, { ...key, now: NOW });
    assert.ok(first);
    assert.deepEqual(await memberships.addMembership(db, key), first, 'adding it twice is harmless');
    assert.deepEqual(await memberships.findMembership(db, key), first);
    assert.equal(await memberships.isStaffAnywhere(db, ann), false);
    await memberships.addMembership(db, {
      tenantId: T1,
      userId: ann,
      organisationId: null,
      role: 'admin',
      now: new Date(NOW.getTime() + 1000),
    });
    assert.equal(await memberships.isStaffAnywhere(db, ann), true);
    assert.deepEqual(await memberships.membershipsOfUser(db, ann), [
      { tenantId: T2, organisationId: null, role: 'resident' },
      { tenantId: T1, organisationId: null, role: 'admin' },
    ]);
    assert.equal(await memberships.firstTenantOf(db, ann), T2, 'the oldest membership');
    assert.equal(await memberships.firstTenantOf(db, bob), null);
    assert.equal(await memberships.countRole(db, T1, 'admin'), 1);
    assert.deepEqual(await memberships.findMembershipById(db, T2, first.id), {
      id: first.id,
      user_id: ann,
      organisation_id: null,
      role: 'resident',
    });
    assert.equal(await memberships.findMembershipById(db, T1, first.id), undefined, 'not in another tenant');
  });

  it('removes one membership only in its own tenant, or all of a user', async () => {
    const db = ctx.database.db;
    const m = await memberships.addMembership(db, { tenantId: T1, userId: bob, organisationId: null, role: 'volunteer' });
    assert.ok(m);
    await memberships.removeMembership(db, T2, m.id);
    assert.equal((await memberships.membershipsOfUser(db, bob)).length, 1, 'another tenant cannot remove it');
    await memberships.removeMembership(db, T1, m.id);
    assert.deepEqual(await memberships.membershipsOfUser(db, bob), []);
    await memberships.addMembership(db, { tenantId: T1, userId: bob, organisationId: null, role: 'resident' });
    await memberships.addMembership(db, { tenantId: T2, userId: bob, organisationId: null, role: 'resident' });
    await memberships.removeMembershipsOfUser(db, bob);
    assert.deepEqual(await memberships.membershipsOfUser(db, bob), []);
  });

  it('creates, finds, touches and ends sessions; staff get the staff lifetime', async () => {
    const db = ctx.database.db;
    assert.equal(
      await sessions.createSession(db, { id: 's-bob-1', userId: bob, now: NOW, mfa: false, replaces: null, lifetimeMs: LIFETIME }),
      LIFETIME.other,
    );
    assert.deepEqual(await sessions.findSession(db, 's-bob-1'), {
      sessionId: 's-bob-1',
      userId: bob,
      createdAt: NOW,
      lastSeenAt: NOW,
      expiresAt: new Date(NOW.getTime() + LIFETIME.other),
      mfaAt: null,
    });
    // ann is an admin in T1: the staff lifetime, and the second factor marked at once.
    assert.equal(
      await sessions.createSession(db, { id: 's-ann-1', userId: ann, now: NOW, mfa: true, replaces: null, lifetimeMs: LIFETIME }),
      LIFETIME.staff,
    );
    assert.deepEqual((await sessions.findSession(db, 's-ann-1'))?.mfaAt, NOW);

    const later = new Date(NOW.getTime() + HOUR);
    await sessions.touchSession(db, 's-bob-1', later);
    await sessions.setSessionSecondFactor(db, 's-bob-1', later);
    const touched = await sessions.findSession(db, 's-bob-1');
    assert.deepEqual([touched?.lastSeenAt, touched?.mfaAt], [later, later]);
    await sessions.setSessionSecondFactor(db, 's-bob-1', null);
    assert.equal((await sessions.findSession(db, 's-bob-1'))?.mfaAt, null);

    // A new sign-in replaces the old session (s-ann-2, still valid) and drops the user's expired ones (s-ann-1).
    const muchLater = new Date(NOW.getTime() + LIFETIME.staff + HOUR);
    await sessions.createSession(db, {
      id: 's-ann-2',
      userId: ann,
      now: new Date(NOW.getTime() + 2 * HOUR),
      mfa: false,
      replaces: null,
      lifetimeMs: LIFETIME,
    });
    await sessions.createSession(db, { id: 's-ann-3', userId: ann, now: muchLater, mfa: false, replaces: 's-ann-2', lifetimeMs: LIFETIME });
    assert.equal(await sessions.findSession(db, 's-ann-1'), null, 'expired, removed at the next sign-in');
    assert.equal(await sessions.findSession(db, 's-ann-2'), null, 'replaced');
    assert.ok(await sessions.findSession(db, 's-ann-3'));

    await sessions.endSession(db, 's-ann-3');
    assert.equal(await sessions.findSession(db, 's-ann-3'), null);
    await sessions.createSession(db, { id: 's-bob-2', userId: bob, now: NOW, mfa: false, replaces: null, lifetimeMs: LIFETIME });
    await sessions.endSessionsOfUser(db, bob);
    assert.equal(await sessions.findSession(db, 's-bob-1'), null);
    assert.equal(await sessions.findSession(db, 's-bob-2'), null);
  });

  it('removes sessions past their expiry or idle since a moment', async () => {
    const db = ctx.database.db;
    await sessions.createSession(db, { id: 's-old', userId: bob, now: NOW, mfa: false, replaces: null, lifetimeMs: LIFETIME });
    const fresh = new Date(NOW.getTime() + 10 * 24 * HOUR);
    await sessions.createSession(db, { id: 's-fresh', userId: bob, now: fresh, mfa: false, replaces: null, lifetimeMs: LIFETIME });
    assert.equal(await sessions.removeStaleSessions(db, fresh, new Date(fresh.getTime() - 7 * 24 * HOUR)), 1);
    assert.equal(await sessions.findSession(db, 's-old'), null, 'idle for ten days');
    assert.ok(await sessions.findSession(db, 's-fresh'));
  });
});
