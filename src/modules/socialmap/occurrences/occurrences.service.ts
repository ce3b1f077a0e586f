/**
 * Precomputed occurrences (issue 17): every service's schedules expanded into concrete dates for
 * the days around today — yesterday (an activity past midnight still runs) to HORIZON_DAYS ahead —
 * in `socialmap_occurrences`. The search filters "nu", "vandaag" and "de komende 7 dagen" and the
 * neighbourhood leaflet (28 days) read this table instead of expanding schedules on a request.
 *
 * Who fills it:
 * - the recurring job `socialmap.occurrences`, every night (and at server start-up), for every
 *   municipality: the window moves on by a day — the day that left is dropped and only the new
 *   last day is expanded (a full recompute on request, see refreshTenantOccurrences);
 * - every write that changes which dates a service has (a schedule or a cancelled date added,
 *   changed or removed, a service's locations changed, an HSDS import, the demo seed) refreshes the
 *   services it touches in the same transaction, so a page never shows dates from before an edit;
 * - a request that finds no window covering what it needs (a database that never ran the job)
 *   computes the municipality's window first, once.
 *
 * The job and the edits never interleave on a service: both lock its row before they read its
 * schedules and keep it until they commit (lockOccurrenceServices, refreshTenantOccurrences).
 *
 * Calendar feeds (ical.ts, up to a year) and a service's own page (the next 8 dates, up to 400
 * days) look further ahead than the window and keep expanding the schedules of the one service or
 * area they show; so do the result cards' "next date" (20 services a page, 120 days).
 */
import { DateTime } from 'luxon';
import { sql } from 'kysely';
import { inTransaction, type Db, type DbOrTrx, type Trx } from '../../../platform/db/database.ts';
import { ZONE } from '../../../platform/time.ts';
import { amsterdamDay, isoDate, occurrences, type Range } from '../schedule.ts';
import { servicesOfScheduleTarget } from './occurrences.targets.ts';
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

/** The day after / before a civil day (YYYY-MM-DD). */
function dayAfter(day: string, n = 1): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days: n }).toISODate()!;
}

interface WindowRow {
  first_day: string;
  last_day: string;
  fill_first_day: string | null;
  fill_last_day: string | null;
}

async function windowRow(db: DbOrTrx, tenantId: string, opts: { share?: boolean } = {}): Promise<WindowRow | null> {
  let q = db
    .selectFrom('socialmap_occurrence_windows')
    .select(['first_day', 'last_day', 'fill_first_day', 'fill_last_day'])
    .where('tenant_id', '=', tenantId);
  // An edit holds the row (shared) while it writes; the job's last step (a new window, the old
  // days dropped) waits for it, and an edit that comes later sees the new window.
  if (opts.share) q = q.forShare();
  return (await q.executeTakeFirst()) ?? null;
}

/** The complete window of a row (null while the first computation is still running). */
function completeWindow(row: WindowRow | null): OccurrenceWindow | null {
  return row && row.first_day <= row.last_day ? { firstDay: row.first_day, lastDay: row.last_day } : null;
}

/** The days an edit must write: the complete window and the days a running job is filling. */
function editWindow(row: WindowRow | null): OccurrenceWindow | null {
  if (!row) return null;
  const done = completeWindow(row);
  const fill = row.fill_first_day && row.fill_last_day ? { firstDay: row.fill_first_day, lastDay: row.fill_last_day } : null;
  if (!done || !fill) return done ?? fill;
  return {
    firstDay: done.firstDay < fill.firstDay ? done.firstDay : fill.firstDay,
    lastDay: done.lastDay > fill.lastDay ? done.lastDay : fill.lastDay,
  };
}

/** The window the municipality's table holds, or null when it was never (completely) computed. */
export async function storedWindow(db: DbOrTrx, tenantId: string): Promise<OccurrenceWindow | null> {
  return completeWindow(await windowRow(db, tenantId));
}

/**
 * Lock these services' rows (in id order) for the rest of the transaction. Whoever writes a
 * service's stored dates (an edit, the job) holds this lock from before it reads the schedules
 * until it commits, so the job can never write dates it read before an edit that committed first.
 * Returns the ids that exist.
 */
export async function lockOccurrenceServices(trx: Trx, tenantId: string, serviceIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(serviceIds.filter(isUuid))].sort();
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }>`
    select id from socialmap_services where tenant_id = ${tenantId} and id = any(${ids}::uuid[])
    order by id for no key update`.execute(trx);
  return rows.rows.map((r) => r.id);
}

/**
 * Expand the services' schedules over `range` and store them. `replace`: every stored date of the
 * services is replaced (a full computation, an edit). `append`: the window grows by the days of
 * `range` (its start is the old window's end): the services' dates starting in it are replaced,
 * and the ones that began before it (already stored) are kept.
 */
