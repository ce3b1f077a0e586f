import { describe, it, before } from 'node:test';
import { MODULES } from '../../index.ts';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { runDueJobs } from '../../../platform/jobs/worker.ts';
import { allJobHandlers } from '../../../platform/jobs/handlers.ts';
import { testConfig } from '../../../platform/config.ts';
import { type Actor } from '../actor.ts';
import { acceptMatch } from '../matches/matches.service.ts';
import { acceptHelper } from '../matches/choose.service.ts';
import { makeActor, seedAreas, T } from '../test-support.ts';
import { ctxOf, NOW, SECRET_ADDRESS, volunteerWithOffer, weeklyRequest } from './engine.test-support.ts';
import { WAVE_JOB, scanForWaves, startWaves } from './waves.ts';
import './engine.messages.ts';

const HOUR = 3600_000;
/** Not the defaults (24 h and 2 h): the intervals come from the configuration (HELP_WAVE_HOURS, HELP_WAVE_URGENT_HOURS). */
const WAVE_INTERVAL_MS = { normal: 12 * HOUR, urgent: 1 * HOUR };
const handlers = allJobHandlers(MODULES);

describe('waves (simulated clock)', () => {
  const ctx = useTestDb();
  const config = testConfig({ helpWaveHours: { normal: 12, urgent: 1 } });
  let volunteers: { actor: Actor; offerId: string }[] = [];
  let requestId = '';

  let requester: Actor;
  before(async () => {
    const db = ctx.database.db;
    await seedAreas(db);
    // Seven volunteers, nearest first: v0 at 69 m … v6 at 483 m.
    volunteers = [];
    for (let i = 0; i < 7; i++) volunteers.push(await volunteerWithOffer(db, 0.001 * (i + 1)));
    requester = await makeActor(db, 'resident');
    requestId = await weeklyRequest(db, requester);
  });

  const run = (now: Date) => runDueJobs(ctx.database.db, handlers, { now, config });
  const matchesOf = async () =>
    await ctx.database.db
      .selectFrom('help_matches')
      .select(['volunteer_user_id', 'wave', 'state', 'explanation'])
      .where('request_id', '=', requestId)
      .orderBy('wave')
      .orderBy('score', 'desc')
      .execute();

  it('notifies the best three at once, without an address in the mail', async () => {
    const db = ctx.database.db;
    await startWaves(db, T.id, requestId, NOW);
    assert.deepEqual(await run(NOW), { done: 1, failed: 0, retried: 0 });
    const waveJobs = await db.selectFrom('jobs').select(['status', 'run_at']).where('kind', '=', WAVE_JOB).orderBy('id').execute();
    assert.deepEqual(
      waveJobs.map((j) => j.status),
      ['done', 'pending'],
    );
    assert.equal(waveJobs[1]!.run_at.getTime(), NOW.getTime() + WAVE_INTERVAL_MS.normal);
    const ms = await matchesOf();
    assert.equal(ms.length, 3);
    assert.deepEqual(
      ms.map((m) => m.volunteer_user_id),
      volunteers.slice(0, 3).map((v) => v.actor.userId),
    );
    assert.ok(ms.every((m) => m.wave === 1 && m.state === 'suggested' && m.explanation.length > 0));
    const mails = await db
      .selectFrom('mail_outbox')
      .select(['text_body', 'subject', 'user_id'])
      .where('subject', '=', 'Er is een hulpvraag bij u in de buurt')
      .execute();
    assert.equal(mails.length, 3);
    for (const m of mails) {
      assert.ok(!m.text_body.includes(SECRET_ADDRESS) && !m.text_body.includes('Geheimstraat'));
      assert.match(m.text_body, /\/krimpen-aan-den-ijssel\/hulp\/voor-u/);
    }
  });

  it('waits for the interval, then widens to the next three', async () => {
    // An hour later only the three mails go out; no new wave yet.
    assert.deepEqual(await run(new Date(NOW.getTime() + HOUR)), { done: 3, failed: 0, retried: 0 });
    assert.equal((await matchesOf()).length, 3);
    await run(new Date(NOW.getTime() + WAVE_INTERVAL_MS.normal));
    const ms = await matchesOf();
    assert.equal(ms.length, 6);
    assert.deepEqual(
      ms.filter((m) => m.wave === 2).map((m) => m.volunteer_user_id),
      volunteers.slice(3, 6).map((v) => v.actor.userId),
    );
  });

  it('stops at the first acceptance: no third wave', async () => {
    const db = ctx.database.db;
    const v4 = volunteers[4]!;
    const m = await db
      .selectFrom('help_matches')
      .select('id')
      .where('request_id', '=', requestId)
      .where('volunteer_user_id', '=', v4.actor.userId)
      .executeTakeFirstOrThrow();
    const at = new Date(NOW.getTime() + WAVE_INTERVAL_MS.normal + HOUR);
    await acceptMatch(db, ctxOf(at), v4.actor, m.id);
    // The volunteer's yes pauses the waves (waves.pause.test.ts); the requester accepting the helper stops them.
    await acceptHelper(db, ctxOf(at), requester, m.id);
    await run(new Date(NOW.getTime() + 2 * WAVE_INTERVAL_MS.normal));
    const ms = await matchesOf();
    assert.equal(ms.filter((x) => x.wave === 3).length, 0);
    assert.equal(
      ms.find((x) => x.volunteer_user_id === volunteers[6]!.actor.userId),
      undefined,
    );
    const pending = await db.selectFrom('jobs').select('id').where('kind', '=', WAVE_JOB).where('status', '=', 'pending').execute();
    assert.equal(pending.length, 0);
  });

  it('the scan starts waves for new incidental requests only once, and ignores structural ones', async () => {
    const db = ctx.database.db;
    const requester = await makeActor(db, 'resident');
    const incidental = await weeklyRequest(db, requester, { summary: 'Nog een heg' });
    await weeklyRequest(db, requester, { summary: 'Elke week de tuin', helpType: 'structural' });
    const later = new Date(NOW.getTime() + 3 * WAVE_INTERVAL_MS.normal);
    assert.equal(await scanForWaves(db, later), 1);
    // A wave job is pending for it now: a second scan starts nothing.
    assert.equal(await scanForWaves(db, later), 0);
    await run(later);
    const ms = await db.selectFrom('help_matches').select('wave').where('request_id', '=', incidental).execute();
    assert.equal(ms.length, 3);
  });

  it('an urgent request widens after the shorter urgent interval', async () => {
    const db = ctx.database.db;
    const requester = await makeActor(db, 'resident');
    const start = new Date(NOW.getTime() + 4 * WAVE_INTERVAL_MS.normal);
    const urgent = await weeklyRequest(db, requester, { summary: 'Dringend: heg', urgency: 'urgent' }, start);
    await startWaves(db, T.id, urgent, start);
    await run(start);
    await run(new Date(start.getTime() + WAVE_INTERVAL_MS.urgent));
    const waves = (await db.selectFrom('help_matches').select('wave').where('request_id', '=', urgent).execute()).map((m) => m.wave).sort();
    assert.deepEqual(waves, [1, 1, 1, 2, 2, 2]);
  });
});
