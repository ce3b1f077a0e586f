/**
 * The help marketplace's services check the principal themselves (ADR 0007): called directly,
 * without a route in front, "my" reads act only on the actor's own user, a request's private side
 * and its matches are the asking side's and the coordinator's, only coordinators and jobs create
 * matches, and a care circle loaded for one member cannot be used by anyone else. Another
 * municipality's coordinator is refused everywhere.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { AppError } from '../../platform/errors.ts';
import { principalOf, systemPrincipal } from '../../platform/principal.ts';
import { actorIn, type Actor } from './actor.ts';
import { createRequest, listMyRequests, loadRequest, viewRequest, type NewRequest } from './requests/requests.service.ts';
import { getMyOffer, saveOffer } from './offers/offers.service.ts';
import { acceptMatch, createMatches, loadMatch, type NewMatch } from './matches/matches.service.ts';
import { acceptHelper, declineHelper } from './matches/choose.service.ts';
import { getMatchDetails, listMyMatches } from './matches/details.service.ts';
import { postMessage } from './matches/followup.service.ts';
import { reportUser } from './safety/safety.service.ts';
import type { MatchCtx } from './matches/notify.ts';
import * as circles from './circle/circle.service.ts';
import { insertMember } from './circle/circle.store.ts';
import { EAST, makeActor, NOW, seedAreas, T, WEST } from './test-support.ts';

const OTHER_TENANT = 'GM0014';
const ctxOf = (): MatchCtx => ({ tenantId: T.id, tenantSlug: T.slug, baseUrl: 'http://test', now: NOW });
const refused = (status: 403 | 404) => (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, status);
  return true;
};
const forbidden = refused(403);

const request: NewRequest = {
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
};

describe('helpmatch services refuse whoever the rules do not allow', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  let owner: Actor;
  let otherResident: Actor;
  let volunteer: Actor;
  let coordinator: Actor;
  let admin: Actor;
  let otherCoordinator: Actor;
  let requestId: string;

  before(async () => {
    await seedAreas(db());
    owner = await makeActor(db(), 'resident', 'Rita Bewoner');
    otherResident = await makeActor(db(), 'resident');
    volunteer = await makeActor(db(), 'volunteer', 'Vera Vrijwilliger');
    coordinator = await makeActor(db(), 'coordinator');
    admin = await makeActor(db(), 'admin');
    // A coordinator of another municipality (same person model, other tenant).
    otherCoordinator = actorIn(OTHER_TENANT, coordinator.userId, ['coordinator'], { now: NOW });
    requestId = (await createRequest(db(), T.id, owner, request, NOW)).id;
    await saveOffer(
      db(),
      T.id,
      volunteer,
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
  });

  it('listMyRequests, getMyOffer, listMyMatches: only the actor’s own, in the actor’s own municipality', async () => {
    assert.deepEqual(
      (await listMyRequests(db(), owner)).map((r) => r.id),
      [requestId],
    );
    assert.deepEqual(await listMyRequests(db(), otherResident), []);
    assert.deepEqual(await listMyRequests(db(), otherCoordinator), [], 'the other municipality has none of these');
    assert.ok(await getMyOffer(db(), volunteer));
    assert.equal(await getMyOffer(db(), owner), null);
    assert.equal(await getMyOffer(db(), otherCoordinator), null);
    assert.deepEqual(await listMyMatches(db(), otherResident), []);
    // Without a municipality, or without a role in it, there is nothing of one's own to read.
    const nowhere = { ...owner, tenantId: null };
    await assert.rejects(listMyRequests(db(), nowhere), forbidden);
    await assert.rejects(getMyOffer(db(), nowhere), forbidden);
    await assert.rejects(listMyMatches(db(), nowhere), forbidden);
    const noRole = actorIn(T.id, owner.userId, [], { now: NOW });
    await assert.rejects(listMyRequests(db(), noRole), forbidden);
    await assert.rejects(listMyMatches(db(), noRole), forbidden);
  });

  it('loadRequest: the asking side, the coordinator and jobs; nobody else', async () => {
    for (const p of [owner, coordinator, systemPrincipal(T.id, NOW)]) {
      assert.equal((await loadRequest(db(), p, T.id, requestId)).id, requestId);
    }
    for (const p of [otherResident, volunteer, admin, otherCoordinator, principalOf(null, T.id, NOW)]) {
      await assert.rejects(loadRequest(db(), p, T.id, requestId), forbidden);
    }
  });

  it('createMatches: coordinators and jobs only; viewRequest shows matches and private details to the asking side and coordinators', async () => {
    const item: NewMatch = { requestId, volunteerUserId: volunteer.userId, offerId: null, state: 'suggested', source: 'engine' };
    for (const p of [owner, otherResident, volunteer, admin, otherCoordinator]) {
      await assert.rejects(createMatches(db(), ctxOf(), p, [item]), forbidden);
    }
    const [suggested] = await createMatches(db(), ctxOf(), systemPrincipal(T.id, NOW), [item]);
    assert.ok(suggested);

    const asCoordinator = await viewRequest(db(), coordinator, T.id, requestId);
    assert.equal(asCoordinator.privateInfo?.address, 'Geheimstraat 12');
    assert.deepEqual(
      asCoordinator.matches?.map((m) => m.id),
      [suggested.id],
    );
    const asOwner = await viewRequest(db(), owner, T.id, requestId);
    assert.ok(asOwner.isOwner && asOwner.privateInfo);
    assert.deepEqual(asOwner.matches, [], 'suggestions are the coordinator’s');
    for (const p of [otherResident, volunteer, admin]) {
      const view = await viewRequest(db(), p, T.id, requestId);
      assert.equal(view.privateInfo, null);
      assert.equal(view.matches, null);
    }
    await assert.rejects(viewRequest(db(), otherCoordinator, T.id, requestId), forbidden);
    await assert.rejects(viewRequest(db(), actorIn(T.id, otherResident.userId, [], { now: NOW }), T.id, requestId), forbidden);

    // Only the match's own volunteer accepts it; another municipality's coordinator not at all.
    await assert.rejects(acceptMatch(db(), ctxOf(), otherCoordinator, suggested.id), forbidden);
    await assert.rejects(acceptMatch(db(), ctxOf(), coordinator, suggested.id), forbidden);
    await assert.rejects(acceptMatch(db(), ctxOf(), owner, suggested.id), forbidden);
    assert.equal((await loadRequest(db(), coordinator, T.id, requestId)).state, 'open');
    assert.equal((await acceptMatch(db(), ctxOf(), volunteer, suggested.id)).state, 'awaiting_requester');
    // Only the asking side chooses the helper: not the volunteer, not a coordinator, not a stranger.
    for (const p of [volunteer, coordinator, otherResident, otherCoordinator]) {
      await assert.rejects(acceptHelper(db(), ctxOf(), p, suggested.id), forbidden);
      await assert.rejects(declineHelper(db(), ctxOf(), p, suggested.id), forbidden);
    }
    assert.equal((await loadRequest(db(), coordinator, T.id, requestId)).state, 'open');
    assert.equal((await acceptHelper(db(), ctxOf(), owner, suggested.id)).state, 'accepted');
    assert.equal((await loadRequest(db(), coordinator, T.id, requestId)).state, 'matched');
    assert.deepEqual(
      (await listMyMatches(db(), volunteer)).map((m) => m.match.id),
      [suggested.id],
    );
    assert.deepEqual(
      (await listMyMatches(db(), owner)).map((m) => m.match.id),
      [suggested.id],
    );
  });

  it('a match is read by its two parties and coordinators only: loadMatch, its page, its messages and reports refuse a stranger', async () => {
    const otherRequestId = (await createRequest(db(), T.id, owner, { ...request, summary: 'Ramen zemen' }, NOW)).id;
    const item: NewMatch = {
      requestId: otherRequestId,
      volunteerUserId: volunteer.userId,
      offerId: null,
      state: 'suggested',
      source: 'engine',
    };
    const [match] = await createMatches(db(), ctxOf(), systemPrincipal(T.id, NOW), [item]);
    assert.ok(match);
    for (const p of [owner, volunteer, coordinator]) {
      const loaded = await loadMatch(db(), p, T.id, match.id);
      assert.equal(loaded.match.id, match.id);
      assert.equal(loaded.request.id, otherRequestId);
      assert.equal((await getMatchDetails(db(), T.id, p, match.id)).match.id, match.id);
    }
    const strangers = [otherResident, admin, otherCoordinator, actorIn(T.id, volunteer.userId, [], { now: NOW })];
    for (const p of [...strangers, principalOf(null, T.id, NOW)]) {
      await assert.rejects(loadMatch(db(), p, T.id, match.id), forbidden);
    }
    for (const p of strangers) {
      await assert.rejects(getMatchDetails(db(), T.id, p, match.id), forbidden);
      await assert.rejects(postMessage(db(), ctxOf(), p, match.id, 'Hallo'), forbidden);
      await assert.rejects(reportUser(db(), T.id, p, match.id, 'Grof gedrag', NOW), forbidden);
    }
    // Another municipality's id space: the match is not there at all.
    await assert.rejects(loadMatch(db(), otherCoordinator, OTHER_TENANT, match.id), refused(404));
  });

  it('a care circle loaded for one member cannot be used by anyone else', async () => {
    const circleId = await circles.createCircle(db(), T.id, owner, {
      personName: 'Mevrouw',
      personDetails: '',
      createdAs: 'carer',
      areaCode: null,
      now: NOW,
    });
    await insertMember(db(), { tenantId: T.id, circleId, userId: volunteer.userId, role: 'member', now: NOW });
    const ownersCircle = await circles.getCircle(db(), T.id, circleId, owner);
    const membersCircle = await circles.getCircle(db(), T.id, circleId, volunteer);
    const taskId = await circles.addTask(db(), ownersCircle, owner, {
      title: 'Boodschappen',
      notes: '',
      recurrence: 'once',
      startsOn: '2026-11-23',
      timeOfDay: null,
      now: NOW,
    });
    const day = '2026-11-23';
    const uses = (circle: circles.MemberCircle, actor: Actor) => [
      () => circles.listCircleMembers(db(), circle, actor),
      () => circles.circleWeek(db(), circle, actor, { now: NOW }),
      () => circles.getSlot(db(), circle, actor, taskId, day),
      () =>
        circles.addTask(db(), circle, actor, { title: 'Koken', notes: '', recurrence: 'once', startsOn: day, timeOfDay: null, now: NOW }),
      () => circles.takeTurn(db(), circle, actor, taskId, day, NOW),
      () => circles.releaseTurn(db(), circle, actor, taskId, day),
      () => circles.completeTurn(db(), circle, actor, taskId, day, 1, NOW),
      () => circles.leaveCircle(db(), circle, actor),
    ];
    // The owner's circle handed to another member, another resident, a coordinator or another municipality: refused.
    for (const actor of [volunteer, otherResident, coordinator, admin, otherCoordinator]) {
      for (const use of uses(ownersCircle, actor)) await assert.rejects(use(), forbidden);
    }
    for (const actor of [owner, otherCoordinator]) {
      for (const use of uses(membersCircle, actor)) await assert.rejects(use(), forbidden);
    }
    await assert.rejects(circles.getCircle(db(), T.id, circleId, otherResident), refused(404));
    await assert.rejects(circles.getCircle(db(), OTHER_TENANT, circleId, otherCoordinator), refused(404));
    // Nothing changed: one task, no turn, both members still there.
    assert.equal((await circles.listCircleMembers(db(), membersCircle, volunteer)).length, 2);
    assert.equal((await circles.getSlot(db(), ownersCircle, owner, taskId, day)).turn, null);
    assert.equal((await circles.circleWeek(db(), ownersCircle, owner, { week: day, now: NOW })).tasks.length, 1);
    // Each on their own circle: allowed.
    await circles.takeTurn(db(), membersCircle, volunteer, taskId, day, NOW);
    await circles.completeTurn(db(), membersCircle, volunteer, taskId, day, 1, NOW);
    await circles.leaveCircle(db(), membersCircle, volunteer);
    assert.equal((await circles.listCircleMembers(db(), ownersCircle, owner)).length, 1);
  });
});