async function writeOccurrences(
  trx: Trx,
  tenantId: string,
  serviceIds: readonly string[],
  range: Range,
  mode: 'replace' | 'append',
  afterRead?: (serviceIds: readonly string[]) => Promise<void>,
): Promise<number> {
  if (serviceIds.length === 0) return 0;
  const rules = await schedulesOfServices(trx, tenantId, serviceIds);
  const service: string[] = [];
  const schedule: string[] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  const date: string[] = [];
  const allDay: boolean[] = [];
  const cancelled: boolean[] = [];
  for (const [serviceId, list] of rules) {
    if (list.length === 0) continue;
    for (const o of occurrences(list, range.from, range.to)) {
      service.push(serviceId);
      schedule.push(o.scheduleId!);
      starts.push(o.start.toISOString());
      ends.push(o.end.toISOString());
      date.push(o.date);
      allDay.push(o.allDay);
      cancelled.push(o.cancelled);
    }
  }
  const ids = [...serviceIds];
  if (afterRead) await afterRead(ids);
  if (mode === 'replace') {
    await sql`delete from socialmap_occurrences where tenant_id = ${tenantId} and service_id = any(${ids}::uuid[])`.execute(trx);
  } else {
    await sql`delete from socialmap_occurrences
      where tenant_id = ${tenantId} and service_id = any(${ids}::uuid[]) and starts_at >= ${range.from.toISOString()}::timestamptz`.execute(
      trx,
    );
  }
  for (let i = 0; i < service.length; i += INSERT_ROWS) {
    const part = <T>(a: T[]) => a.slice(i, i + INSERT_ROWS);
    // One statement per thousand rows, seven array parameters (not eight thousand scalars).
    await sql`
      insert into socialmap_occurrences (tenant_id, service_id, schedule_id, starts_at, ends_at, date, all_day, cancelled)
      select ${tenantId}, o.* from unnest(${part(service)}::uuid[], ${part(schedule)}::uuid[], ${part(starts)}::timestamptz[],
        ${part(ends)}::timestamptz[], ${part(date)}::text[], ${part(allDay)}::boolean[], ${part(cancelled)}::boolean[]) as o
      on conflict do nothing`.execute(trx);
  }
  return service.length;
}

/**
 * Recompute the stored occurrences of these services over the municipality's current window
 * (call it in the transaction that changed their schedules). The services' rows are locked first
 * (see lockOccurrenceServices), then the window is read (shared): the days a running job is adding
 * are written too. Nothing to do when the window was never computed: the first request or job
 * computes everything.
 */
