import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { type Actor } from '../actor.ts';
import { recordVog } from '../offers/offers.service.ts';
import { makeActor, seedAreas, T } from '../test-support.ts';
import { ctxOf, NOW, volunteerWithOffer, weeklyRequest } from './engine.test-support.ts';
import { computeBatch, confirmBatch } from './batch.ts';
import './engine.messages.ts';

describe('weekly batch assignment (database)', () => {
  const ctx = useTestDb();
  let coordinator: Actor;
  let withVog: { actor: Actor; offerId: string }[] = [];
  let noVog: { actor: Actor; offerId: string };
  const requests: string[] = [];

  before(async () => {
    const db = ctx.database.db;
    await seedAreas(db);
    coordinator = await makeActor(db, 'coordinator');
    // Two volunteers with a VOG, one with room for a single match; one close volunteer without a VOG.
    withVog = [await volunteerWithOffer(db, 0.002, { maxPerMonth: 1 }), await volunteerWithOffer(db, 0.02, { maxPerMonth: 2 })];
    noVog = await volunteerWithOffer(db, 0.001);
    for (const v of withVog) await recordVog(db, T.id, coordinator, v.offerId, '2026-11-01', NOW);
    const requester = await makeActor(db, 'resident');
    for (let i = 0; i < 3; i++) {
      requests.push(await weeklyRequest(db, requester, { helpType: 'structural', summary: `Vaste hulp tuin ${i}` }));
    }
    // An incidental request is not part of the batch.
    await weeklyRequest(db, requester, { summary: 'Eenmalig' });
  });

  it('proposes each structural request at most once, within caps and only to volunteers with a VOG', async () => {
    const p = await computeBatch(ctx.database.db, T.id, coordinator, NOW);
    assert.equal(p.requests, 3);
    assert.equal(p.items.length, 3);
    assert.equal(p.unassigned, 0);
    const perVolunteer = new Map<string, number>();
    for (const i of p.items) perVolunteer.set(i.userId, (perVolunteer.get(i.userId) ?? 0) + 1);
    assert.equal(perVolunteer.get(withVog[0]!.actor.userId), 1);
    assert.equal(perVolunteer.get(withVog[1]!.actor.userId), 2);
    assert.equal(perVolunteer.get(noVog.actor.userId), undefined);
    assert.ok(p.items.every((i) => i.explanation.some((e) => e.key === 'helpmatch.engine.explain.coordinator.vog')));
    assert.equal(new Set(p.items.map((i) => i.requestId)).size, 3);
  });

  it('confirming creates proposed batch matches; pairs no longer in the plan are skipped', async () => {
    const db = ctx.database.db;
    const p = await computeBatch(db, T.id, coordinator, NOW);
    const pairs = p.items.map((i) => ({ requestId: i.requestId, volunteerUserId: i.userId }));
    const bogus = { requestId: requests[0]!, volunteerUserId: noVog.actor.userId };
    const result = await confirmBatch(db, ctxOf(), coordinator, [...pairs, bogus]);
    assert.deepEqual(result, { created: 3, skipped: 1 });
    const rows = await db
      .selectFrom('help_matches')
      .select(['state', 'source', 'score'])
      .where('tenant_id', '=', T.id)
      .where('source', '=', 'batch')
      .execute();
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.state === 'proposed' && r.score !== null && r.score > 0));
    // The volunteers got a mail about their proposal.
    const mails = await db.selectFrom('mail_outbox').select('user_id').where('tenant_id', '=', T.id).execute();
    assert.ok(withVog.every((v) => mails.some((m) => m.user_id === v.actor.userId)));
    // Now the caps are used up by the waiting proposals: nothing more to propose, and confirming again creates nothing.
    const again = await computeBatch(db, T.id, coordinator, NOW);
    assert.equal(again.items.length, 0);
    assert.deepEqual(await confirmBatch(db, ctxOf(), coordinator, pairs), { created: 0, skipped: 3 });
  });
});
