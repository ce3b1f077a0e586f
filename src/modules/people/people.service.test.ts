import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { buildTenant, GRONINGEN as B, KRIMPEN as A, TEST_NOW } from '../../../test/helpers/factories.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { queueMail } from '../../platform/mail/mail.service.ts';
import {
  addMembership,
  createOrganisation,
  createUser,
  deleteAccount,
  exportUserData,
  findUserByEmail,
  getUserProfile,
  listMembers,
  listOrganisations,
  removeMembership,
} from './people.service.ts';
import { acceptInvitation, getInvitation, inviteToOrganisation } from './invitation/invitation.service.ts';
import { principalOf, systemPrincipal } from '../../platform/principal.ts';

function isAppError(status: number, message?: string) {
  return (err: unknown) => {
    assert.ok(err instanceof AppError, `expected AppError, got ${String(err)}`);
    assert.equal(err.status, status);
    if (message) assert.equal(err.message, message);
    return true;
  };
}

describe('people service', () => {
  const ctx = useTestDb();

  before(async () => {
    await buildTenant(ctx.database.db, A);
    await buildTenant(ctx.database.db, B);
  });

  it('creates a user with a lower-cased e-mail and refuses the same address twice', async () => {
    const db = ctx.database.db;
    const { id } = await createUser(db, { email: '  Anna@Example.NL ', name: 'Anna' });
    const found = await findUserByEmail(db, 'ANNA@example.nl');
    assert.equal(found?.id, id);
    assert.equal(found?.email, 'anna@example.nl');
    await assert.rejects(createUser(db, { email: 'anna@example.nl', name: 'Anna 2' }), (err) => {
      isAppError(409, 'people.emailTaken')(err);
      assert.deepEqual((err as AppError).fields, { email: 'people.emailTaken' });
      return true;
    });
  });

  it('refuses an invalid e-mail address and an empty name', async () => {
    await assert.rejects(createUser(ctx.database.db, { email: 'geen-adres', name: ' ' }), (err) => {
      isAppError(422)(err);
      assert.deepEqual(Object.keys((err as AppError).fields ?? {}).sort(), ['email', 'name']);
      return true;
    });
  });

  it('creates organisations per tenant: same name twice in one tenant is a conflict, in another fine', async () => {
    const db = ctx.database.db;
    // Two tenants of its own: the exact list below must not depend on which other tests ran first.
    const P = await buildTenant(db, { id: 'GM0363', slug: 'amsterdam', name: 'Amsterdam' });
    const Q = await buildTenant(db, { id: 'GM0344', slug: 'utrecht', name: 'Utrecht' });
    await createOrganisation(db, { tenantId: P.id, name: 'Welzijn Krimpen', kind: 'welzijn' });
    await assert.rejects(createOrganisation(db, { tenantId: P.id, name: 'welzijn krimpen', kind: 'welzijn' }), isAppError(409));
    await createOrganisation(db, { tenantId: Q.id, name: 'Welzijn Krimpen', kind: 'welzijn' });
    await assert.rejects(createOrganisation(db, { tenantId: P.id, name: 'X', kind: 'bank' as never }), isAppError(422));
    await assert.rejects(createOrganisation(db, { tenantId: P.id, name: '  ', kind: 'kerk' }), isAppError(422));
    const list = await listOrganisations(db, P.id);
    assert.deepEqual(
      list.map((o) => o.name),
      ['Welzijn Krimpen'],
    );
  });

  it('adds memberships idempotently and refuses an organisation of another tenant', async () => {
    const db = ctx.database.db;
    const orgA = await createOrganisation(db, { tenantId: A.id, name: 'Woonbron', kind: 'woningcorporatie' });
    const orgB = await createOrganisation(db, { tenantId: B.id, name: 'Lefier', kind: 'woningcorporatie' });
    const { id: userId } = await createUser(db, { email: 'piet@example.nl', name: 'Piet' });
    const m1 = await addMembership(db, { tenantId: A.id, userId, organisationId: orgA.id, role: 'professional' });
    const m2 = await addMembership(db, { tenantId: A.id, userId, organisationId: orgA.id, role: 'professional' });
    assert.equal(m1.id, m2.id);
    const r1 = await addMembership(db, { tenantId: A.id, userId, role: 'resident' });
    const r2 = await addMembership(db, { tenantId: A.id, userId, role: 'resident' });
    assert.equal(r1.id, r2.id);
    await assert.rejects(addMembership(db, { tenantId: A.id, userId, organisationId: orgB.id, role: 'professional' }), (err) => {
      isAppError(422)(err);
      assert.deepEqual((err as AppError).fields, { organisationId: 'people.org.notInTenant' });
      return true;
    });
    await assert.rejects(
      addMembership(db, { tenantId: A.id, userId, organisationId: 'not-a-uuid', role: 'professional' }),
      isAppError(422),
    );
    const members = await listMembers(db, A.id, { userId });
    assert.equal(members.length, 2);
    const orgMembers = await listMembers(db, A.id, { organisationId: orgA.id });
    assert.deepEqual(
      orgMembers.map((m) => m.name),
      ['Piet'],
    );
    assert.equal((await listMembers(db, B.id, { userId })).length, 0);
    const orgs = await listOrganisations(db, A.id);
    assert.equal(orgs.find((o) => o.id === orgA.id)?.memberCount, 1);
  });

  it('removes a membership only within its tenant and keeps the last admin', async () => {
    const db = ctx.database.db;
    const { id: userId } = await createUser(db, { email: 'beheer@example.nl', name: 'Beheer' });
    const admin = await addMembership(db, { tenantId: B.id, userId, role: 'admin' });
    await assert.rejects(removeMembership(db, A.id, admin.id), isAppError(404));
    await assert.rejects(removeMembership(db, B.id, admin.id), isAppError(409, 'people.lastAdmin'));
    const vol = await addMembership(db, { tenantId: B.id, userId, role: 'volunteer' });
    await removeMembership(db, B.id, vol.id);
    assert.deepEqual(
      (await listMembers(db, B.id, { userId })).map((m) => m.role),
      ['admin'],
    );
  });

  it('exports memberships with tenant and organisation names, audit entries and mails', async () => {
    const db = ctx.database.db;
    const org = await createOrganisation(db, { tenantId: A.id, name: 'Politie Krimpen', kind: 'politie' });
    const { id: userId } = await createUser(db, { email: 'export@example.nl', name: 'Export', phone: '0612345678' });
    await addMembership(db, { tenantId: A.id, userId, organisationId: org.id, role: 'professional' });
    await recordAudit(db, {
      tenantId: A.id,
      actorUserId: userId,
      action: 'update',
      entity: 'user',
      entityId: userId,
      detail: { fields: ['name'] },
    });
    await queueMail(db, { to: 'export@example.nl', subject: 'Hallo', text: 'Tekst', locale: 'nl', now: TEST_NOW });
    const at = new Date('2026-12-01T10:00:00Z');
    const data = await exportUserData(db, principalOf({ id: userId, mfaVerified: true, memberships: [] }, null, at));
    assert.equal(data.exportedAt, at.toISOString(), 'the export is dated by the clock it is given');
    assert.equal(data.profile.email, 'export@example.nl');
    assert.equal(data.profile.phone, '0612345678');
    assert.equal(data.memberships.length, 1);
    assert.equal(data.memberships[0]!.tenantName, 'Krimpen aan den IJssel');
    assert.equal(data.memberships[0]!.organisationName, 'Politie Krimpen');
    assert.equal(data.auditLog.length, 1);
    assert.equal(data.auditLog[0]!.action, 'update');
    assert.deepEqual(
      data.mails.map((m) => m.subject),
      ['Hallo'],
    );
    assert.doesNotMatch(JSON.stringify(data), /password|totp_secret/);
  });

  it('deletes an account by anonymising the row and removing sessions, tokens and memberships', async () => {
    const db = ctx.database.db;
    const { id: userId } = await createUser(db, {
      email: 'weg@example.nl',
      name: 'Weg',
      phone: '010',
      address: 'Straat 1',
      password: 'een-lang-wachtwoord',
    });
    await addMembership(db, { tenantId: A.id, userId, role: 'resident' });
    const now = TEST_NOW;
    await db
      .insertInto('sessions')
      .values({ id: 'x'.repeat(64), user_id: userId, last_seen_at: now, expires_at: new Date(now.getTime() + 3600_000) })
      .execute();
    await db
      .insertInto('auth_tokens')
      .values({ id: 'y'.repeat(64), kind: 'signin', user_id: userId, email: 'weg@example.nl', data: JSON.stringify({}), expires_at: now })
      .execute();
    await queueMail(db, { to: 'Weg@example.nl', subject: 'Uw aanmeldlink', text: 'Hallo Weg, klik hier', locale: 'nl', now });
    await queueMail(db, { to: 'ander@example.nl', subject: 'Voor een ander', text: 'Blijft', locale: 'nl', now });
    const self = principalOf({ id: userId, mfaVerified: false, memberships: [] }, null, now);
    await deleteAccount(db, self);
    const mails = await db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('to_address', 'in', ['weg@example.nl', 'ander@example.nl'])
      .execute();
    assert.deepEqual(
      mails.map((m) => m.to_address),
      ['ander@example.nl'],
      'mail to the deleted person is gone, other mail stays',
    );
    const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    assert.equal(row.email, null);
    assert.equal(row.name, 'Verwijderde gebruiker');
    assert.equal(row.phone, null);
    assert.equal(row.address, null);
    assert.equal(row.password_hash, null);
    assert.equal(row.totp_secret, null);
    assert.ok(row.deleted_at instanceof Date);
    assert.equal((await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length, 0);
    assert.equal((await db.selectFrom('auth_tokens').select('id').where('email', '=', 'weg@example.nl').execute()).length, 0);
    assert.equal((await db.selectFrom('memberships').select('id').where('user_id', '=', userId).execute()).length, 0);
    await assert.rejects(getUserProfile(db, userId), isAppError(404));
    await assert.rejects(deleteAccount(db, self), isAppError(404));
    // The address is free again.
    await createUser(db, { email: 'weg@example.nl', name: 'Nieuw' });
  });

  it('invites into an organisation once; the invitation expires after 7 days and works only once', async () => {
    const db = ctx.database.db;
    const org = await createOrganisation(db, { tenantId: A.id, name: 'Kerk Krimpen', kind: 'kerk' });
    const now = TEST_NOW;
    const base = {
      tenant: A,
      organisationId: org.id,
      name: 'Nina',
      role: 'professional' as const,
      locale: 'nl' as const,
      now,
      baseUrl: 'http://x',
    };
    const { token } = await inviteToOrganisation(db, systemPrincipal(A.id, now), { ...base, email: 'Nina@Example.nl' });
    const inv = await getInvitation(db, token, now);
    assert.equal(inv.email, 'nina@example.nl');
    assert.equal(inv.organisationName, 'Kerk Krimpen');
    const row = await db
      .selectFrom('auth_tokens')
      .selectAll()
      .where('kind', '=', 'invite')
      .where('email', '=', 'nina@example.nl')
      .executeTakeFirstOrThrow();
    assert.notEqual(row.id, token);
    assert.match(row.id, /^[0-9a-f]{64}$/);
    const mail = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'nina@example.nl').executeTakeFirstOrThrow();
    assert.equal(mail.tenant_id, A.id);
    assert.ok(mail.text_body.includes(`http://x/uitnodiging/${token}`));
    await assert.rejects(
      getInvitation(db, token, new Date(now.getTime() + 7 * 24 * 3600_000 + 1)),
      isAppError(400, 'people.invite.invalid'),
    );
    const r = await acceptInvitation(db, systemPrincipal(null, now), { token, now, name: 'Nina N', password: 'een-lang-wachtwoord' });
    assert.equal(r.created, true);
    await assert.rejects(
      acceptInvitation(db, systemPrincipal(null, now), { token, now, name: 'X', password: 'een-lang-wachtwoord' }),
      isAppError(400),
    );
    await assert.rejects(
      inviteToOrganisation(db, systemPrincipal(A.id, now), { ...base, email: 'nina@example.nl' }),
      isAppError(409, 'people.invite.alreadyMember'),
    );
  });
});
