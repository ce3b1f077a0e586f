/**
 * The signals services check the principal themselves (ADR 0007): called directly, without a
 * route in front, each one refuses every role the rules do not allow and another municipality's
 * coordinator, and writes nothing when it refuses.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { AppError } from '../../platform/errors.ts';
import { principalOf, type Principal, systemPrincipal } from '../../platform/principal.ts';
import type { Role } from '../../platform/roles.ts';
import { createUser } from '../people/people.service.ts';
import { exportCsv } from './list/list.csv.ts';
import { deleteFilter, filterFor, listPage, parseListQuery, saveFilter, savedFilters } from './list/list.service.ts';
import { createSignal, getSignal, getSignalById, listSignals, reassignSignal, signalHistory, transitionSignal } from './signals.service.ts';
import { addAction } from './actions/actions.service.ts';
import { photoBytes, photoViaLink } from './photos/photos.service.ts';
import { followerCount, mergeCandidatesFor, routedOrganisation } from './merge/merge.service.ts';
import { GRONINGEN, KRIMPEN, NOW, newSignal, setupTenant, type TenantFixture } from './signals.test-support.ts';

const forbidden = (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, 403);
  return true;
};
const notFound = (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, 404);
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
    assert.equal((await getSignalById(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, signalId)).state, 'gemeld');
    await move(who.professionalRouted, 'in_behandeling');
    await move(who.coordinator, 'ingepland');
    assert.equal((await getSignalById(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, signalId)).state, 'ingepland');
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
    assert.equal((await getSignalById(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, signalId)).organisation_id, k.municipality);
    await reassign(who.coordinator);
    assert.equal((await getSignalById(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, signalId)).organisation_id, k.housing);
  });

  it('the list and the CSV export: refused without the right, narrowed to the professional’s organisations', async () => {
    const filter = filterFor(parseListQuery({ status: '' }), [], NOW);
    const csv = (principal: Principal) =>
      exportCsv(db(), principal, KRIMPEN.id, filter, { orgNames: new Map(), stateLabel: (s) => s, now: NOW });
    for (const key of ['anonymous', 'resident', 'volunteer', 'admin', 'otherCoordinator'] as const) {
      await assert.rejects(listPage(db(), who[key], KRIMPEN.id, filter), forbidden, key);
      await assert.rejects(csv(who[key]), forbidden, key);
    }
    // Asking for another organisation's signals does not widen a professional's view.
    const housingSignal = (await createSignal(db(), newSignal({ category: { serviceCode: 'burenoverlast' } }))).signal;
    const deskSignal = (await createSignal(db(), newSignal())).signal;
    const asked = { ...filter, visibleToOrganisations: [k.municipality, k.housing] };
    const mine = await listPage(db(), who.professionalRouted, KRIMPEN.id, asked);
    assert.ok(
      mine.rows.some((r) => r.publicId === deskSignal.public_id),
      'what is routed to them',
    );
    assert.ok(!mine.rows.some((r) => r.publicId === housingSignal.public_id), 'not routed to the municipality desk');
    assert.equal((await csv(who.professionalRouted)).csv.includes(housingSignal.public_id), false);
    const all = await listPage(db(), who.coordinator, KRIMPEN.id, filter);
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

  it('reading one signal (getSignal, getSignalById, signalHistory, photoBytes): the routed organisation, one with an action on it, the coordinator; for anyone else it does not exist', async () => {
    const { signal, trackingToken } = await createSignal(db(), newSignal());
    const reads = (principal: Principal) => [
      () => getSignal(db(), principal, KRIMPEN.id, signal.public_id),
      () => getSignalById(db(), principal, KRIMPEN.id, signal.id),
      () => signalHistory(db(), principal, KRIMPEN.id, signal.id),
      () => photoBytes(db(), principal, signal, 1, 'full'),
    ];
    for (const key of ['anonymous', 'resident', 'volunteer', 'professionalOther', 'admin', 'otherCoordinator'] as const) {
      for (const read of reads(who[key])) await assert.rejects(read(), notFound, key);
    }
    // Another municipality's coordinator asking in their own municipality does not find it either.
    await assert.rejects(getSignal(db(), who.otherCoordinator, GRONINGEN.id, signal.public_id), notFound);
    for (const key of ['professionalRouted', 'coordinator'] as const) {
      assert.equal((await getSignal(db(), who[key], KRIMPEN.id, signal.public_id)).id, signal.id, key);
      assert.equal((await getSignalById(db(), who[key], KRIMPEN.id, signal.id)).id, signal.id, key);
      assert.ok((await signalHistory(db(), who[key], KRIMPEN.id, signal.id)).length > 0, key);
      assert.equal(await photoBytes(db(), who[key], signal, 1, 'full'), null, `${key}: allowed, no photo at position 1`);
    }
    // An action for the housing organisation lets its professional read the signal, nothing more.
    await addAction(db(), {
      tenantId: KRIMPEN.id,
      principal: who.coordinator,
      locale: 'nl',
      links,
      now: NOW,
      signalId: signal.id,
      organisationId: k.housing,
      description: 'Huisbezoek',
    });
    assert.equal((await getSignal(db(), who.professionalOther, KRIMPEN.id, signal.public_id)).id, signal.id);
    assert.ok((await signalHistory(db(), who.professionalOther, KRIMPEN.id, signal.id)).length > 0);
    // Photos through a tracking link: only the reporter's own link, only in its municipality.
    assert.ok(trackingToken);
    assert.equal((await photoViaLink(db(), who.anonymous, KRIMPEN.id, trackingToken, 1, 'full')).photo, null);
    await assert.rejects(photoViaLink(db(), who.anonymous, KRIMPEN.id, 'x'.repeat(43), 1, 'full'), notFound);
    await assert.rejects(photoViaLink(db(), who.otherCoordinator, KRIMPEN.id, trackingToken, 1, 'full'), notFound);
  });

  it('the merge helpers on a signal the route opened: candidates and followers only for the coordinator, the split form’s routing for the routed organisation too', async () => {
    const { signal } = await createSignal(db(), newSignal());
    const candidates = (principal: Principal) => mergeCandidatesFor(db(), principal, signal, NOW);
    const followers = (principal: Principal) => followerCount(db(), principal, signal);
    const routed = (principal: Principal) => routedOrganisation(db(), principal, signal, signal.category_id);
    for (const key of [
      'anonymous',
      'resident',
      'volunteer',
      'professionalRouted',
      'professionalOther',
      'admin',
      'otherCoordinator',
    ] as const) {
      await assert.rejects(candidates(who[key]), forbidden, key);
      await assert.rejects(followers(who[key]), forbidden, key);
    }
    for (const key of ['anonymous', 'resident', 'volunteer', 'professionalOther', 'admin', 'otherCoordinator'] as const) {
      await assert.rejects(routed(who[key]), forbidden, key);
    }
    assert.ok(Array.isArray(await candidates(who.coordinator)));
    assert.equal(await followers(who.coordinator), 0);
    for (const key of ['professionalRouted', 'coordinator'] as const) assert.equal(await routed(who[key]), k.municipality, key);
  });

  it('listSignals: refused without the list right, narrowed to the professional’s organisations', async () => {
    const desk = (await createSignal(db(), newSignal())).signal;
    const housing = (await createSignal(db(), newSignal({ category: { serviceCode: 'burenoverlast' } }))).signal;
    const filter = { publicIds: [desk.public_id, housing.public_id] };
    for (const key of ['anonymous', 'resident', 'volunteer', 'admin', 'otherCoordinator'] as const) {
      await assert.rejects(listSignals(db(), who[key], KRIMPEN.id, filter), forbidden, key);
    }
    const ids = async (principal: Principal) => (await listSignals(db(), principal, KRIMPEN.id, filter)).map((r) => r.public_id).sort();
    assert.deepEqual(await ids(who.professionalRouted), [desk.public_id]);
    assert.deepEqual(await ids(who.professionalOther), [housing.public_id]);
    assert.deepEqual(await ids(who.coordinator), [desk.public_id, housing.public_id].sort());
    // Asking for another organisation's signals does not widen the view.
    const asked = await listSignals(db(), who.professionalRouted, KRIMPEN.id, { ...filter, visibleToOrganisations: [k.housing] });
    assert.deepEqual(asked, []);
  });
});
