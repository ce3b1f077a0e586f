import { describe, it } from 'node:test';
import { MODULES } from '../index.ts';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { ensureRecurringJobs } from '../../platform/jobs/recurring.ts';
import { runDueJobs } from '../../platform/jobs/worker.ts';
import { allJobHandlers } from '../../platform/jobs/handlers.ts';
import { testConfig } from '../../platform/config.ts';
import { createUser } from './people.service.ts';
import { PEOPLE_CLEANUP_JOB, cleanupPeopleData } from './maintenance.ts';

const HOUR = 3600_000;

describe('people clean-up', () => {
  const ctx = useTestDb();
  const now = new Date('2026-11-23T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('removes expired and long-idle sessions, old tokens and old failure counters, and keeps current ones', async () => {
    const { db } = ctx.database;
    const { id: userId } = await createUser(db, { email: 'schoon@example.nl', name: 'Schoon' });
    const soon = new Date(now.getTime() + HOUR);
    await db
      .insertInto('sessions')
      .values([
        { id: 'expired', user_id: userId, last_seen_at: ago(2 * HOUR), expires_at: ago(HOUR), mfa_at: null },
        { id: 'idle', user_id: userId, last_seen_at: ago(8 * 24 * HOUR), expires_at: soon, mfa_at: null },
        { id: 'current', user_id: userId, last_seen_at: ago(60_000), expires_at: soon, mfa_at: null },
      ])
      .execute();
    await db
      .insertInto('auth_tokens')
      .values([
        {
          id: 'old',
          kind: 'signin',
          user_id: userId,
          email: 'schoon@example.nl',
          tenant_id: null,
          data: '{}' as never,
          expires_at: ago(25 * HOUR),
          used_at: null,
        },
        {
          id: 'fresh',
          kind: 'reset',
          user_id: userId,
          email: 'schoon@example.nl',
          tenant_id: null,
          data: '{}' as never,
          expires_at: ago(HOUR),
          used_at: null,
        },
      ])
      .execute();
    await db
      .insertInto('signin_failures')
      .values([
        { key: 'old', failures: 3, first_at: ago(30 * HOUR), last_at: ago(26 * HOUR) },
        { key: 'recent', failures: 1, first_at: ago(HOUR), last_at: ago(HOUR) },
      ])
      .execute();

    const result = await cleanupPeopleData(db, now);
    assert.deepEqual(result, { sessions: 2, tokens: 1, failures: 1, removals: 0 });
    assert.deepEqual(
      (await db.selectFrom('sessions').select('id').execute()).map((r) => r.id),
      ['current'],
    );
    assert.deepEqual(
      (await db.selectFrom('auth_tokens').select('id').execute()).map((r) => r.id),
      ['fresh'],
    );
    assert.deepEqual(
      (await db.selectFrom('signin_failures').select('key').execute()).map((r) => r.key),
      ['recent'],
    );
  });

  it('is started once at start-up and schedules its own next run', async () => {
    const { db } = ctx.database;
    const started = await ensureRecurringJobs(db, now, MODULES);
    assert.ok(started.includes(PEOPLE_CLEANUP_JOB));
    assert.deepEqual(await ensureRecurringJobs(db, now, MODULES), [], 'a pending run exists: nothing added');
    const result = await runDueJobs(db, allJobHandlers(MODULES), { now, config: testConfig() });
    assert.equal(result.done, started.length);
    assert.equal(result.failed, 0);
    const pending = await db
      .selectFrom('jobs')
      .select(['run_at'])
      .where('kind', '=', PEOPLE_CLEANUP_JOB)
      .where('status', '=', 'pending')
      .execute();
    assert.equal(pending.length, 1);
    assert.equal(new Date(pending[0]!.run_at).getTime(), now.getTime() + HOUR);
  });
});
