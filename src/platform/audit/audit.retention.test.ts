import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { ensureTenant } from '../../../test/helpers/people.ts';
import { cleanupPlatformData } from '../jobs/cleanup.ts';
import { createAuditHold, listAuditHolds, purgeAuditLog, retentionCutoff } from './audit.retention.ts';

const A = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
const B = { id: 'GM0363', slug: 'amsterdam', name: 'Amsterdam' };

describe('audit log retention', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  const now = new Date('2027-12-15T12:00:00Z');

  beforeEach(async () => {
    await ensureTenant(db(), A);
    await ensureTenant(db(), B);
    await db().deleteFrom('audit_log').execute();
    await db().deleteFrom('audit_holds').execute();
  });

  const row = (tenantId: string | null, at: string, entityId: string) => ({
    tenant_id: tenantId,
    actor_user_id: null,
    action: 'view',
    entity: 'signal',
    entity_id: entityId,
    ip: null,
    at: new Date(at),
  });
  const left = async () => (await db().selectFrom('audit_log').select('entity_id').orderBy('entity_id').execute()).map((r) => r.entity_id);

  it('counts the retention in Amsterdam calendar months', () => {
    assert.equal(retentionCutoff(new Date('2027-12-15T12:00:00Z'), 12).toISOString(), '2026-12-15T12:00:00.000Z');
    // Summer time on both sides: the same wall-clock time a year earlier.
    assert.equal(retentionCutoff(new Date('2027-07-01T08:00:00Z'), 12).toISOString(), '2026-07-01T08:00:00.000Z');
    // 31 May minus 6 months is 30 November (the last day of that month), 13:00 in Amsterdam.
    assert.equal(retentionCutoff(new Date('2027-05-31T11:00:00Z'), 6).toISOString(), '2026-11-30T12:00:00.000Z');
  });

  it('removes rows older than the retention and keeps the rest, also rows without a municipality', async () => {
    await db()
      .insertInto('audit_log')
      .values([
        row(A.id, '2026-12-15T11:59:59Z', 'a-just-too-old'),
        row(A.id, '2026-12-15T12:00:00Z', 'a-just-kept'),
        row(B.id, '2025-01-01T00:00:00Z', 'b-old'),
        row(null, '2026-01-01T00:00:00Z', 'platform-old'),
        row(null, '2027-12-01T00:00:00Z', 'platform-new'),
      ])
      .execute();
    assert.equal(await purgeAuditLog(db(), { now, months: 12 }), 3);
    assert.deepEqual(await left(), ['a-just-kept', 'platform-new']);
    // A longer retention keeps more: nothing older than 36 months here.
    await db()
      .insertInto('audit_log')
      .values(row(A.id, '2025-06-01T00:00:00Z', 'a-30-months'))
      .execute();
    assert.equal(await purgeAuditLog(db(), { now, months: 36 }), 0);
    assert.deepEqual(await left(), ['a-30-months', 'a-just-kept', 'platform-new']);
  });

  it('keeps a held period of one municipality only, whole Amsterdam days, until the hold ends', async () => {
    const made = new Date('2027-01-10T09:00:00Z');
    const hold = await createAuditHold(db(), A.id, {
      fromDay: '2026-03-01',
      toDay: '2026-03-02',
      reason: 'Incident 2026-17: onderzoek naar inzage in meldingen',
      createdBy: null,
      now: made,
    });
    assert.equal(hold.keptUntil, '2030-01-10');
    await db()
      .insertInto('audit_log')
      .values([
        // 1 March starts at 23:00 UTC on 28 February (winter time).
        row(A.id, '2026-02-28T22:59:59Z', 'a-before'),
        row(A.id, '2026-02-28T23:00:00Z', 'a-first-instant'),
        row(A.id, '2026-03-02T22:59:59Z', 'a-last-instant'),
        row(A.id, '2026-03-02T23:00:00Z', 'a-after'),
        row(B.id, '2026-03-01T12:00:00Z', 'b-same-day'),
        row(null, '2026-03-01T12:00:00Z', 'platform-same-day'),
      ])
      .execute();
    assert.equal(await purgeAuditLog(db(), { now, months: 12 }), 4);
    assert.deepEqual(await left(), ['a-first-instant', 'a-last-instant']);
    assert.deepEqual(
      (await listAuditHolds(db(), A.id, now)).map((h) => h.id),
      [hold.id],
    );
    assert.deepEqual(await listAuditHolds(db(), B.id, now), []);

    // On its last day the hold still applies; the day after, the rows go and the hold with them.
    assert.equal(await purgeAuditLog(db(), { now: new Date('2030-01-10T22:00:00Z'), months: 12 }), 0);
    assert.equal(await purgeAuditLog(db(), { now: new Date('2030-01-10T23:30:00Z'), months: 12 }), 2);
    assert.deepEqual(await left(), []);
    assert.equal((await db().selectFrom('audit_holds').select('id').execute()).length, 0);
  });

  it('removes in batches and stops after the maximum number of batches', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(A.id, `2025-02-${String(i + 1).padStart(2, '0')}T10:00:00Z`, `old-${i}`));
    await db().insertInto('audit_log').values(rows).execute();
    assert.equal(await purgeAuditLog(db(), { now, months: 12, batch: 10, maxBatches: 2 }), 20);
    // The oldest go first: what is left are the newest five.
    assert.deepEqual(await left(), ['old-20', 'old-21', 'old-22', 'old-23', 'old-24']);
    assert.equal(await purgeAuditLog(db(), { now, months: 12, batch: 10, maxBatches: 2 }), 5);
    assert.deepEqual(await left(), []);
  });

  it('is part of the daily clean-up, with the configured retention', async () => {
    await db()
      .insertInto('audit_log')
      .values([row(A.id, '2026-06-01T00:00:00Z', 'eighteen-months'), row(A.id, '2027-11-01T00:00:00Z', 'six-weeks')])
      .execute();
    assert.equal((await cleanupPlatformData(db(), now, 24)).auditRows, 0);
    assert.equal((await cleanupPlatformData(db(), now, 12)).auditRows, 1);
    assert.deepEqual(await left(), ['six-weeks']);
  });
});
