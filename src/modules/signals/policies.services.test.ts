/**
 * The signals services check the principal themselves (ADR 0007): called directly, without a
 * route in front, each one refuses every role the rules do not allow and another municipality's
 * coordinator, and writes nothing when it refuses.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { AppError } from '../../platform/errors.ts';
import { principalOf, type Principal } from '../../platform/principal.ts';
import type { Role } from '../../platform/roles.ts';
import { createUser } from '../people/people.service.ts';
import { exportCsv } from './list/list.csv.ts';
import { deleteFilter, filterFor, listPage, parseListQuery, saveFilter, savedFilters } from './list/list.service.ts';
import { createSignal, getSignalById, reassignSignal, transitionSignal } from './signals.service.ts';
import { GRONINGEN, KRIMPEN, NOW, newSignal, setupTenant, type TenantFixture } from './signals.test-support.ts';

const forbidden = (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, 403);
  return true;
};
const links = { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug };

describe('signals services refuse whoever the rules do not allow', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  let k: TenantFixture;
  let g: TenantFixture;
  let signalId: string;
  const who = {} as Record<
    'anonymous' | 'resident' | 'volunteer' | 'professionalRouted' | 'professionalOther' | 'coordinator' | 'admin' | 'otherCoordinator',
    Principal
  >;

  async function person(local: string, tenantId: string, role: Role | null, organisationId: string | null = null): Promise<Principal> {
    const { id } = await createUser(db(), { email: `${local}@example.nl`, name: local });
    return principalOf({ id, mfaVerified: true, memberships: role ? [{ tenantId, organisationId, role }] : [] }, tenantId, NOW);
  }

  before(async () => {
    k = await setupTenant(db(), KRIMPEN);
    g = await setupTenant(db(), GRONINGEN);
    // Street lighting goes to the municipality's desk (signals.test-support.ts).
    signalId = (await createSignal(db(), newSignal())).signal.id;
    who.anonymous = principalOf(null, KRIMPEN.id, NOW);
    who.resident = await person('bewoner', KRIMPEN.id, 'resident');
    who.volunteer = await person('vrijwilliger', KRIMPEN.id, 'volunteer', k.welfare);
    who.professionalRouted = await person('balie', KRIMPEN.id, 'professional', k.municipality);
    who.professionalOther = await person('wonen', KRIMPEN.id, 'professional', k.housing);
    who.coordinator = await person('coordinator', KRIMPEN.id, 'coordinator');
    who.admin = await person('beheerder', KRIMPEN.id, 'admin');
    who.otherCoordinator = await person('coordinator-groningen', GRONINGEN.id, 'coordinator');
    assert.ok(g.municipality);
  });

  const move = (principal: Principal, to: 'in_behandeling' | 'ingepland') =>
    transitionSignal(db(), {
      tenantId: KRIMPEN.id,
      signalId,
      to,
      actorUserId: principal.userId,
      locale: 'nl',
      links,
      now: NOW,
      principal,
    });

  it('transitionSignal: only the routed organisation and the coordinator; a refusal changes nothing', async () => {
    for (const key of ['anonymous', 'resident', 'volunteer', 'professionalOther', 'admin', 'otherCoordinator'] as const) {
      await assert.rejects(move(who[key], 'in_behandeling'), forbidden, key);
    }
    assert.equal((await getSignalById(db(), KRIMPEN.id, signalId)).state, 'gemeld');
    await move(who.professionalRouted, 'in_behandeling');
    await move(who.coordinator, 'ingepland');
    assert.equal((await getSignalById(db(), KRIMPEN.id, signalId)).state, 'ingepland');
  });

  it('reassignSignal: only the coordinator', async () => {
    const reassign = (principal: Principal) =>
      reassignSignal(db(), {
        tenantId: KRIMPEN.id,
        signalId,
        organisationId: k.housing,
        organisationName: 'Wonen',
        note: null,
        actorUserId: principal.userId ?? '',
        now: NOW,
        principal,
      });
    for (const key of [
      'anonymous',
      'resident',
      'volunteer',
      'professionalRouted',
      'professionalOther',
      'admin',
      'otherCoordinator',
    ] as const) {
      await assert.rejects(reassign(who[key]), forbidden, key);
    }
    assert.equal((await getSignalById(db(), KRIMPEN.id, signalId)).organisation_id, k.municipality);
    await reassign(who.coordinator);
    assert.equal((await getSignalById(db(), KRIMPEN.id, signalId)).organisation_id, k.housing);
  });

  it('the list and the CSV export: refused without the right, narrowed to the professional’s organisations', async () => {
    const filter = filterFor(parseListQuery({ status: '' }), [], NOW);
    const csv = (principal: Principal) =>
      exportCsv(db(), principal, KRIMPEN.id, filter, { orgNames: new Map(), stateLabel: (s) => s, now: NOW });
    for (const key of ['anonymous', 'resident', 'volunteer', 'admin', 'otherCoordinator'] as const) {
      await assert.rejects(listPage(db(), who[key], KRIMPEN.id, filter, 1), forbidden, key);
      await assert.rejects(csv(who[key]), forbidden, key);
    }
    // Asking for another organisation's signals does not widen a professional's view.
    const housingSignal = (await createSignal(db(), newSignal({ category: { serviceCode: 'burenoverlast' } }))).signal;
    const deskSignal = (await createSignal(db(), newSignal())).signal;
    const asked = { ...filter, visibleToOrganisations: [k.municipality, k.housing] };
    const mine = await listPage(db(), who.professionalRouted, KRIMPEN.id, asked, 1);
    assert.ok(
      mine.rows.some((r) => r.publicId === deskSignal.public_id),
      'what is routed to them',
    );
    assert.ok(!mine.rows.some((r) => r.publicId === housingSignal.public_id), 'not routed to the municipality desk');
    assert.equal((await csv(who.professionalRouted)).csv.includes(housingSignal.public_id), false);
    const all = await listPage(db(), who.coordinator, KRIMPEN.id, filter, 1);
    assert.ok(all.rows.some((r) => r.publicId === housingSignal.public_id));
    assert.ok((await csv(who.coordinator)).csv.includes(housingSignal.public_id));
  });

  it('saved filters: only staff, only their own', async () => {
    const input = { name: 'Open', query: parseListQuery({ status: 'open' }) };
    for (const key of ['anonymous', 'resident', 'volunteer', 'admin'] as const) {
      await assert.rejects(saveFilter(db(), who[key], input), forbidden, key);
      await assert.rejects(savedFilters(db(), who[key]), forbidden, key);
    }
    const saved = await saveFilter(db(), who.professionalRouted, input);
    assert.deepEqual(
      (await savedFilters(db(), who.professionalRouted)).map((f) => f.id),
      [saved.id],
    );
    assert.deepEqual(await savedFilters(db(), who.coordinator), []);
    await assert.rejects(deleteFilter(db(), who.coordinator, saved.id), (e: unknown) => e instanceof AppError && e.status === 404);
    await assert.rejects(deleteFilter(db(), who.admin, saved.id), forbidden);
    await deleteFilter(db(), who.professionalRouted, saved.id);
    assert.deepEqual(await savedFilters(db(), who.professionalRouted), []);
  });
});
