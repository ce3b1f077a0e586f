/**
 * The people services check the principal themselves (ADR 0007): called directly, without a
 * route in front, each one refuses every role the rules do not allow and another municipality's
 * coordinator, and writes nothing when it refuses.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { buildTenant, GRONINGEN as B, KRIMPEN as A, TEST_NOW } from '../../../test/helpers/factories.ts';
import { AppError } from '../../platform/errors.ts';
import { principalOf, systemPrincipal, type Principal } from '../../platform/principal.ts';
import type { Role } from '../../platform/roles.ts';
import { addOrganisation, grantRole, organisationsFor, organisationWithMembers, revokeRole, usersFor } from './admin/admin.service.ts';
import { acceptInvitation, inviteToOrganisation } from './invitation/invitation.service.ts';
import {
  addMembership,
  createOrganisation,
  createUser,
  deleteAccount,
  exportUserData,
  getOwnProfile,
  getUserProfile,
  listMembers,
  listOrganisations,
  updateProfile,
} from './people.service.ts';

const refused =
  (status = 403) =>
  (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, status);
    return true;
  };

type Who =
  'anonymous' | 'resident' | 'volunteer' | 'professional' | 'orgCoordinator' | 'coordinator' | 'admin' | 'otherCoordinator' | 'otherAdmin';

describe('people services refuse whoever the rules do not allow', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  const who = {} as Record<Who, Principal>;
  let church: string;
  let care: string;
  let volunteerMembership: string;

  async function person(local: string, tenantId: string, role: Role | null, organisationId: string | null = null, isDemo = false) {
    const { id } = await createUser(db(), { email: `${local}@example.nl`, name: local, isDemo });
    const m = role ? await addMembership(db(), { tenantId, userId: id, organisationId, role }) : null;
    const principal = principalOf(
      { id, mfaVerified: true, memberships: role ? [{ tenantId, organisationId, role }] : [] },
      tenantId,
      TEST_NOW,
    );
    return { principal, membershipId: m?.id ?? null };
  }

  before(async () => {
    await buildTenant(db(), A);
    await buildTenant(db(), B);
    church = (await createOrganisation(db(), { tenantId: A.id, name: 'Kerk', kind: 'kerk' })).id;
    care = (await createOrganisation(db(), { tenantId: A.id, name: 'Zorg', kind: 'zorgaanbieder' })).id;
    who.anonymous = principalOf(null, A.id, TEST_NOW);
    who.resident = (await person('bewoner', A.id, 'resident')).principal;
    const volunteer = await person('vrijwilliger', A.id, 'volunteer', church);
    who.volunteer = volunteer.principal;
    volunteerMembership = volunteer.membershipId!;
    who.professional = (await person('professional', A.id, 'professional', care)).principal;
    who.orgCoordinator = (await person('coordinator-kerk', A.id, 'coordinator', church)).principal;
    who.coordinator = (await person('coordinator', A.id, 'coordinator')).principal;
    who.admin = (await person('beheerder', A.id, 'admin')).principal;
    who.otherCoordinator = (await person('coordinator-b', B.id, 'coordinator')).principal;
    who.otherAdmin = (await person('beheerder-b', B.id, 'admin')).principal;
  });

  it('organisations: listed by coordinators and admins, added by admins only', async () => {
    for (const key of ['anonymous', 'resident', 'volunteer', 'professional', 'otherCoordinator', 'otherAdmin'] as const) {
      await assert.rejects(organisationsFor(db(), who[key], A.id), refused(), key);
    }
    assert.equal((await organisationsFor(db(), who.coordinator, A.id)).length, 2);
    for (const key of ['resident', 'professional', 'orgCoordinator', 'coordinator', 'otherAdmin'] as const) {
      await assert.rejects(addOrganisation(db(), who[key], { tenantId: A.id, name: `Nieuw ${key}`, kind: 'welzijn' }), refused(), key);
    }
    assert.equal((await listOrganisations(db(), A.id)).length, 2, 'nothing was added');
    await addOrganisation(db(), who.admin, { tenantId: A.id, name: 'Welzijn', kind: 'welzijn' });
    assert.equal((await listOrganisations(db(), A.id)).length, 3);
  });

  it('an organisation and its people: admins, coordinators of the municipality, and a coordinator of that organisation only', async () => {
    for (const key of ['anonymous', 'resident', 'volunteer', 'professional', 'otherCoordinator', 'otherAdmin'] as const) {
      await assert.rejects(organisationWithMembers(db(), who[key], A.id, church), refused(), key);
    }
    await assert.rejects(organisationWithMembers(db(), who.orgCoordinator, A.id, care), refused(), 'another organisation');
    for (const key of ['orgCoordinator', 'coordinator', 'admin'] as const) {
      const { members } = await organisationWithMembers(db(), who[key], A.id, church);
      assert.ok(members.length >= 1, key);
    }
  });

  it('invitations: only into an organisation the principal manages; a refusal sends nothing', async () => {
    const invite = (p: Principal, organisationId: string, email: string) =>
      inviteToOrganisation(db(), p, {
        tenant: A,
        organisationId,
        email,
        name: 'Nina',
        role: 'professional',
        locale: 'nl',
        now: TEST_NOW,
        baseUrl: 'http://x',
      });
    for (const key of ['anonymous', 'resident', 'volunteer', 'professional', 'otherCoordinator', 'otherAdmin'] as const) {
      await assert.rejects(invite(who[key], church, `nina-${key}@example.nl`), refused(), key);
    }
    await assert.rejects(invite(who.orgCoordinator, care, 'nina-zorg@example.nl'), refused(), 'another organisation');
    const sent = await db().selectFrom('mail_outbox').select('to_address').where('to_address', 'like', 'nina-%').execute();
    assert.deepEqual(sent, []);
    const { token } = await invite(who.orgCoordinator, church, 'nina@example.nl');
    // An invitation for an existing account is accepted only by that account, signed in.
    await createUser(db(), { email: 'nina@example.nl', name: 'Nina' });
    await assert.rejects(acceptInvitation(db(), who.resident, { token, now: TEST_NOW }), refused(), 'someone else');
  });

  it('users and roles: administrators of the municipality only; the system may give a first role', async () => {
    const { id: stranger } = await createUser(db(), { email: 'nieuw@example.nl', name: 'Nieuw' });
    const volunteerId = who.volunteer.userId!;
    for (const key of ['anonymous', 'resident', 'volunteer', 'professional', 'orgCoordinator', 'coordinator', 'otherAdmin'] as const) {
      await assert.rejects(usersFor(db(), who[key], A.id), refused(), key);
      await assert.rejects(grantRole(db(), who[key], { tenantId: A.id, userId: volunteerId, role: 'coordinator' }), refused(), key);
      await assert.rejects(revokeRole(db(), who[key], A.id, volunteerMembership), refused(), key);
    }
    assert.deepEqual(
      (await listMembers(db(), A.id, { userId: volunteerId })).map((m) => m.role),
      ['volunteer'],
      'nothing changed',
    );
    assert.ok((await usersFor(db(), who.admin, A.id)).length >= 6);
    // An administrator gives roles only to people already known in the municipality.
    await assert.rejects(grantRole(db(), who.admin, { tenantId: A.id, userId: stranger, role: 'resident' }), refused(422));
    await grantRole(db(), systemPrincipal(A.id, TEST_NOW), { tenantId: A.id, userId: stranger, role: 'resident' });
    const m = await grantRole(db(), who.admin, { tenantId: A.id, userId: volunteerId, role: 'professional', organisationId: care });
    await revokeRole(db(), who.admin, A.id, m.id);
  });

  it('account self-service: only the principal’s own account, never the system, never a shared demo account', async () => {
    const self = who.resident;
    const p = { name: 'Nieuwe naam', locale: 'nl' as const, phone: null, address: null };
    for (const principal of [who.anonymous, systemPrincipal(A.id, TEST_NOW)]) {
      await assert.rejects(getOwnProfile(db(), principal), refused());
      await assert.rejects(updateProfile(db(), principal, p), refused());
      await assert.rejects(exportUserData(db(), principal), refused());
      await assert.rejects(deleteAccount(db(), principal), refused());
    }
    assert.deepEqual(await updateProfile(db(), self, p), ['name']);
    assert.equal((await getOwnProfile(db(), self)).name, 'Nieuwe naam');
    assert.equal((await exportUserData(db(), self)).profile.id, self.userId);
    const demo = (await person('demo', A.id, 'resident', null, true)).principal;
    await assert.rejects(deleteAccount(db(), demo), refused());
    assert.equal((await getUserProfile(db(), demo.userId!)).name, 'demo', 'the demo account stays');
  });
});
