/**
 * The care circle over HTTP: create, invite by mail, accept, share a task, take it, report it
 * done with hours, and see the hours in the ledger; invitation tokens that are forged, used,
 * expired or from another tenant give a clear 400.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs, signInUser } from '../../../../test/helpers/people.ts';
import { buildTenant, GRONINGEN as B, KRIMPEN as A } from '../../../../test/helpers/factories.ts';

const base = `/${A.slug}/hulp/kring`;

describe('care circle: the journey over HTTP', () => {
  const ctx = useTestApp();

  before(async () => {
    await buildTenant(ctx.database.db, A);
    await buildTenant(ctx.database.db, B);
  });

  let n = 0;
  /** Each test's own owner and (not yet joined) member, so no test sees another's circles, mail or audit. */
  async function people() {
    n += 1;
    const owner = new TestBrowser(ctx.app);
    const member = new TestBrowser(ctx.app);
    const memberEmail = `buurman.${n}@example.nl`;
    await signInAs(ctx, owner, { tenantId: A.id, role: 'resident', email: `dochter.${n}@example.nl`, name: 'Dochter Jansen' });
    const memberId = await signInAs(ctx, member, { tenantId: A.id, role: 'resident', email: memberEmail, name: 'Buurman Bakker' });
    return { owner, member, memberId, memberEmail };
  }

  /** The owner's circle around Mevrouw Jansen, with the member joined by invitation; optionally a weekly Monday task. */
  async function circleWithMember(opts: { task?: boolean } = {}) {
    const p = await people();
    await p.owner.get(`${base}/nieuw`);
    const made = await p.owner.post(`${base}/nieuw`, { personName: 'Mevrouw Jansen', createdAs: 'carer' });
    assert.equal(made.statusCode, 303);
    const circleId = new RegExp(`^${base}/([0-9a-f-]{36})/`).exec(made.headers.location as string)![1]!;
    await p.owner.get(`${base}/${circleId}/leden`);
    assert.equal((await p.owner.post(`${base}/${circleId}/uitnodigen`, { email: p.memberEmail, name: 'Buurman' })).statusCode, 303);
    const token = await mailTokenTo(p.memberEmail);
    await p.member.get(`${base}/uitnodiging/${token}`);
    assert.equal((await p.member.post(`${base}/uitnodiging/${token}`, {})).statusCode, 303);
    let taskId = '';
    if (opts.task) {
      await p.member.get(`${base}/${circleId}`);
      const form = { title: 'Boodschappen', recurrence: 'weekly', startsOn: '2026-11-23', timeOfDay: '10:00' };
      assert.equal((await p.member.post(`${base}/${circleId}/taken`, form)).statusCode, 303);
      taskId = (
        await ctx.database.db.selectFrom('helpmatch_circle_tasks').select('id').where('circle_id', '=', circleId).executeTakeFirstOrThrow()
      ).id;
    }
    return { ...p, circleId, taskId };
  }

  async function mailTokenTo(email: string): Promise<string> {
    const mail = await ctx.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', email)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const m = new RegExp(`${base}/uitnodiging/([A-Za-z0-9_-]{43})`).exec(mail.text_body);
    assert.ok(m, mail.text_body);
    return m[1]!;
  }

  it('creates a circle; bad input gives 422 with the form again', async () => {
    const { owner } = await people();
    assert.equal((await owner.get(`${base}/nieuw`)).statusCode, 200);
    const bad = await owner.post(`${base}/nieuw`, { personName: '', createdAs: 'alien' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vul dit veld in/);
    const badArea = await owner.post(`${base}/nieuw`, { personName: 'Mevrouw Jansen', createdAs: 'carer', areaCode: 'BU99999999' });
    assert.equal(badArea.statusCode, 422);
    assert.match(badArea.body, /Kies een buurt uit de lijst/);
    const ok = await owner.post(`${base}/nieuw`, {
      personName: 'Mevrouw Jansen',
      createdAs: 'carer',
      personDetails: 'Dorpsstraat 1, bel twee keer',
    });
    assert.equal(ok.statusCode, 303);
    const m = new RegExp(`^${base}/([0-9a-f-]{36})/leden\\?melding=kring-gemaakt$`).exec(ok.headers.location as string);
    assert.ok(m, String(ok.headers.location));
    const circleId = m[1]!;
    const list = await owner.get(base);
    assert.match(list.body, /Zorgkring rond Mevrouw Jansen/);
    const page = await owner.get(`${base}/${circleId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Dorpsstraat 1, bel twee keer/);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'helpmatch_circle')
      .where('entity_id', '=', circleId)
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['create', 'view']);
  });

  it('invites by mail; the invitation link needs the invited account', async () => {
    const { owner, member, memberEmail } = await people();
    await owner.get(`${base}/nieuw`);
    const made = await owner.post(`${base}/nieuw`, { personName: 'Mevrouw Jansen', createdAs: 'carer' });
    assert.equal(made.statusCode, 303);
    const circleId = new RegExp(`^${base}/([0-9a-f-]{36})/`).exec(made.headers.location as string)![1]!;
    await owner.get(`${base}/${circleId}/leden`);
    const bad = await owner.post(`${base}/${circleId}/uitnodigen`, { email: 'geen-adres', name: 'X' });
    assert.equal(bad.statusCode, 422);
    const res = await owner.post(`${base}/${circleId}/uitnodigen`, {
      email: memberEmail.replace('buurman', 'Buurman').replace('example', 'Example'),
      name: 'Buurman',
    });
    assert.equal(res.statusCode, 303);
    const token = await mailTokenTo(memberEmail);
    const stored = await ctx.database.db.selectFrom('helpmatch_circle_invitations').selectAll().where('circle_id', '=', circleId).execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.token_hash, token, 'only the hash is stored');
    assert.ok(!JSON.stringify(stored).includes(token));
    const members = await owner.get(`${base}/${circleId}/leden`);
    assert.ok(members.body.includes(memberEmail), 'the invited address in lower case');

    const anonymous = new TestBrowser(ctx.app);
    const page = await anonymous.get(`${base}/uitnodiging/${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /zorgkring rond Mevrouw Jansen/);
    assert.match(page.body, /Inloggen/);
    const refused = await anonymous.post(`${base}/uitnodiging/${token}`, {});
    assert.ok([401, 403].includes(refused.statusCode), String(refused.statusCode));

    const other = new TestBrowser(ctx.app);
    await signInAs(ctx, other, { tenantId: A.id, role: 'resident' });
    assert.match((await other.get(`${base}/uitnodiging/${token}`)).body, /voor een ander e-mailadres/);
    assert.equal((await other.post(`${base}/uitnodiging/${token}`, {})).statusCode, 403);

    // The same token under another municipality's address is unknown there.
    assert.equal((await member.get(`/${B.slug}/hulp/kring/uitnodiging/${token}`)).statusCode, 400);

    const accept = await member.get(`${base}/uitnodiging/${token}`);
    assert.match(accept.body, /Lid worden van de kring/);
    const ok = await member.post(`${base}/uitnodiging/${token}`, {});
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `${base}/${circleId}?melding=welkom`);
    assert.equal((await member.get(`${base}/${circleId}`)).statusCode, 200);
    const used = await member.get(`${base}/uitnodiging/${token}`);
    assert.equal(used.statusCode, 400);
    assert.match(used.body, /Deze uitnodiging werkt niet \(meer\)/);
    const again = await owner.post(`${base}/${circleId}/uitnodigen`, { email: memberEmail, name: 'Buurman' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /al lid van de kring/);
  });

  it('refuses forged, malformed and expired invitation tokens with 400', async () => {
    const { owner, circleId } = await circleWithMember();
    const anon = new TestBrowser(ctx.app);
    assert.equal((await anon.get(`${base}/uitnodiging/${'a'.repeat(200)}`)).statusCode, 414);
    for (const t of ['x'.repeat(43), 'kort', '%3Cscript%3E', 'a'.repeat(60)]) {
      const res = await anon.get(`${base}/uitnodiging/${t}`);
      assert.equal(res.statusCode, 400, t);
      assert.match(res.body, /Vraag om een nieuwe uitnodiging/);
    }
    await owner.get(`${base}/${circleId}/leden`);
    await owner.post(`${base}/${circleId}/uitnodigen`, { email: 'laat@example.nl', name: 'Laat' });
    const token = await mailTokenTo('laat@example.nl');
    assert.equal((await anon.get(`${base}/uitnodiging/${token}`)).statusCode, 200);
    const late = new TestBrowser(ctx.app);
    const lateId = await signInAs(ctx, late, { tenantId: A.id, role: 'resident', email: 'laat@example.nl' });
    ctx.clock.advance(15 * 24 * 3600 * 1000);
    try {
      assert.equal((await anon.get(`${base}/uitnodiging/${token}`)).statusCode, 400);
      await signInUser(ctx, late, lateId, { mfa: false });
      assert.equal((await late.get('/account')).statusCode, 200);
      assert.equal((await late.post(`${base}/uitnodiging/${token}`, {})).statusCode, 400);
    } finally {
      ctx.clock.advance(-15 * 24 * 3600 * 1000);
    }
    // A withdrawn invitation no longer works either.
    const inv = await ctx.database.db
      .selectFrom('helpmatch_circle_invitations')
      .select('id')
      .where('email', '=', 'laat@example.nl')
      .where('circle_id', '=', circleId)
      .executeTakeFirstOrThrow();
    await owner.get(`${base}/${circleId}/leden`);
    assert.equal((await owner.post(`${base}/${circleId}/uitnodigingen/${inv.id}/intrekken`, {})).statusCode, 303);
    await late.get('/account');
    assert.equal((await late.post(`${base}/uitnodiging/${token}`, {})).statusCode, 400);
  });

  it('shares a task; one member takes it, the other cannot, it is done with hours and shows in the ledger', async () => {
    // The test clock is Monday 23 November 2026, 11:00 in the Netherlands.
    const { owner, member, memberId, circleId } = await circleWithMember();
    await member.get(`${base}/${circleId}`);
    const past = await member.post(`${base}/${circleId}/taken`, { title: 'Boodschappen', recurrence: 'weekly', startsOn: '2026-11-01' });
    assert.equal(past.statusCode, 422);
    assert.match(past.body, /al voorbij/);
    const badTime = await member.post(`${base}/${circleId}/taken`, {
      title: 'Boodschappen',
      recurrence: 'weekly',
      startsOn: '2026-11-23',
      timeOfDay: '25:00',
    });
    assert.equal(badTime.statusCode, 422);
    const ok = await member.post(`${base}/${circleId}/taken`, {
      title: 'Boodschappen',
      notes: 'Lijstje ligt op tafel',
      recurrence: 'weekly',
      startsOn: '2026-11-23',
      timeOfDay: '10:00',
    });
    assert.equal(ok.statusCode, 303);
    const week = await owner.get(`${base}/${circleId}`);
    assert.match(week.body, /Nog open deze week: 1/);
    assert.match(week.body, /elke maandag/);
    const task = await ctx.database.db
      .selectFrom('helpmatch_circle_tasks')
      .select('id')
      .where('circle_id', '=', circleId)
      .executeTakeFirstOrThrow();
    const slot = `${base}/${circleId}/beurten/${task.id}/2026-11-23`;

    assert.equal((await member.post(`${slot}/oppakken`, {})).statusCode, 303);
    await owner.get(`${base}/${circleId}`);
    const second = await owner.post(`${slot}/oppakken`, {});
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Iemand anders doet dit al/);
    assert.equal((await owner.post(`${slot}/gedaan`, { hours: '1' })).statusCode, 409, 'only the taker reports it done');
    assert.equal(
      (await member.post(`${base}/${circleId}/beurten/${task.id}/2026-11-24/oppakken`, {})).statusCode,
      404,
      'not a day of the task',
    );
    assert.equal((await member.post(`${base}/${circleId}/beurten/${task.id}/2026-11-16/oppakken`, {})).statusCode, 404, 'before the start');
    assert.match((await owner.get(`${base}/${circleId}`)).body, /Buurman Bakker/);

    // Next week's turn can be taken but not reported done before its day.
    const next = `${base}/${circleId}/beurten/${task.id}/2026-11-30`;
    assert.equal((await member.post(`${next}/oppakken`, {})).statusCode, 303);
    await member.get(next);
    assert.equal((await member.post(`${next}/gedaan`, { hours: '1' })).statusCode, 400);
    assert.equal((await member.post(`${next}/teruggeven`, {})).statusCode, 303);

    await member.get(slot);
    for (const hours of ['0', '25', 'veel', '-1']) {
      const bad = await member.post(`${slot}/gedaan`, { hours });
      assert.equal(bad.statusCode, 422, hours);
      assert.match(bad.body, /tussen 0,25 en 24/);
    }
    assert.equal((await member.post(`${slot}/gedaan`, { hours: '1,5' })).statusCode, 303);
    assert.equal((await member.post(`${slot}/gedaan`, { hours: '2' })).statusCode, 409, 'done once');
    const after = await owner.get(`${base}/${circleId}`);
    assert.match(after.body, /Buurman Bakker \(gedaan, 1,5 uur\)/);
    assert.match(after.body, /al 1,5 uur geholpen/);

    const ledger = await member.get(`/${A.slug}/hulp/uren`);
    assert.equal(ledger.statusCode, 200);
    assert.match(ledger.body, /data-testid="uren-gegeven">1,5 uur/);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'helpmatch_circle_task')
      .where('actor_user_id', '=', memberId)
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['complete', 'create', 'release', 'take', 'take']);
  });

  it('two members taking the same turn at the same moment: exactly one gets it', async () => {
    const { owner, member, circleId, taskId } = await circleWithMember({ task: true });
    const task = { id: taskId };
    const slot = `${base}/${circleId}/beurten/${task.id}/2026-12-14/oppakken`;
    await owner.get(`${base}/${circleId}`);
    await member.get(`${base}/${circleId}`);
    const results = await Promise.all([owner.post(slot, {}), member.post(slot, {})]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 409]);
    const turns = await ctx.database.db
      .selectFrom('helpmatch_circle_turns')
      .select('taken_by')
      .where('task_id', '=', task.id)
      .where('occurs_on', '=', '2026-12-14' as never)
      .execute();
    assert.equal(turns.length, 1);
  });

  it('the owner cannot leave; a member can, and their open turns become open again', async () => {
    const { owner, member, memberId, circleId, taskId } = await circleWithMember({ task: true });
    const task = { id: taskId };
    // One turn the member has done (it stays after they leave).
    const done = `${base}/${circleId}/beurten/${task.id}/2026-11-23`;
    await member.get(`${base}/${circleId}`);
    assert.equal((await member.post(`${done}/oppakken`, {})).statusCode, 303);
    await member.get(done);
    assert.equal((await member.post(`${done}/gedaan`, { hours: '1,5' })).statusCode, 303);
    await owner.get(`${base}/${circleId}/leden`);
    assert.equal((await owner.post(`${base}/${circleId}/verlaten`, {})).statusCode, 409);
    await member.get(`${base}/${circleId}`);
    assert.equal((await member.post(`${base}/${circleId}/beurten/${task.id}/2026-12-07/oppakken`, {})).statusCode, 303);
    await member.get(`${base}/${circleId}/leden`);
    assert.equal((await member.post(`${base}/${circleId}/opheffen`, {})).statusCode, 403, 'only the owner closes the circle');
    assert.equal((await member.post(`${base}/${circleId}/verlaten`, {})).statusCode, 303);
    assert.equal((await member.get(`${base}/${circleId}`)).statusCode, 404);
    const turns = await ctx.database.db
      .selectFrom('helpmatch_circle_turns')
      .select(['done_at', 'taken_by'])
      .where('circle_id', '=', circleId)
      .execute();
    assert.equal(
      turns.filter((x) => !x.done_at && x.taken_by === memberId).length,
      0,
      'the open turns of the member who left are released',
    );
    assert.equal(turns.filter((x) => x.done_at).length, 1, 'the done turn stays');
  });
});
