import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { ensureTenant } from '../../../../test/helpers/people.ts';
import { GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { testConfig } from '../../../platform/config.ts';
import type { IndicatorMeasurement, IndicatorSource } from '../../../platform/module.ts';
import { listMeasurements, upsertMeasurements, ensureIndicators } from '../core/core.store.ts';
import { listRecomputeRuns, RECOMPUTE_EVERY_MS, RECOMPUTE_JOB, recomputeJob } from './recompute.ts';

/** A small source: what it returns is set per run. */
function fakeSource(id: string, figures: (tenantId: string) => IndicatorMeasurement[]): IndicatorSource {
  return {
    id,
    definitions: [
      { code: `${id}_count`, nameNl: 'Aantal', nameEn: 'Count', unit: 'count', direction: 'neutral', source: 'platform', theme: 'help' },
    ],
    compute: async ({ tenantId }) => figures(tenantId),
  };
}

describe('monitor.recompute job', () => {
  const ctx = useTestDb();

  it('stores a source’s figures per municipality, replaces them on the next run, records the run and schedules the next', async () => {
    const { db } = ctx.database;
    await ensureTenant(db, KRIMPEN);
    await ensureTenant(db, GRONINGEN);
    let run = 1;
    const source = fakeSource('fake', (tenantId) =>
      run === 1
        ? [
            { indicatorCode: 'fake_count', areaCode: tenantId, period: '2026-Q3', value: 10 },
            { indicatorCode: 'fake_count', areaCode: `${tenantId}-wijk`, period: '2026-Q3', value: 4 },
            { indicatorCode: 'fake_count', areaCode: tenantId, period: '2026-Q4', value: 3 },
          ]
        : // The second run knows the wijk no more in Q3 and has a new figure for Q4.
          [
            { indicatorCode: 'fake_count', areaCode: tenantId, period: '2026-Q3', value: 11 },
            { indicatorCode: 'fake_count', areaCode: tenantId, period: '2026-Q4', value: 5 },
          ],
    );
    const failing: IndicatorSource = { ...fakeSource('broken', () => []), compute: async () => Promise.reject(new Error('boom')) };
    // A figure of another source in the same period must stay.
    await ensureIndicators(db, KRIMPEN.id, [
      { code: 'other', nameNl: 'Ander', nameEn: 'Other', unit: 'count', direction: 'up', source: 'import', theme: 'help' },
    ]);
    await upsertMeasurements(
      db,
      KRIMPEN.id,
      [{ indicatorCode: 'other', areaCode: KRIMPEN.id, period: '2026-Q3', value: 7 }],
      new Date('2026-11-01T00:00:00Z'),
    );

    const job = recomputeJob([source, failing]);
    const now = new Date('2026-11-23T10:00:00Z');
    await job({ db, config: testConfig(), payload: {}, tenantId: null, now });

    const first = await listMeasurements(db, KRIMPEN.id, { indicatorCodes: ['fake_count'] });
    assert.deepEqual(
      first.map((m) => [m.areaCode, m.period, m.value]),
      [
        [KRIMPEN.id, '2026-Q3', 10],
        [KRIMPEN.id, '2026-Q4', 3],
        [`${KRIMPEN.id}-wijk`, '2026-Q3', 4],
      ],
    );
    assert.equal((await listMeasurements(db, GRONINGEN.id, { indicatorCodes: ['fake_count'] })).length, 3, 'every municipality');

    run = 2;
    const later = new Date(now.getTime() + RECOMPUTE_EVERY_MS);
    await job({ db, config: testConfig(), payload: {}, tenantId: null, now: later });
    const second = await listMeasurements(db, KRIMPEN.id, { indicatorCodes: ['fake_count', 'other'] });
    assert.deepEqual(
      second.map((m) => [m.indicatorCode, m.areaCode, m.period, m.value, m.computedAt.toISOString()]),
      [
        ['fake_count', KRIMPEN.id, '2026-Q3', 11, later.toISOString()],
        ['fake_count', KRIMPEN.id, '2026-Q4', 5, later.toISOString()],
        ['other', KRIMPEN.id, '2026-Q3', 7, '2026-11-01T00:00:00.000Z'],
      ],
      'the earlier figures of those periods are replaced (the wijk is gone), another source’s stay',
    );

    const runs = await listRecomputeRuns(db, KRIMPEN.id);
    assert.equal(runs.length, 4, 'two sources × two runs');
    assert.deepEqual(
      runs.filter((r) => r.startedAt.getTime() === later.getTime()).map((r) => [r.sourceId, r.outcome, r.measurements]),
      [
        ['broken', 'failed', 0],
        ['fake', 'ok', 2],
      ],
    );
    assert.ok(runs.every((r) => r.durationMs >= 0));

    const pending = await db
      .selectFrom('jobs')
      .select(['kind', 'run_at'])
      .where('kind', '=', RECOMPUTE_JOB)
      .where('status', '=', 'pending')
      .orderBy('run_at')
      .execute();
    assert.deepEqual(
      pending.map((j) => new Date(j.run_at).getTime()),
      [now.getTime() + RECOMPUTE_EVERY_MS, later.getTime() + RECOMPUTE_EVERY_MS],
      'each run schedules the next, an hour on',
    );
  });

  it('refuses figures of an indicator the source does not define (recorded as failed, nothing stored)', async () => {
    const { db } = ctx.database;
    const rogue = fakeSource('rogue', (tenantId) => [{ indicatorCode: 'other', areaCode: tenantId, period: '2026-Q3', value: 999 }]);
    const now = new Date('2026-12-01T10:00:00Z');
    await recomputeJob([rogue])({ db, config: testConfig(), payload: {}, tenantId: KRIMPEN.id, now });
    const other = await listMeasurements(db, KRIMPEN.id, { indicatorCodes: ['other'] });
    assert.deepEqual(
      other.map((m) => m.value),
      [7],
    );
    const [last] = await listRecomputeRuns(db, KRIMPEN.id, 1);
    assert.deepEqual([last!.sourceId, last!.outcome], ['rogue', 'failed']);
  });
});
