/**
 * Precomputed occurrences (issue 17): every service's schedules expanded into concrete dates for
 * the days around today — yesterday (an activity past midnight still runs) to HORIZON_DAYS ahead —
 * in `socialmap_occurrences`. The search filters "nu", "vandaag" and "de komende 7 dagen" and the
 * neighbourhood leaflet (28 days) read this table instead of expanding schedules on a request.
 *
 * Who fills it:
 * - the recurring job `socialmap.occurrences`, every night (and at server start-up), for every
 *   municipality: the whole window moves on by a day;
 * - every write that changes which dates a service has (a schedule or a cancelled date added,
 *   changed or removed, a service's locations changed, an HSDS import, the demo seed) refreshes the
 *   services it touches in the same transaction, so a page never shows dates from before an edit;
 * - a request that finds no window covering what it needs (a database that never ran the job)
 *   computes the municipality's window first, once.
 *
 * Calendar feeds (ical.ts, up to a year) and a service's own page (the next 8 dates, up to 400
 * days) look further ahead than the window and keep expanding the schedules of the one service or
 * area they show; so do the result cards' "next date" (20 services a page, 120 days).
 */
import { DateTime } from 'luxon';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { ZONE } from '../../../platform/time.ts';
import { amsterdamDay, isoDate, occurrences, type Range } from '../schedule.ts';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import { isUuid } from '../../../platform/ids.ts';
import { schedulesOfServices } from '../find/find.store.ts';

/** The window starts this many days before today (yesterday: an activity past midnight). */
export const OCCURRENCE_PAST_DAYS = 1;
/**
 * The window ends this many days after today: the leaflet's 28 days (today and 27 more) plus a
 * margin, so a night without the job (or two) changes nothing.
 */
export const OCCURRENCE_HORIZON_DAYS = 35;
/** Services per batch when a whole municipality is recomputed. */
const BATCH = 500;
/** Rows per insert statement. */
const INSERT_ROWS = 1000;

export const OCCURRENCES_JOB = 'socialmap.occurrences';

export interface OccurrenceWindow {
  /** First and last civil day held (YYYY-MM-DD, inclusive). */
  firstDay: string;
  lastDay: string;
}

/** Midnight in Amsterdam at the start of a civil day. */
function startOfDay(day: string): Date {
  return DateTime.fromISO(day, { zone: ZONE }).startOf('day').toJSDate();
}

/** The instants a window covers: from the first day's midnight to the midnight after the last day. */
export function windowRange(w: OccurrenceWindow): Range {
  return { from: startOfDay(w.firstDay), to: DateTime.fromJSDate(startOfDay(w.lastDay), { zone: ZONE }).plus({ days: 1 }).toJSDate() };
}

/** The window the job computes at `now`. */
export function windowAt(now: Date): OccurrenceWindow {
  const today = amsterdamDay(now);
  return { firstDay: isoDate(today - OCCURRENCE_PAST_DAYS), lastDay: isoDate(today + OCCURRENCE_HORIZON_DAYS) };
}

