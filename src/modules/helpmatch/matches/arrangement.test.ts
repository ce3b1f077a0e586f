/**
 * Issue 12 in the services: the asking side chooses the helper (and can say no, which frees the
 * request), weekly help lasts with hours per week that the ledger counts while it goes on, hours of
 * a week both confirmed are refused with nothing stored, either side ends it, and the asking side
 * hears when nobody has been found after a few days.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { AppError } from '../../../platform/errors.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import type { MatchCtx } from './notify.ts';
import { createRequest, loadRequest, type NewRequest } from '../requests/requests.service.ts';
import { saveOffer } from '../offers/offers.service.ts';
import { acceptMatch, proposeToVolunteer, respondToRequest } from './matches.service.ts';
import { acceptHelper, declineHelper } from './choose.service.ts';
import { confirmWeek, endArrangement, recordWeekHours } from './sessions.service.ts';
import { confirmHours, recordHours } from './followup.service.ts';
import { getMatchDetails } from './details.service.ts';
import { listSessions } from './sessions.store.ts';
import { myLedger, ledgerTotals } from '../circle/ledger.ts';
import { listActiveOffersForMatching } from '../engine/matching-data.service.ts';
import { neighbourhoodCounts } from '../engine/dashboard.ts';
import { notifyNobodyFound } from '../requests/nobody.service.ts';
import { EAST, makeActor, NOW, seedAreas, T, WEST } from '../test-support.ts';
import type { Actor } from '../actor.ts';
import { exportCoreUserData } from '../userdata.ts';

const DAY = 86_400_000;
const SYSTEM = systemPrincipal(T.id, NOW);
const ctxAt = (now: Date): MatchCtx => ({ tenantId: T.id, tenantSlug: T.slug, baseUrl: 'http://test', now });
const at = (a: Actor, now: Date): Actor => ({ ...a, now });
const status = (s: number, msg?: string) => (e: unknown) =>
  e instanceof AppError && e.status === s && (msg === undefined || e.message === msg);

const weekly: NewRequest = {
  category: 'boodschappen',
  helpType: 'structural',
  summary: 'Elke donderdag boodschappen',
  remarks: null,
  schedule: { kind: 'weekly', slots: [{ weekday: 4, from: '09:00', to: '12:00' }] },
  address: 'Weekstraat 4',
  lon: WEST[0],
  lat: WEST[1],
  radiusM: null,
  urgency: 'normal',
  vulnerable: false,
};

describe('helpmatch: the requester chooses; weekly help lasts', () => {
  const ctx = useTestDb();
  before(async () => seedAreas(ctx.database.db));

  async function volunteer(name: string): Promise<Actor> {
    const db = ctx.database.db;
    const v = await makeActor(db, 'volunteer', name);
    await saveOffer(
      db,
      T.id,
      v,
      {
        talents: '',
        categories: ['boodschappen'],
        slots: [{ weekday: 4, from: '09:00', to: '12:00' }],
        reach: 'municipality',
        maxPerMonth: 4,
        languages: ['nl'],
        lon: EAST[0],
        lat: EAST[1],
        active: true,
      },
      NOW,
    );
    return v;
  }

  async function mailsTo(userId: string): Promise<string[]> {
    const rows = await ctx.database.db.selectFrom('mail_outbox').select('subject').where('user_id', '=', userId).execute();
    return rows.map((r) => r.subject);
  }

  it('the requester says no to one volunteer (told kindly, request open) and yes to another; only then the address shows', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident', 'Riet Weekhulp');
    const coord = await makeActor(db, 'coordinator');
    const first = await volunteer('Fred Eerste');
    const second = await volunteer('Sara Tweede');
    const { id } = await createRequest(db, T.id, resident, weekly, NOW);
    // A coordinator's proposal goes through the same step.
    const proposed = await proposeToVolunteer(db, ctxAt(NOW), coord, id, first.userId);
    const yes = await acceptMatch(db, ctxAt(NOW), first, proposed.id);
    assert.equal(yes.state, 'awaiting_requester');
    assert.deepEqual(await mailsTo(resident.userId), ['Iemand wil u helpen. Vindt u dat goed?']);
    assert.equal((await getMatchDetails(db, T.id, first, proposed.id)).contacts, null);
    assert.equal((await getMatchDetails(db, T.id, resident, proposed.id)).canChoose, true);
    assert.equal((await getMatchDetails(db, T.id, first, proposed.id)).canChoose, false);
    const no = await declineHelper(db, ctxAt(NOW), resident, proposed.id);
    assert.equal(no.state, 'not_chosen');
    assert.ok((await mailsTo(first.userId)).includes('Dank u wel dat u wilde helpen'));
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'open');
    await assert.rejects(acceptHelper(db, ctxAt(NOW), resident, proposed.id), status(409, 'helpmatch.choose.notWaiting'));
    // The second volunteer responds ("ik wil helpen"): that is a yes; the requester accepts.
    const m = await respondToRequest(db, ctxAt(NOW), second, id);
    assert.equal(m.state, 'awaiting_requester');
    await acceptHelper(db, ctxAt(NOW), resident, m.id);
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'matched');
    assert.equal((await getMatchDetails(db, T.id, second, m.id)).contacts?.requester.address, 'Weekstraat 4');
    assert.equal((await getMatchDetails(db, T.id, first, proposed.id)).contacts, null, 'the volunteer not chosen never sees it');
    assert.ok((await mailsTo(second.userId)).includes('U bent gekozen als helper'));
  });

  it("a request for someone without an account: a coordinator chooses for them, also one who did not enter it; a resident's own request stays theirs", async () => {
    const db = ctx.database.db;
    const entering = await makeActor(db, 'volunteer', 'Ina Invoer');
    const coord = await makeActor(db, 'coordinator');
    const stranger = await makeActor(db, 'resident', 'Stan Vreemd');
    const helper = await volunteer('Henk Helper');
    const { id } = await createRequest(
      db,
      T.id,
      entering,
      { ...weekly, onBehalf: { name: 'Mevrouw Zonder Account', phone: '0101234567' } },
      NOW,
    );
    const m = await respondToRequest(db, ctxAt(NOW), helper, id);
    assert.equal(m.state, 'awaiting_requester');
    const seen = await getMatchDetails(db, T.id, coord, m.id);
    assert.equal(seen.canChoose, true, 'the coordinator is offered the choice');
    assert.equal((await getMatchDetails(db, T.id, helper, m.id)).canChoose, false);
    await assert.rejects(acceptHelper(db, ctxAt(NOW), stranger, m.id), status(403));
    await assert.rejects(acceptHelper(db, ctxAt(NOW), helper, m.id), status(403));
    assert.equal((await acceptHelper(db, ctxAt(NOW), coord, m.id)).state, 'accepted');
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'matched');
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', m.id)
      .where('action', '=', 'choose')
      .execute();
    assert.deepEqual(audit, [{ action: 'choose', actor_user_id: coord.userId }]);

    // A resident's own request: the coordinator is not offered the choice and cannot make it.
    const owner = await makeActor(db, 'resident', 'Olga Eigen');
    const own = await createRequest(db, T.id, owner, weekly, NOW);
    const mine = await respondToRequest(db, ctxAt(NOW), await volunteer('Vince Vrijwillig'), own.id);
    assert.equal((await getMatchDetails(db, T.id, coord, mine.id)).canChoose, false);
    await assert.rejects(acceptHelper(db, ctxAt(NOW), coord, mine.id), status(403));
    await assert.rejects(declineHelper(db, ctxAt(NOW), coord, mine.id), status(403));
  });

  it('weekly help: three weeks of hours confirmed, still active and counted; a confirmed week cannot change; either side ends it', async () => {
    const db = ctx.database.db;
    const resident = await makeActor(db, 'resident', 'Wim Wekelijks');
    const vol = await volunteer('Vera Vast');
    const { id } = await createRequest(db, T.id, resident, weekly, NOW);
    const m = await respondToRequest(db, ctxAt(NOW), vol, id);
    await acceptHelper(db, ctxAt(NOW), resident, m.id);
    // The one-off way of recording hours does not apply to weekly help.
    await assert.rejects(recordHours(db, ctxAt(NOW), vol, m.id, 2), (e: unknown) => e instanceof AppError && e.fields?.week !== undefined);
    const weeks = ['2026-11-23', '2026-11-30', '2026-12-07'];
    for (const [i, week] of weeks.entries()) {
      const now = new Date(NOW.getTime() + (i * 7 + 3) * DAY);
      await recordWeekHours(db, ctxAt(now), at(vol, now), m.id, week, 1.5);
      const confirmed = await confirmWeek(db, ctxAt(now), at(resident, now), m.id, week);
      assert.equal(confirmed.state, 'accepted', `still active after week ${i + 1}`);
      assert.equal(confirmed.hours, 1.5 * (i + 1));
      assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'matched');
    }
    const later = new Date(NOW.getTime() + 17 * DAY);
    // Hours for a week both confirmed: refused beside the week field, nothing stored.
    await assert.rejects(
      recordWeekHours(db, ctxAt(later), at(resident, later), m.id, '2026-11-30', 3),
      (e: unknown) => e instanceof AppError && e.status === 409 && e.fields?.week === 'helpmatch.session.alreadyConfirmed',
    );
    const sessions = await listSessions(db, T.id, m.id);
    assert.deepEqual(
      sessions.map((s) => [s.week_start, Number(s.hours)]),
      weeks.map((w) => [w, 1.5]),
    );
    await assert.rejects(confirmWeek(db, ctxAt(later), at(resident, later), m.id, '2026-11-30'), status(409));
    await assert.rejects(
      confirmHours(db, ctxAt(later), resident, m.id),
      status(409),
      'confirming the one-off way never closes weekly help',
    );
    // A week in the future or before the start is not offered.
    await assert.rejects(recordWeekHours(db, ctxAt(later), at(vol, later), m.id, '2026-12-21', 1), status(422));
    await assert.rejects(recordWeekHours(db, ctxAt(later), at(vol, later), m.id, '2026-11-16', 1), status(422));
    // The ledger, the offers' figures and the neighbourhood counts count the confirmed weeks while the help goes on.
    assert.equal((await myLedger(db, T.id, at(vol, later))).given.matches, 4.5);
    assert.equal((await myLedger(db, T.id, at(resident, later))).received.matches, 4.5);
    assert.equal((await listActiveOffersForMatching(db, T.id, later)).find((o) => o.userId === vol.userId)?.hoursGiven, 4.5);
    const before = await ledgerTotals(db, T.id, null);
    // A fourth week recorded but not confirmed does not count.
    const week4 = new Date(NOW.getTime() + 24 * DAY);
    await recordWeekHours(db, ctxAt(week4), at(vol, week4), m.id, '2026-12-14', 2);
    assert.equal((await ledgerTotals(db, T.id, null)).matchHours, before.matchHours);
    const details = await getMatchDetails(db, T.id, at(resident, week4), m.id);
    assert.deepEqual(details.weekly?.recordable, ['2026-12-14'], 'only the unconfirmed week can still be recorded');
    assert.ok((await neighbourhoodCounts(db, T.id, ['BU05420000'])).hours >= 4.5);
    // The requester ends it: done, the confirmed hours stay; no more hours.
    await endArrangement(db, ctxAt(week4), at(resident, week4), m.id);
    assert.equal((await getMatchDetails(db, T.id, vol, m.id)).match.state, 'done');
    assert.equal((await loadRequest(db, SYSTEM, T.id, id)).state, 'done');
    assert.ok((await mailsTo(vol.userId)).includes('De vaste hulp is gestopt'));
    assert.equal((await myLedger(db, T.id, at(vol, week4))).given.matches, 4.5);
    await assert.rejects(recordWeekHours(db, ctxAt(week4), at(vol, week4), m.id, '2026-12-14', 2), status(409));
    // Both sides find the weeks in their data export.
    for (const person of [vol, resident]) {
      const exported = (await exportCoreUserData(db, person.userId)).weeklyHours as { weekStart: string; hours: number }[];
      assert.deepEqual(
        exported.map((w) => [w.weekStart, w.hours]),
        [...weeks.map((w) => [w, 1.5]), ['2026-12-14', 2]],
      );
    }
  });

  it('the asking side hears once when nobody has been found after the configured days', async () => {
    const db = ctx.database.db;
    const lonely = await makeActor(db, 'resident', 'Lies Wacht');
    const helped = await makeActor(db, 'resident', 'Hans Geholpen');
    const fresh = await makeActor(db, 'resident', 'Fien Nieuw');
    const vol = await volunteer('Vincent Ja');
    await createRequest(db, T.id, lonely, weekly, NOW);
    const { id: helpedId } = await createRequest(db, T.id, helped, weekly, NOW);
    await respondToRequest(db, ctxAt(NOW), vol, helpedId); // someone said yes: nothing to tell
    const inFour = new Date(NOW.getTime() + 4 * DAY);
    await createRequest(db, T.id, fresh, weekly, new Date(inFour.getTime() - DAY));
    await notifyNobodyFound(db, { now: new Date(NOW.getTime() + 2 * DAY), days: 3, baseUrl: 'http://test' });
    assert.deepEqual(await mailsTo(lonely.userId), [], 'not before three days');
    await notifyNobodyFound(db, { now: inFour, days: 3, baseUrl: 'http://test' });
    await notifyNobodyFound(db, { now: new Date(inFour.getTime() + DAY), days: 3, baseUrl: 'http://test' });
    assert.deepEqual(await mailsTo(lonely.userId), ['We zoeken nog een helper voor u'], 'once');
    assert.ok(!(await mailsTo(helped.userId)).includes('We zoeken nog een helper voor u'));
    assert.deepEqual(await mailsTo(fresh.userId), []);
  });
});
