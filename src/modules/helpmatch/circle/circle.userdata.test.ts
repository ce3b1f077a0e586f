import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { ensureTenant } from '../../../../test/helpers/people.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { createUser } from '../../people/people.service.ts';
import { acceptCircleInvitation, inviteToCircle } from './circle.invitations.ts';
import { addTask, createCircle, getCircle, takeTurn, completeTurn } from './circle.service.ts';
import { circleUserData } from './circle.userdata.ts';
import { saveReciprocityAnswer, ledgerTotals } from './ledger.ts';
import { actorIn } from '../actor.ts';

const A = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
const now = new Date('2026-11-23T10:00:00Z');

describe('care circle: a person’s data', () => {
  const t = useTestDb();
  const u = {} as Record<'owner' | 'member' | 'solo', string>;
  const c = {} as Record<'shared' | 'alone', string>;

  before(async () => {
    const db = t.database.db;
    await ensureTenant(db, A);
    for (const k of ['owner', 'member', 'solo'] as const) u[k] = (await createUser(db, { email: `${k}@example.nl`, name: k })).id;
    c.shared = await createCircle(db, A.id, actorIn(A.id, u.owner, ['resident'], { now }), {
      personName: 'Opa Kees',
      personDetails: 'Lindelaan 3',
      createdAs: 'carer',
      areaCode: null,
      now,
    });
    const shared = await getCircle(db, A.id, c.shared, actorIn(A.id, u.owner, ['resident'], { now }));
    const { token } = await inviteToCircle(db, shared, actorIn(A.id, u.owner, ['resident'], { now }), {
      tenant: A,
      email: 'member@example.nl',
      name: 'Lid',
      inviterName: 'owner',
      locale: 'nl',
      now,
      baseUrl: 'http://x',
    });
    await acceptCircleInvitation(db, A.id, { ...actorIn(A.id, u.member, ['resident'], { now }), email: 'member@example.nl' }, token, now);
    await inviteToCircle(db, shared, actorIn(A.id, u.owner, ['resident'], { now }), {
      tenant: A,
      email: 'solo@example.nl',
      name: 'Solo',
      inviterName: 'owner',
      locale: 'nl',
      now,
      baseUrl: 'http://x',
    });
    const taskId = await addTask(db, shared, actorIn(A.id, u.owner, ['resident'], { now }), {
      title: 'Boodschappen',
      notes: '',
      recurrence: 'weekly',
      startsOn: '2026-11-23',
      timeOfDay: null,
      now,
    });
    const asOwner = await getCircle(db, A.id, c.shared, actorIn(A.id, u.owner, ['resident'], { now }));
    await takeTurn(db, asOwner, actorIn(A.id, u.owner, ['resident'], { now }), taskId, '2026-11-23', now);
    await completeTurn(db, asOwner, actorIn(A.id, u.owner, ['resident'], { now }), taskId, '2026-11-23', 2, now);
    await takeTurn(db, asOwner, actorIn(A.id, u.owner, ['resident'], { now }), taskId, '2026-11-30', now);
    c.alone = await createCircle(db, A.id, actorIn(A.id, u.solo, ['resident'], { now }), {
      personName: 'Solo zelf',
      personDetails: '',
      createdAs: 'self',
      areaCode: null,
      now,
    });
    await saveReciprocityAnswer(db, A.id, actorIn(A.id, u.owner, ['resident'], { now }), 'Ik kan fietsen repareren', now);
  });

  it('exports circles, turns, invitations and answers', async () => {
    const owner = await circleUserData.export(t.database.db, u.owner);
    assert.deepEqual(
      (owner.circles as { personName: string; role: string; personDetails: string }[]).map((x) => [x.personName, x.role, x.personDetails]),
      [['Opa Kees', 'owner', 'Lindelaan 3']],
    );
    assert.deepEqual(
      (owner.circleTurns as { title: string; date: string; hours: number | null }[]).map((x) => [x.title, x.date, x.hours]),
      [
        ['Boodschappen', '2026-11-23', 2],
        ['Boodschappen', '2026-11-30', null],
      ],
    );
    assert.deepEqual(
      (owner.reciprocityAnswers as { answer: string }[]).map((a) => a.answer),
      ['Ik kan fietsen repareren'],
    );
    const solo = await circleUserData.export(t.database.db, u.solo);
    assert.equal((solo.circleInvitations as unknown[]).length, 1);
  });

  it('forgets: an owned circle passes to the next member or goes; done hours stay without a name', async () => {
    const db = t.database.db;
    await inTransaction(db, (trx) => circleUserData.forget(trx, u.owner, now));
    await inTransaction(db, (trx) => circleUserData.forget(trx, u.solo, now));
    const shared = await getCircle(db, A.id, c.shared, actorIn(A.id, u.member, ['resident'], { now }));
    assert.equal(shared.role, 'owner', 'the member became owner');
    await assert.rejects(getCircle(db, A.id, c.shared, actorIn(A.id, u.owner, ['resident'], { now })));
    assert.equal(
      (await db.selectFrom('helpmatch_circles').select('id').where('id', '=', c.alone).execute()).length,
      0,
      'a circle with nobody left is deleted',
    );
    const turns = await db.selectFrom('helpmatch_circle_turns').select(['taken_by', 'done_at']).where('circle_id', '=', c.shared).execute();
    assert.deepEqual(
      turns.map((x) => [x.taken_by, x.done_at !== null]),
      [[null, true]],
    );
    assert.equal((await ledgerTotals(db, A.id, null)).circleHours, 2);
    assert.equal((await db.selectFrom('helpmatch_reciprocity_answers').select('user_id').execute()).length, 0);
    assert.equal(
      (await db.selectFrom('helpmatch_circle_invitations').select('id').where('email', '=', 'solo@example.nl').execute()).length,
      0,
    );
    const after = await circleUserData.export(db, u.owner);
    assert.deepEqual([after.circles, after.circleTurns, after.reciprocityAnswers], [[], [], []]);
  });
});
