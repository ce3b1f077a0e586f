/**
 * Starting an application from an open call or a youth idea (issue 15): the form is filled in from
 * it; bad, closed or foreign ids give an empty form with a notice; on sending the application is
 * linked (call_id, youth_idea_id) and the idea then shows it "became an initiative".
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { principalOf, systemPrincipal, type Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { buildUser, GRONINGEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { createCall } from '../joined/joined.service.ts';
import { moderateIdea, postIdea, wijkPage } from '../youth/youth.service.ts';
import { addRound, createFund } from '../funds/funds.service.ts';
import { submitApplication } from './apply.service.ts';
import { applyPrefill } from './links.ts';
import { BUURT_A, T, WIJK, goodApplication, setupAreas, setupFund } from './apply.test-support.ts';

const as = (userId: string, role: Role): Principal =>
  principalOf({ id: userId, mfaVerified: false, memberships: [{ tenantId: T.id, organisationId: null, role }] }, T.id, TEST_NOW);

describe('initiatives: an application from a call or a youth idea', () => {
  const ctx = useTestDb();
  const s = {} as {
    fundId: string;
    otherFundId: string;
    callId: string;
    closedCallId: string;
    ideaId: string;
    pro: Principal;
    resident: Principal;
  };
  const db = () => ctx.database.db;

  before(async () => {
    await setupAreas(db(), TEST_NOW);
    s.fundId = (await setupFund(db(), TEST_NOW)).fund.id;
    const sys = systemPrincipal(T.id, TEST_NOW);
    s.otherFundId = (await createFund(db(), sys, T.id, { slug: 'ander-fonds', nameNl: 'Ander fonds' })).id;
    s.pro = as((await buildUser(db(), { tenantId: T.id, role: 'professional' })).id, 'professional');
    s.resident = as((await buildUser(db(), { tenantId: T.id, role: 'resident' })).id, 'resident');
    const call = { tenantId: T.id, fundId: s.fundId, origin: 'white_spot' as const, originRef: 'x', areaCode: BUURT_A };
    s.callId = await createCall(db(), s.pro, { ...call, title: 'Ontmoeten in Oud Krimpen', text: 'Er is geen plek om elkaar te zien.' });
    // A call tied to a round that closed in October is closed.
    s.closedCallId = await createCall(db(), s.pro, { ...call, title: 'Oud', text: 'Oud' });
    const past = await addRound(db(), sys, T.id, s.fundId, {
      nameNl: 'Voorjaar',
      kind: 'dated',
      opensOn: '2026-09-01',
      closesOn: '2026-10-31',
    });
    await db().updateTable('initiative_calls').set({ round_id: past.id }).where('id', '=', s.closedCallId).execute();
    s.ideaId = await postIdea(db(), s.resident, {
      tenantId: T.id,
      code: WIJK,
      text: 'Een pannakooi bij het veldje. Graag snel!',
      nickname: '',
      deviceHash: 'd1',
    });
    await moderateIdea(db(), s.pro, { tenantId: T.id, id: s.ideaId, moderation: 'shown', status: 'seen', response: '' });
  });

  it('fills in the form from an open call of this fund (title, what, the buurt)', async () => {
    const pre = await applyPrefill(db(), s.resident, { tenantId: T.id, fundId: s.fundId, oproep: s.callId, locale: 'nl' });
    assert.equal(pre.notice, null);
    assert.deepEqual(pre.values, {
      callId: s.callId,
      title: 'Ontmoeten in Oud Krimpen',
      what: 'Er is geen plek om elkaar te zien.',
      areaCode: BUURT_A,
    });
    assert.deepEqual(pre.from, { kind: 'call', text: 'Ontmoeten in Oud Krimpen' });
  });

  it('fills in the form from a youth idea for a youth worker; a resident may not start from an idea', async () => {
    const pre = await applyPrefill(db(), s.pro, { tenantId: T.id, fundId: s.fundId, jongerenidee: s.ideaId, locale: 'nl' });
    assert.deepEqual(pre.values, {
      youthIdeaId: s.ideaId,
      title: 'Een pannakooi bij het veldje',
      what: 'Een pannakooi bij het veldje. Graag snel!',
    });
    const resident = await applyPrefill(db(), s.resident, { tenantId: T.id, fundId: s.fundId, jongerenidee: s.ideaId, locale: 'nl' });
    assert.deepEqual([resident.values, resident.notice], [{}, 'initiatives.apply.from.unknownIdea']);
  });

  it('bad, unknown, closed or foreign ids: an empty form with a plain notice', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ oproep: 'niet-een-id' }, 'initiatives.apply.from.unknownCall'],
      [{ oproep: randomUUID() }, 'initiatives.apply.from.unknownCall'],
      [{ oproep: s.closedCallId }, 'initiatives.apply.from.unknownCall'],
      [{ jongerenidee: "1' or 1=1" }, 'initiatives.apply.from.unknownIdea'],
      [{ jongerenidee: randomUUID() }, 'initiatives.apply.from.unknownIdea'],
    ];
    for (const [q, key] of cases) {
      const pre = await applyPrefill(db(), s.pro, { tenantId: T.id, fundId: s.fundId, ...q, locale: 'nl' });
      assert.deepEqual([pre.values, pre.notice, pre.from], [{}, key, null], JSON.stringify(q));
    }
    // The call of another fund, and the call seen from another municipality.
    const foreign = await applyPrefill(db(), s.pro, { tenantId: T.id, fundId: s.otherFundId, oproep: s.callId, locale: 'nl' });
    assert.equal(foreign.notice, 'initiatives.apply.from.unknownCall');
    const groningen = principalOf(
      { id: s.pro.userId!, mfaVerified: false, memberships: [{ tenantId: GRONINGEN.id, organisationId: null, role: 'professional' }] },
      GRONINGEN.id,
      TEST_NOW,
    );
    const elsewhere = await applyPrefill(db(), groningen, {
      tenantId: GRONINGEN.id,
      fundId: s.fundId,
      oproep: s.callId,
      jongerenidee: s.ideaId,
      locale: 'nl',
    });
    assert.equal(elsewhere.notice, 'initiatives.apply.from.unknownCall');
    const idea = await applyPrefill(db(), groningen, { tenantId: GRONINGEN.id, fundId: s.fundId, jongerenidee: s.ideaId, locale: 'nl' });
    assert.equal(idea.notice, 'initiatives.apply.from.unknownIdea');
  });

  it('on sending, links the call and the idea; the idea then shows it became an initiative and cannot be used twice', async () => {
    const r = await submitApplication(db(), s.pro, T.id, goodApplication(s.fundId, { callId: s.callId, youthIdeaId: s.ideaId }));
    assert.equal(r.application.callId, s.callId);
    assert.equal(r.application.youthIdeaId, s.ideaId);
    const page = await wijkPage(db(), s.resident, { tenantId: T.id, code: WIJK, deviceHash: null, locale: 'nl' });
    const idea = page.ideas.find((i) => i.id === s.ideaId)!;
    assert.deepEqual([idea.status, idea.applicationId], ['became_initiative', r.application.id]);
    const again = await applyPrefill(db(), s.pro, { tenantId: T.id, fundId: s.fundId, jongerenidee: s.ideaId, locale: 'nl' });
    assert.equal(again.notice, 'initiatives.apply.from.unknownIdea');
  });

  it('refuses a call of another fund, or an idea for a resident, beside the field; nothing written', async () => {
    const n = async () => (await db().selectFrom('initiative_applications').select('id').execute()).length;
    const before = await n();
    await assert.rejects(
      submitApplication(db(), s.resident, T.id, goodApplication(s.fundId, { youthIdeaId: randomUUID() })),
      (e: unknown) => {
        assert.deepEqual((e as { fields: Record<string, string> }).fields, { youthIdeaId: 'initiatives.apply.from.unknownIdea' });
        return true;
      },
    );
    const other = await createCall(db(), s.pro, {
      tenantId: T.id,
      fundId: s.otherFundId,
      origin: 'other',
      originRef: '',
      areaCode: '',
      title: 'Ander',
      text: '',
    });
    await assert.rejects(submitApplication(db(), s.resident, T.id, goodApplication(s.fundId, { callId: other })), (e: unknown) => {
      assert.deepEqual((e as { fields: Record<string, string> }).fields, { callId: 'initiatives.apply.from.unknownCall' });
      return true;
    });
    assert.equal(await n(), before);
  });
});
