import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { AppError } from '../../platform/errors.ts';
import { type MatchCtx } from './matches/notify.ts';
import { type NewRequest, createRequest, loadRequest, requesterSide, expireRequests } from './requests/requests.service.ts';
import { saveOffer, signUpLatent, getMyOffer, listLatentContacts } from './offers/offers.service.ts';
import { listOpenRequestsForMatching, listActiveOffersForMatching } from './engine/matching-data.service.ts';
import { createMatches, proposeToVolunteer, acceptMatch, respondToRequest } from './matches/matches.service.ts';
import { getMatchDetails } from './matches/details.service.ts';
import { acceptHelper } from './matches/choose.service.ts';
import { postMessage, confirmHours, recordHours, giveFeedback } from './matches/followup.service.ts';
import { reportUser, listReports, blockUser } from './safety/safety.service.ts';
import { createVacancy, respondToVacancy, listVacancyResponses, closeVacancy } from './vacancies/vacancies.service.ts';
import { EAST, makeActor, NOW, OUTSIDE, seedAreas, T, WEST } from './test-support.ts';
import { exportCoreUserData, forgetCoreUserData } from './userdata.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { systemPrincipal } from '../../platform/principal.ts';
import { createOrganisation } from '../people/people.service.ts';

/** Jobs and checks of stored state act as the system in the municipality. */
const SYSTEM = systemPrincipal(T.id, NOW);
const ctxOf = (now = NOW): MatchCtx => ({ tenantId: T.id, tenantSlug: T.slug, baseUrl: 'http://test', now });
const status = (s: number, msg?: string) => (e: unknown) =>
  e instanceof AppError && e.status === s && (msg === undefined || e.message === msg);

function requestInput(over: Partial<NewRequest> = {}): NewRequest {
  return {
    category: 'tuin',
    helpType: 'incidental',
    summary: 'Heg snoeien',
    remarks: 'Bel twee keer aan',
    schedule: { kind: 'once', date: '2026-11-25', from: '13:00', to: '16:00' },
    address: 'Geheimstraat 12',
    lon: WEST[0],
    lat: WEST[1],
    radiusM: 1000,
    urgency: 'normal',
    vulnerable: false,
    ...over,
  };
}

