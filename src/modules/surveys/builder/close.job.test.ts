import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, buildTenant } from '../../../../test/helpers/factories.ts';
import { testConfig } from '../../../platform/config.ts';
import { insertSurvey } from './builder.store.ts';
import { CLOSE_SURVEYS_JOB, closeSurveys, closeSurveysJob } from './close.job.ts';

describe('surveys: closed after their last day', () => {
  const ctx = useTestDb();

  it('closes open surveys whose last day has passed, once, in every municipality; drafts, open-ended and still running ones stay', async () => {
    const db = ctx.database.db;
    await buildTenant(db, KRIMPEN);
    await buildTenant(db, GRONINGEN);
    const survey = (tenantId: string, title: string, status: 'draft' | 'open' | 'closed', closesOn: string | null) =>
      insertSurvey(db, {
        tenant_id: tenantId,
        title_nl: title,
        item_sets: JSON.stringify([]),
        period: '2026',
        status,
        closes_on: closesOn,
      });
    const ended = await survey(KRIMPEN.id, 'Afgelopen', 'open', '2026-12-06');
    const lastDayToday = await survey(KRIMPEN.id, 'Vandaag de laatste dag', 'open', '2026-12-07');
    const openEnded = await survey(KRIMPEN.id, 'Zonder einddatum', 'open', null);
    const draft = await survey(KRIMPEN.id, 'Concept', 'draft', '2026-11-01');
    const elsewhere = await survey(GRONINGEN.id, 'Groningen afgelopen', 'open', '2026-11-30');
    // 2026-12-07 08:30 in Amsterdam (07:30 UTC): yesterday's last day has passed, today's has not.
    const now = new Date('2026-12-07T07:30:00Z');
    assert.equal(await closeSurveys(db, now), 2);
    const status = async (id: string) =>
      (await db.selectFrom('surveys').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    assert.deepEqual(await Promise.all([ended, lastDayToday, openEnded, draft, elsewhere].map(status)), [
      'closed',
      'open',
      'open',
      'draft',
      'closed',
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['entity_id', 'action', 'actor_user_id'])
      .where('entity', '=', 'survey')
      .execute();
    assert.deepEqual(audit.map((a) => a.entity_id).sort(), [ended, elsewhere].sort());
    assert.ok(audit.every((a) => a.action === 'close' && a.actor_user_id === null));
    assert.equal(await closeSurveys(db, now), 0, 'a second run closes nothing');
    // The handler queues its next run an hour later.
    await closeSurveysJob({ db, now, config: testConfig(), tenantId: null, payload: {} });
    const next = await db.selectFrom('jobs').select(['run_at', 'status']).where('kind', '=', CLOSE_SURVEYS_JOB).execute();
    assert.equal(next.length, 1);
    assert.equal(new Date(next[0]!.run_at).toISOString(), '2026-12-07T08:30:00.000Z');
  });
});
