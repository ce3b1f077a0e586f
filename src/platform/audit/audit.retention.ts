/**
 * How long the audit log is kept (docs/decisions/0010-audit-log-retention.md): rows older than the
 * retention (AUDIT_RETENTION_MONTHS, default 12) are removed by the daily clean-up, except the rows
 * of a period an administrator keeps longer for an incident (an audit hold, kept at least 3 years).
 * The audit log is a record of who looked at whose data: keeping it forever would itself keep
 * personal data longer than needed (AVG art. 5(1)(e)).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { DbOrTrx } from '../db/database.ts';
import { ZONE, localDate } from '../time.ts';

/** A hold keeps its period for this many years after it is made (the baseline asks at least 3 years for incident data). */
export const HOLD_YEARS = 3;
/** Rows removed per statement, so one run never holds a long lock or a huge transaction. */
export const PURGE_BATCH = 10_000;

/** The instant an Amsterdam calendar day (yyyy-mm-dd, plus `addDays`) starts. */
function startOfDay(day: string, addDays = 0): Date {
  return DateTime.fromISO(day, { zone: ZONE }).plus({ days: addDays }).startOf('day').toJSDate();
}

/** The first instant that is still kept: `now` minus the retention, in Amsterdam calendar months. */
export function retentionCutoff(now: Date, months: number): Date {
  return DateTime.fromJSDate(now, { zone: ZONE }).minus({ months }).toJSDate();
}

export interface AuditHold {
  id: string;
  fromDay: string;
  toDay: string;
  keptUntil: string;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
}

/** Keep the tenant's audit log of the days `fromDay`..`toDay` (inclusive) for HOLD_YEARS years from today. */
export async function createAuditHold(
  db: DbOrTrx,
  tenantId: string,
  hold: { fromDay: string; toDay: string; reason: string; createdBy: string | null; now: Date },
): Promise<AuditHold> {
  const id = randomUUID();
  const keptUntil = DateTime.fromISO(localDate(hold.now), { zone: ZONE }).plus({ years: HOLD_YEARS }).toISODate()!;
  await db
    .insertInto('audit_holds')
    .values({
      tenant_id: tenantId,
      id,
      from_day: hold.fromDay,
      to_day: hold.toDay,
      from_at: startOfDay(hold.fromDay),
      to_at: startOfDay(hold.toDay, 1),
      kept_until: keptUntil,
      reason: hold.reason,
      created_by: hold.createdBy,
      created_at: hold.now,
    })
    .execute();
  return { id, fromDay: hold.fromDay, toDay: hold.toDay, keptUntil, reason: hold.reason, createdBy: hold.createdBy, createdAt: hold.now };
}

/** The tenant's holds that still apply on `now`'s day, newest first. */
export async function listAuditHolds(db: DbOrTrx, tenantId: string, now: Date): Promise<AuditHold[]> {
  const rows = await db
    .selectFrom('audit_holds')
    .select(['id', 'from_day', 'to_day', 'kept_until', 'reason', 'created_by', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('kept_until', '>=', localDate(now))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fromDay: r.from_day,
    toDay: r.to_day,
    keptUntil: r.kept_until,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/**
 * Remove audit rows older than the retention that no applying hold of their municipality covers,
 * in batches of `batch` rows; ended holds are removed too. Returns the number of rows removed.
 * `maxBatches` bounds one run (the next day's run goes on where this one stopped).
 */
export async function purgeAuditLog(
  db: DbOrTrx,
  opts: { now: Date; months: number; batch?: number; maxBatches?: number },
): Promise<number> {
  const cutoff = retentionCutoff(opts.now, opts.months);
  const today = localDate(opts.now);
  const batch = opts.batch ?? PURGE_BATCH;
  const maxBatches = opts.maxBatches ?? 100;
  let removed = 0;
  for (let i = 0; i < maxBatches; i++) {
    const result = await sql<{ id: string }>`
      delete from audit_log where id in (
        select a.id from audit_log a
        where a.at < ${cutoff}
          and not exists (
            select 1 from audit_holds h
            where h.tenant_id = a.tenant_id and h.kept_until >= ${today} and a.at >= h.from_at and a.at < h.to_at
          )
        order by a.at
        limit ${batch}
      )`.execute(db);
    const n = Number(result.numAffectedRows ?? 0n);
    removed += n;
    if (n < batch) break;
  }
  await db.deleteFrom('audit_holds').where('kept_until', '<', today).execute();
  return removed;
}