describe('helpmatch service', () => {
  const ctx = useTestDb();
  before(async () => seedAreas(ctx.database.db));

  it('creates a request located in its buurt and refuses past windows, radius 0 and places outside the municipality', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident');
    const { id } = await createRequest(db, T.id, resident, requestInput(), NOW);
    const r = await loadRequest(db, SYSTEM, T.id, id);
    assert.equal(r.buurt_code, 'BU05420000');
    assert.equal(r.wijk_code, 'WK054200');
    assert.equal(r.state, 'open');
    assert.equal(r.starts_at?.toISOString(), '2026-11-25T12:00:00.000Z', '13:00 in Amsterdam');
    await assert.rejects(
      createRequest(db, T.id, resident, requestInput({ schedule: { kind: 'once', date: '2026-11-22', from: '10:00', to: '11:00' } }), NOW),
      (e: unknown) => e instanceof AppError && e.fields?.date === 'helpmatch.request.past',
    );
    await assert.rejects(
      createRequest(db, T.id, resident, requestInput({ radiusM: 0 }), NOW),
      (e: unknown) => e instanceof AppError && e.fields?.radius === 'helpmatch.request.radiusZero',
    );
    await assert.rejects(
      createRequest(db, T.id, resident, requestInput({ lon: OUTSIDE[0], lat: OUTSIDE[1] }), NOW),
      (e: unknown) => e instanceof AppError && e.fields?.address === 'helpmatch.location.outside',
    );
    await assert.rejects(createRequest(db, T.id, resident, requestInput({ onBehalf: { name: 'Mevrouw Jansen' } }), NOW), status(403));
    // Without coordinates: the chosen buurt's label point.
    const viaBuurt = await createRequest(db, T.id, resident, requestInput({ lon: null, lat: null, buurtCode: 'BU05420001' }), NOW);
    assert.equal((await loadRequest(db, SYSTEM, T.id, viaBuurt.id)).buurt_code, 'BU05420001');
  });

  it('lets a volunteer ask on behalf of a resident without an account', async () => {
    const db = ctx.database.db;
    const vol = await makeActor(db, 'volunteer');
    const { id } = await createRequest(db, T.id, vol, requestInput({ onBehalf: { name: 'Mevrouw Jansen', phone: '0612345678' } }), NOW);
    const r = await loadRequest(db, SYSTEM, T.id, id);
    assert.equal(r.requester_user_id, null);
    assert.equal(r.created_by_user_id, vol.userId);
    assert.equal(r.subject_name, 'Mevrouw Jansen');
    assert.deepEqual(requesterSide(r), [vol.userId]);
  });

  it('gives the engine open requests and active offers with load and reliability, without addresses', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident');
    const vol = await makeActor(db, 'volunteer');
    const { id } = await createRequest(db, T.id, resident, requestInput({ vulnerable: true }), NOW);
    await saveOffer(
      db,
      T.id,
      vol,
      {
        talents: 'Tuinieren',
        categories: ['tuin'],
        slots: [{ weekday: 3, from: '12:00', to: '17:00' }],
        reach: 'walk1000',
        maxPerMonth: 2,
        languages: ['nl'],
        lon: EAST[0],
        lat: EAST[1],
        active: true,
      },
      NOW,
    );
    const requests = await listOpenRequestsForMatching(db, T.id);
    const req = requests.find((r) => r.id === id)!;
    assert.equal(req.needsVog, true);
    assert.ok(!JSON.stringify(requests).includes('Geheimstraat'), 'no address for the engine');
    const offers = await listActiveOffersForMatching(db, T.id, NOW);
    const offer = offers.find((o) => o.userId === vol.userId)!;
    assert.equal(offer.reachM, 1000);
    assert.equal(offer.matchesThisMonth, 0);
    assert.equal(offer.vogSeen, false);
    assert.equal(offer.buurtCode, 'BU05420001');
  });

  it('turns an earlier wave suggestion into the proposal when a coordinator proposes the same volunteer', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident');
    const vol = await makeActor(db, 'volunteer');
    const coord = await makeActor(db, 'coordinator');
    const { id } = await createRequest(db, T.id, resident, requestInput(), NOW);
    const offer = await saveOffer(
      db,
      T.id,
      vol,
      {
        talents: '',
        categories: ['tuin'],
        slots: [{ weekday: 3, from: '12:00', to: '17:00' }],
        reach: 'walk1000',
        maxPerMonth: 2,
        languages: ['nl'],
        lon: EAST[0],
        lat: EAST[1],
        active: true,
      },
      NOW,
    );
    const [suggested] = await createMatches(db, ctxOf(), SYSTEM, [
      { requestId: id, volunteerUserId: vol.userId, offerId: offer.id, state: 'suggested', source: 'engine', distanceM: 500 },
    ]);
    assert.ok(suggested);
    const m = await proposeToVolunteer(db, ctxOf(), coord, id, vol.userId);
    assert.equal(m.id, suggested.id);
    assert.equal(m.state, 'proposed');
  });

  it('runs a match from proposal to done with hours confirmed by both sides, and reveals contacts only after the requester accepted the helper', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident', 'Rita Bewoner');
    const vol = await makeActor(db, 'volunteer', 'Vera Vrijwilliger');
    const coord = await makeActor(db, 'coordinator');
    const { id } = await createRequest(db, T.id, resident, requestInput({ address: 'Uniekelaan 99' }), NOW);
    await saveOffer(
      db,
      T.id,
      vol,
      {
        talents: '',
        categories: ['tuin'],
        slots: [{ weekday: 3, from: '12:00', to: '17:00' }],
        reach: 'walk1000',
        maxPerMonth: 2,
        languages: ['nl'],
        lon: EAST[0],
        lat: EAST[1],
        active: true,
      },
      NOW,
    );
    const m = await proposeToVolunteer(db, ctxOf(), coord, id, vol.userId);
    assert.equal(m.state, 'proposed');
    const before = await getMatchDetails(db, T.id, vol, m.id);
    assert.equal(before.contacts, null);
    assert.equal(before.volunteerFirstName, 'Vera');
    await postMessage(db, ctxOf(), vol, m.id, 'Past woensdag?');
    await acceptMatch(db, ctxOf(), vol, m.id);
    // The volunteer said yes: nothing is revealed until the requester accepts the helper.
    const waiting = await getMatchDetails(db, T.id, vol, m.id);
    assert.equal(waiting.match.state, 'awaiting_requester');
    assert.equal(waiting.contacts, null);
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'open');
    await acceptHelper(db, ctxOf(), resident, m.id);
    const after = await getMatchDetails(db, T.id, vol, m.id);
    assert.equal(after.contacts?.requester.address, 'Uniekelaan 99');
    assert.equal(after.contacts?.requester.name, 'Rita Bewoner');
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'matched');
    await assert.rejects(confirmHours(db, ctxOf(), resident, m.id), status(409));
    await recordHours(db, ctxOf(), vol, m.id, 2.5);
    const done = await confirmHours(db, ctxOf(), resident, m.id);
    assert.equal(done.state, 'done');
    assert.equal(done.hours, 2.5);
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'done');
    await giveFeedback(db, ctxOf(), resident, m.id, 'Heel fijn', 5);
    const offers = await listActiveOffersForMatching(db, T.id, NOW);
    const o = offers.find((x) => x.userId === vol.userId)!;
    assert.equal(o.done, 1);
    assert.equal(o.hoursGiven, 2.5);
    assert.equal(o.matchesThisMonth, 1);
  });

  it('lets exactly one of two simultaneous choices of helper win', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident');
    const coord = await makeActor(db, 'coordinator');
    const a = await makeActor(db, 'volunteer');
    const b = await makeActor(db, 'volunteer');
    const { id } = await createRequest(db, T.id, resident, requestInput(), NOW);
    const matches = await createMatches(db, ctxOf(), coord, [
      { requestId: id, volunteerUserId: a.userId, offerId: null, state: 'proposed', source: 'coordinator' },
      { requestId: id, volunteerUserId: b.userId, offerId: null, state: 'proposed', source: 'coordinator' },
    ]);
    assert.equal(matches.length, 2);
    // Both volunteers say yes; the request stays open and the requester (say, in two tabs) chooses both at once.
    const ma = matches.find((m) => m.volunteer_user_id === a.userId)!.id;
    const mb = matches.find((m) => m.volunteer_user_id === b.userId)!.id;
    await acceptMatch(db, ctxOf(), a, ma);
    await acceptMatch(db, ctxOf(), b, mb);
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'open');
    const results = await Promise.allSettled([acceptHelper(db, ctxOf(), resident, ma), acceptHelper(db, ctxOf(), resident, mb)]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(lost.reason instanceof AppError && lost.reason.status === 409, String(lost.reason));
  });

  it('blocks a reported user from offering, responding and accepting', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident');
    const vol = await makeActor(db, 'volunteer');
    const coord = await makeActor(db, 'coordinator');
    const { id } = await createRequest(db, T.id, resident, requestInput(), NOW);
    const m = await respondToRequest(db, ctxOf(), vol, id);
    await reportUser(db, T.id, resident, m.id, 'Onaardige berichten', NOW);
    const reports = await listReports(db, T.id, coord);
    assert.equal(reports[0]?.reported_user_id, vol.userId);
    await blockUser(db, T.id, coord, vol.userId, 'Na melding', NOW);
    await assert.rejects(acceptMatch(db, ctxOf(), vol, m.id), status(403, 'helpmatch.blocked'));
    await assert.rejects(respondToRequest(db, ctxOf(), vol, id), status(403, 'helpmatch.blocked'));
    await assert.rejects(
      saveOffer(
        db,
        T.id,
        vol,
        {
          talents: '',
          categories: ['tuin'],
          slots: [{ weekday: 1, from: '09:00', to: '10:00' }],
          reach: 'walk500',
          maxPerMonth: 1,
          languages: [],
          buurtCode: 'BU05420000',
          active: true,
        },
        NOW,
      ),
      status(403, 'helpmatch.blocked'),
    );
  });

  it('expires open requests whose window has passed', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident');
    const { id } = await createRequest(db, T.id, resident, requestInput(), NOW);
    assert.ok((await expireRequests(db, new Date('2026-11-26T00:00:00Z'))) >= 1);
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'expired');
  });

  it('lets organisation members post vacancies and volunteers respond once', async () => {
    const db = ctx.database.db;
    const org = await createOrganisation(db, { tenantId: T.id, name: 'Welzijn Test', kind: 'welzijn' });
    const prof = await makeActor(db, 'professional');
    const vol = await makeActor(db, 'volunteer');
    await assert.rejects(
      createVacancy(
        db,
        T.id,
        { ...prof, organisationIds: [] },
        { organisationId: org.id, title: 'X', description: 'Y', category: 'vervoer', hoursPerWeek: '' },
        NOW,
      ),
      status(403),
    );
    const v = await createVacancy(
      db,
      T.id,
      { ...prof, organisationIds: [org.id] },
      { organisationId: org.id, title: 'Chauffeur', description: 'Rijden naar de huisarts', category: 'vervoer', hoursPerWeek: '2 uur' },
      NOW,
    );
    await respondToVacancy(db, T.id, vol, v.id, 'Ik rijd graag', NOW);
    await assert.rejects(respondToVacancy(db, T.id, vol, v.id, 'Nog eens', NOW), status(409, 'helpmatch.vacancy.alreadyResponded'));
    const responses = await listVacancyResponses(db, T.id, { ...prof, organisationIds: [org.id] }, v.id);
    assert.equal(responses.length, 1);
    await assert.rejects(listVacancyResponses(db, T.id, vol, v.id), status(403));
    await closeVacancy(db, T.id, { ...prof, organisationIds: [org.id] }, v.id, NOW);
    await assert.rejects(
      respondToVacancy(db, T.id, await makeActor(db, 'volunteer'), v.id, '', NOW),
      status(409, 'helpmatch.vacancy.closed'),
    );
  });

  it("exports a person's help data and forgets it on account deletion", async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident');
    const vol = await makeActor(db, 'volunteer');
    const { id } = await createRequest(db, T.id, resident, requestInput({ address: 'Vergeetweg 5' }), NOW);
    await saveOffer(
      db,
      T.id,
      vol,
      {
        talents: 'Klussen',
        categories: ['klussen'],
        slots: [{ weekday: 1, from: '09:00', to: '12:00' }],
        reach: 'walk500',
        maxPerMonth: 1,
        languages: [],
        buurtCode: 'BU05420000',
        active: true,
      },
      NOW,
    );
    await signUpLatent(db, T.id, resident, { buurtCode: 'BU05420000', note: '' }, NOW);
    assert.equal((await listLatentContacts(db, T.id, resident, { userId: resident.userId })).length, 1, "one sees one's own sign-up");
    // Other people's sign-ups are for who proposes matches (the coordinator), not for a resident.
    await assert.rejects(listLatentContacts(db, T.id, resident, { buurtCodes: ['BU05420000'] }), status(403));
    await assert.rejects(listLatentContacts(db, T.id, { ...resident, userId: 'someone-else' }, { userId: resident.userId }), status(403));
    const m = await respondToRequest(db, ctxOf(), vol, id);
    await postMessage(db, ctxOf(), vol, m.id, 'Hallo, ik kan helpen');
    const exported = JSON.stringify(await exportCoreUserData(db, resident.userId));
    assert.ok(exported.includes('Vergeetweg 5'));
    assert.ok(JSON.stringify(await exportCoreUserData(db, vol.userId)).includes('Hallo, ik kan helpen'));
    await inTransaction(db, (trx) => forgetCoreUserData(trx, resident.userId, NOW));
    await inTransaction(db, (trx) => forgetCoreUserData(trx, vol.userId, NOW));
    const r = await loadRequest(db, SYSTEM, T.id, id);
    assert.equal(r.address, null);
    assert.equal(r.state, 'withdrawn');
    assert.equal(await getMyOffer(db, vol), null);
    assert.equal((await listLatentContacts(db, T.id, resident, { userId: resident.userId })).length, 0);
    assert.ok(!JSON.stringify(await exportCoreUserData(db, vol.userId)).includes('Hallo'));
  });

  it('lets a coordinator propose a latent request to an aanspreekpunt of its buurt', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident');
    const contact = await makeActor(db, 'resident');
    const elsewhere = await makeActor(db, 'resident');
    const coord = await makeActor(db, 'coordinator');
    await signUpLatent(db, T.id, contact, { buurtCode: 'BU05420000', note: '' }, NOW);
    await signUpLatent(db, T.id, elsewhere, { buurtCode: 'BU05420001', note: '' }, NOW);
    const { id } = await createRequest(
      db,
      T.id,
      resident,
      requestInput({ helpType: 'latent', schedule: { kind: 'weekly', slots: [{ weekday: 1, from: '09:00', to: '12:00' }] } }),
      NOW,
    );
    const m = await proposeToVolunteer(db, ctxOf(), coord, id, contact.userId);
    assert.equal(m.source, 'latent');
    assert.equal(m.offer_id, null);
    await assert.rejects(proposeToVolunteer(db, ctxOf(), coord, id, elsewhere.userId), status(422));
    await acceptMatch(db, ctxOf(), contact, m.id);
    await acceptHelper(db, ctxOf(), resident, m.id);
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'matched');
  });
});
