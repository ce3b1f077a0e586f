import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { cleanupPlatformData } from './cleanup.ts';

const DAY = 24 * 3600_000;

describe('platform clean-up', () => {
  const ctx = useTestDb();
  const now = new Date('2026-11-23T12:00:00Z');
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  it('removes done jobs after 7 days, failed jobs after 30, outbox mail after 90, and keeps the rest', async () => {
    const { db } = ctx.database;
    const job = (kind: string, status: 'done' | 'failed' | 'pending', finishedDaysAgo: number | null) => ({
      kind,
      payload: '{}' as never,
      status,
      run_at: ago(100),
      finished_at: finishedDaysAgo === null ? null : ago(finishedDaysAgo),
    });
    await db
      .insertInto('jobs')
      .values([
        job('old-done', 'done', 8),
        job('recent-done', 'done', 6),
        job('old-failed', 'failed', 31),
        job('recent-failed', 'failed', 10),
        job('pending', 'pending', null),
      ])
      .execute();
    const mail = (subject: string, days: number, status: 'kept' | 'queued') => ({
      to_address: 'a@example.nl',
      subject,
      text_body: 'x',
      locale: 'nl',
      status,
      created_at: ago(days),
    });
    await db
      .insertInto('mail_outbox')
      .values([mail('old', 91, 'kept'), mail('recent', 10, 'kept'), mail('old-but-queued', 91, 'queued')])
      .execute();

    await db
      .insertInto('rate_limit_hits')
      .values([
        { key: 'ended', hits: 3, reset_at: new Date(now.getTime() - 1000) },
        { key: 'open', hits: 1, reset_at: new Date(now.getTime() + 60_000) },
      ])
      .execute();
    assert.deepEqual(await cleanupPlatformData(db, now, 12), { jobs: 2, mails: 1, rateLimits: 1, auditRows: 0 });
    assert.deepEqual(
      (await db.selectFrom('rate_limit_hits').select('key').execute()).map((r) => r.key),
      ['open'],
    );
    const kinds = (await db.selectFrom('jobs').select('kind').orderBy('kind').execute()).map((r) => r.kind);
    assert.deepEqual(kinds, ['pending', 'recent-done', 'recent-failed']);
    const subjects = (await db.selectFrom('mail_outbox').select('subject').orderBy('subject').execute()).map((r) => r.subject);
    assert.deepEqual(subjects, ['old-but-queued', 'recent']);
  });
});