/** The window the municipality's table holds, or null when it was never computed. */
export async function storedWindow(db: DbOrTrx, tenantId: string): Promise<OccurrenceWindow | null> {
  const row = await db
    .selectFrom('socialmap_occurrence_windows')
    .select(['first_day', 'last_day'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row ? { firstDay: row.first_day, lastDay: row.last_day } : null;
}

/** Expand the services' schedules over the window and replace their stored occurrences. */
async function writeOccurrences(db: DbOrTrx, tenantId: string, serviceIds: readonly string[], range: Range): Promise<number> {
  if (serviceIds.length === 0) return 0;
  const rules = await schedulesOfServices(db, tenantId, serviceIds);
  const rows: {
    tenant_id: string;
    service_id: string;
    schedule_id: string;
    starts_at: Date;
    ends_at: Date;
    date: string;
    all_day: boolean;
    cancelled: boolean;
  }[] = [];
  for (const [serviceId, list] of rules) {
    for (const o of occurrences(list, range.from, range.to)) {
      rows.push({
        tenant_id: tenantId,
        service_id: serviceId,
        schedule_id: o.scheduleId!,
        starts_at: o.start,
        ends_at: o.end,
        date: o.date,
        all_day: o.allDay,
        cancelled: o.cancelled,
      });
    }
  }
  await db
    .deleteFrom('socialmap_occurrences')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`service_id = any(${[...serviceIds]}::uuid[])`)
    .execute();
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    await db
      .insertInto('socialmap_occurrences')
      .values(rows.slice(i, i + INSERT_ROWS))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return rows.length;
}

/**
 * Recompute the stored occurrences of these services over the municipality's current window
 * (call it in the transaction that changed their schedules). Nothing to do when the window was
 * never computed: the first request or job computes everything.
 */
export async function refreshServiceOccurrences(db: DbOrTrx, tenantId: string, serviceIds: readonly (string | null)[]): Promise<void> {
  const ids = [...new Set(serviceIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const w = await storedWindow(db, tenantId);
  if (!w) return;
  await writeOccurrences(db, tenantId, ids, windowRange(w));
}

/** The services whose dates a schedule of this service, location or service-at-location decides. */
export async function servicesOfScheduleTarget(
  db: DbOrTrx,
  tenantId: string,
  target: { service_id?: string | null; location_id?: string | null; service_at_location_id?: string | null },
): Promise<string[]> {
  const out = new Set<string>();
  if (target.service_id) out.add(target.service_id);
  if (target.service_at_location_id || target.location_id) {
    const rows = await db
      .selectFrom('socialmap_service_at_locations')
      .select('service_id')
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        eb.or([
          ...(target.service_at_location_id ? [eb('id', '=', target.service_at_location_id)] : []),
          ...(target.location_id && !target.service_id && !target.service_at_location_id
            ? [eb('location_id', '=', target.location_id)]
            : []),
        ]),
      )
      .execute();
    for (const r of rows) out.add(r.service_id);
  }
  return [...out];
}

/** The targets of these schedules (valid uuids only). */
export async function schedulesById(
  db: DbOrTrx,
  tenantId: string,
  ids: readonly string[],
): Promise<{ service_id: string | null; location_id: string | null; service_at_location_id: string | null }[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return [];
  return db
    .selectFrom('socialmap_schedules')
    .select(['service_id', 'location_id', 'service_at_location_id'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`id = any(${valid}::uuid[])`)
    .execute();
}

/** The services of these service-at-locations. */
export async function servicesOfServiceAtLocations(db: DbOrTrx, tenantId: string, ids: readonly string[]): Promise<string[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return [];
  const rows = await db
    .selectFrom('socialmap_service_at_locations')
    .select('service_id')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`id = any(${valid}::uuid[])`)
    .execute();
  return rows.map((r) => r.service_id);
}

/** Refresh the services a schedule (before and/or after a change) decides the dates of. */
export async function refreshForSchedules(
  db: DbOrTrx,
  tenantId: string,
  schedules: readonly (
    { service_id?: string | null; location_id?: string | null; service_at_location_id?: string | null } | null | undefined
  )[],
): Promise<void> {
  if (!(await storedWindow(db, tenantId))) return;
  const ids: string[] = [];
  for (const s of schedules) if (s) ids.push(...(await servicesOfScheduleTarget(db, tenantId, s)));
  await refreshServiceOccurrences(db, tenantId, ids);
}

/**
 * Recompute the whole municipality for the window at `now` (the job; the demo seed; a first
 * request): every service in batches, then the days that left the window are dropped.
 */
export async function refreshTenantOccurrences(
  db: DbOrTrx,
  tenantId: string,
  now: Date,
): Promise<{ services: number; occurrences: number }> {
  const w = windowAt(now);
  const range = windowRange(w);
  let after: string | null = null;
  let services = 0;
  let count = 0;
  for (;;) {
    let q = db.selectFrom('socialmap_services').select('id').where('tenant_id', '=', tenantId);
    if (after) q = q.where('id', '>', after);
    const ids = (await q.orderBy('id').limit(BATCH).execute()).map((r) => r.id);
    if (ids.length === 0) break;
    count += await writeOccurrences(db, tenantId, ids, range);
    services += ids.length;
    after = ids[ids.length - 1]!;
  }
  await db.deleteFrom('socialmap_occurrences').where('tenant_id', '=', tenantId).where('ends_at', '<=', range.from).execute();
  await db
    .insertInto('socialmap_occurrence_windows')
    .values({ tenant_id: tenantId, first_day: w.firstDay, last_day: w.lastDay, computed_at: now })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ first_day: w.firstDay, last_day: w.lastDay, computed_at: now }))
    .execute();
  return { services, occurrences: count };
}

/**
 * Make sure the stored window covers [from, to): true when it already did. Otherwise (the job
 * never ran here, or stopped for weeks) the municipality is computed now, once.
 */
export async function ensureOccurrences(db: DbOrTrx, tenantId: string, range: Range, now: Date): Promise<boolean> {
  const w = await storedWindow(db, tenantId);
  if (w) {
    const have = windowRange(w);
    if (have.from <= range.from && have.to >= range.to) return true;
  }
  await refreshTenantOccurrences(db, tenantId, now);
  return false;
}

/** The next run: 03:00 in Amsterdam after `now` (quiet hours; the window has a margin of days). */
export function nextOccurrencesRun(now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  const today = local.startOf('day').set({ hour: 3 });
  return (today > local ? today : today.plus({ days: 1 }).set({ hour: 3 })).toJSDate();
}

/**
 * The job: recompute every municipality that has services, then schedule the next night. A
 * stopping worker ends between municipalities and runs again at once.
 */
export async function occurrencesJob(args: JobHandlerArgs): Promise<void> {
  const tenants = args.tenantId
    ? [args.tenantId]
    : (await args.db.selectFrom('socialmap_services').select('tenant_id').distinct().orderBy('tenant_id').execute()).map(
        (r) => r.tenant_id,
      );
  let stopped = false;
  for (const tenantId of tenants) {
    if (args.signal?.aborted) {
      stopped = true;
      break;
    }
    await refreshTenantOccurrences(args.db, tenantId, args.now);
  }
  if (!args.tenantId) await enqueueJob(args.db, { kind: OCCURRENCES_JOB, runAt: stopped ? args.now : nextOccurrencesRun(args.now) });
}