export async function refreshServiceOccurrences(db: DbOrTrx, tenantId: string, serviceIds: readonly (string | null)[]): Promise<void> {
  const ids = [...new Set(serviceIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  if (!editWindow(await windowRow(db, tenantId))) return;
  await inTransaction(db, async (trx) => {
    const locked = await lockOccurrenceServices(trx, tenantId, ids);
    const w = editWindow(await windowRow(trx, tenantId, { share: true }));
    if (!w || locked.length === 0) return;
    await writeOccurrences(trx, tenantId, locked, windowRange(w), 'replace');
  });
}

/** Refresh the services a schedule (before and/or after a change) decides the dates of. */
export async function refreshForSchedules(
  db: DbOrTrx,
  tenantId: string,
  schedules: readonly (
    { service_id?: string | null; location_id?: string | null; service_at_location_id?: string | null } | null | undefined
  )[],
): Promise<void> {
  if (!editWindow(await windowRow(db, tenantId))) return;
  const ids: string[] = [];
  for (const s of schedules) if (s) ids.push(...(await servicesOfScheduleTarget(db, tenantId, s)));
  await refreshServiceOccurrences(db, tenantId, ids);
}

/** Options of a municipality's computation. */
export interface TenantOccurrenceOptions {
  /** Recompute every date of the window (after an import, a `{ full: true }` job); else only the new days. */
  full?: boolean;
  /** Stops between batches (the worker stopping); the window stays as it was, the next run goes on. */
  signal?: AbortSignal | undefined;
  /**
   * For tests only: awaited inside each batch's transaction after the schedules were read and
   * before the dates are written (the services' rows locked), to interleave an edit there.
   */
  afterRead?: (serviceIds: readonly string[]) => Promise<void>;
}

export interface TenantOccurrenceResult {
  /** How the window was brought up to date: every date, only the new days, or nothing to add. */
  mode: 'full' | 'incremental' | 'none';
  services: number;
  occurrences: number;
  /** False when stopped by the signal before the end (the window was not moved). */
  done: boolean;
}

/** A lock the job waited for too long, or a deadlock: the batch is rolled back and tried again. */
function isLockConflict(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === '55P03' || code === '40P01';
}

/**
 * One batch in its own short transaction (or in the caller's, e.g. the demo seed's). The job
 * waits at most a moment for a lock an edit holds and then tries the batch again, so it never
 * makes an edit wait long, and never ends in a deadlock that aborts the edit.
 */
async function inBatch<T>(db: DbOrTrx, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Trx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await (db as Db).transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '500ms'`.execute(trx);
        return fn(trx);
      });
    } catch (err) {
      if (!isLockConflict(err) || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, Math.min(2000, 50 * attempt)));
    }
  }
}

/** Services per batch: a full computation writes ~12 dates a service; adding a day far fewer. */
const BATCH_APPEND = 2000;

/**
 * Bring the municipality's stored dates to the window at `now` (the job; the demo seed; a first
 * request). Normally incremental: the days before the new window are dropped and only the new
 * last days are expanded and added (one day a night, more when the job did not run for a while).
 * A full computation (every date of every service) when asked (`full`), when nothing was stored
 * yet, or when the new window does not continue the stored one (the job stopped for over a month,
 * the clock went back). Both give exactly the rows a full computation gives.
 *
 * Race-free against edits: the days being filled are recorded first (an edit then writes them
 * too); each batch locks its services' rows before it reads their schedules and writes in the same
 * transaction (an edit locks the same rows); the last step moves the window and drops the old days
 * in one transaction, after the edits that still write the old window (they hold it shared).
 */
export async function refreshTenantOccurrences(
  db: DbOrTrx,
  tenantId: string,
  now: Date,
  opts: TenantOccurrenceOptions = {},
): Promise<TenantOccurrenceResult> {
  const w = windowAt(now);
  const target = windowRange(w);
  const old = completeWindow(await windowRow(db, tenantId));
  const incremental = !opts.full && old !== null && old.firstDay <= w.firstDay && w.firstDay <= dayAfter(old.lastDay);
  let range: Range | null = target;
  if (incremental) range = w.lastDay > old.lastDay ? { from: windowRange(old).to, to: target.to } : null;
  const mode = range === null ? 'none' : incremental ? 'incremental' : 'full';
  let services = 0;
  let count = 0;
  if (range) {
    // Edits write these days too from now on (an edit that already holds the window row shared
    // finishes first).
    await db
      .insertInto('socialmap_occurrence_windows')
      // A first computation: an empty window (last before first), readers see none yet.
      .values({
        tenant_id: tenantId,
        first_day: w.firstDay,
        last_day: dayAfter(w.firstDay, -1),
        computed_at: now,
        fill_first_day: w.firstDay,
        fill_last_day: w.lastDay,
      })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ fill_first_day: w.firstDay, fill_last_day: w.lastDay }))
      .execute();
    const fill = range;
    const batch = incremental ? BATCH_APPEND : BATCH;
    let after: string | null = null;
    for (;;) {
      if (opts.signal?.aborted) return { mode, services, occurrences: count, done: false };
      const part = await inBatch(db, async (trx) => {
        const ids = (
          await sql<{ id: string }>`
            select id from socialmap_services where tenant_id = ${tenantId} ${after ? sql`and id > ${after}::uuid` : sql``}
            order by id limit ${batch} for no key update`.execute(trx)
        ).rows.map((r) => r.id);
        if (ids.length === 0) return { ids, n: 0 };
        return { ids, n: await writeOccurrences(trx, tenantId, ids, fill, incremental ? 'append' : 'replace', opts.afterRead) };
      });
      if (part.ids.length === 0) break;
      services += part.ids.length;
      count += part.n;
      after = part.ids[part.ids.length - 1]!;
    }
  }
  await inBatch(db, async (trx) => {
    // The row first (waits for edits holding it shared), then the days outside the new window.
    await trx
      .insertInto('socialmap_occurrence_windows')
      .values({
        tenant_id: tenantId,
        first_day: w.firstDay,
        last_day: w.lastDay,
        computed_at: now,
        fill_first_day: null,
        fill_last_day: null,
      })
      .onConflict((oc) =>
        oc
          .column('tenant_id')
          .doUpdateSet({ first_day: w.firstDay, last_day: w.lastDay, computed_at: now, fill_first_day: null, fill_last_day: null }),
      )
      .execute();
    await trx.deleteFrom('socialmap_occurrences').where('tenant_id', '=', tenantId).where('ends_at', '<=', target.from).execute();
    // Days after the window (the clock went back, or an edit wrote a longer window meanwhile);
    // `ends_at >` keeps it on the index.
    await trx
      .deleteFrom('socialmap_occurrences')
      .where('tenant_id', '=', tenantId)
      .where('ends_at', '>', target.to)
      .where('starts_at', '>=', target.to)
      .execute();
  });
  return { mode, services, occurrences: count, done: true };
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
