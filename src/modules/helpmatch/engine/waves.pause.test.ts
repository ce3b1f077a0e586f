import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MODULES } from '../../index.ts';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { runDueJobs } from '../../../platform/jobs/worker.ts';
import { allJobHandlers } from '../../../platform/jobs/handlers.ts';
import { testConfig } from '../../../platform/config.ts';
import { acceptMatch } from '../matches/matches.service.ts';
import { declineHelper } from '../matches/choose.service.ts';
import { makeActor, seedAreas, T } from '../test-support.ts';
import { ctxOf, NOW, volunteerWithOffer, weeklyRequest } from './engine.test-support.ts';
import { WAVE_JOB, startWaves } from './waves.ts';
import './engine.messages.ts';

const HOUR = 3600_000;
const handlers = allJobHandlers(MODULES);

/** A volunteer's yes pauses the invitation waves (issue 12); the asking side declining lets them go on. */
describe('waves pause while a yes waits for the asking side', () => {
  const ctx = useTestDb();
  const config = testConfig({ helpWaveHours: { normal: 12, urgent: 1 } });

  it('invites nobody new while a yes waits; after a decline the next wave invites the next three', async () => {
    const db = ctx.database.db;
    await seedAreas(db);
    const volunteers: Awaited<ReturnType<typeof volunteerWithOffer>>[] = [];
    for (let i = 0; i < 7; i++) volunteers.push(await volunteerWithOffer(db, 0.001 * (i + 1)));
    const requester = await makeActor(db, 'resident');
    const requestId = await weeklyRequest(db, requester);
    const run = (hours: number) => runDueJobs(db, handlers, { now: new Date(NOW.getTime() + hours * HOUR), config });
    const matches = () =>
      db.selectFrom('help_matches').select(['id', 'volunteer_user_id', 'wave', 'state']).where('request_id', '=', requestId).execute();

    await startWaves(db, T.id, requestId, NOW);
    await run(0);
    assert.equal((await matches()).length, 3, 'the first wave invites three');

    // The nearest volunteer says yes: the request now waits for the asking side to choose.
    const first = (await matches()).find((m) => m.volunteer_user_id === volunteers[0]!.actor.userId)!;
    await acceptMatch(db, ctxOf(new Date(NOW.getTime() + HOUR)), volunteers[0]!.actor, first.id);
    assert.equal((await matches()).find((m) => m.id === first.id)!.state, 'awaiting_requester');

    // Two intervals pass: no second wave, but a wave job is still pending (paused, not stopped).
    await run(12);
    await run(24);
    assert.equal((await matches()).length, 3, 'nobody new is invited while a yes waits');
    const pending = await db.selectFrom('jobs').select('run_at').where('kind', '=', WAVE_JOB).where('status', '=', 'pending').execute();
    assert.equal(pending.length, 1);
    assert.equal(pending[0]!.run_at.getTime(), NOW.getTime() + 36 * HOUR);

    // The asking side declines: at the next look the waves go on with the next three.
    await declineHelper(db, ctxOf(new Date(NOW.getTime() + 25 * HOUR)), requester, first.id);
    await run(36);
    const after = await matches();
    assert.equal(after.length, 6);
    assert.deepEqual(
      after
        .filter((m) => m.wave === 2)
        .map((m) => m.volunteer_user_id)
        .sort(),
      volunteers
        .slice(3, 6)
        .map((v) => v.actor.userId)
        .sort(),
    );
  });
});
