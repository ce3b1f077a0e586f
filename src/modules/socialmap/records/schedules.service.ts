/** Schedules (HSDS, RFC 5545 style) of services, locations or service_at_locations, and cancelled dates. */
import type { DbOrTrx, Trx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import * as store from '../socialmap.store.ts';
import {
  scheduleExceptionInput,
  scheduleInput,
  type ScheduleData,
  type ScheduleExceptionInput,
  type ScheduleInput,
} from '../socialmap.schemas.ts';
import { audit, changedFields, parseInput, type Actor } from '../actor.ts';
import { authorizeEntry } from './access.ts';
import { isUuid } from '../../../platform/ids.ts';
import { occurrences, type Occurrence, type Range } from '../schedule.ts';
import { lockOccurrenceServices, refreshForSchedules, refreshServiceOccurrences } from '../occurrences/occurrences.service.ts';
import { servicesOfScheduleTarget } from '../occurrences/occurrences.targets.ts';

export type Schedule = store.ScheduleRow;
export type ScheduleException = store.ScheduleExceptionRow;

async function checkTargets(trx: Trx, tenantId: string, s: ScheduleData): Promise<void> {
  if (!s.service_id && !s.location_id && !s.service_at_location_id) throw Invalid({ service_id: 'socialmap.error.scheduleTarget' });
  if (s.service_id && !(await store.findService(trx, tenantId, s.service_id))) {
    throw Invalid({ service_id: 'socialmap.error.serviceNotFound' });
  }
  if (s.location_id && !(await store.findLocation(trx, tenantId, s.location_id))) {
    throw Invalid({ location_id: 'socialmap.error.locationNotFound' });
  }
  if (s.service_at_location_id && (await store.listServiceAtLocations(trx, tenantId, { ids: [s.service_at_location_id] })).length === 0) {
    throw Invalid({ service_at_location_id: 'socialmap.error.serviceAtLocationNotFound' });
  }
}

/**
 * Add a schedule to a service, location or service_at_location (e.g. WEEKLY, byday TU, 12:00–13:30;
 * or MONTHLY byday 1TU,3TU for the first and third Tuesday). Refused when it closes before it opens,
 * ends before it starts, or has a time outside 00:00–23:59.
 */
export async function createSchedule(db: DbOrTrx, tenantId: string, input: ScheduleInput, actor: Actor): Promise<Schedule> {
  const data = parseInput(scheduleInput, input);
  return inTransaction(db, async (trx) => {
    await authorizeTargets(trx, actor, tenantId, data);
    await checkTargets(trx, tenantId, data);
    const { id, ...rest } = data;
    const row = await store.insertSchedule(trx, {
      ...rest,
      ...(id ? { id } : {}),
      tenant_id: tenantId,
      created_at: actor.now,
      updated_at: actor.now,
    });
    await touchOwner(trx, tenantId, row, actor);
    await refreshForSchedules(trx, tenantId, [row]);
    await audit(trx, tenantId, actor, 'create', 'schedule', row.id);
    return row;
  });
}

/** Update a schedule; absent fields keep their value. */
export async function updateSchedule(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  input: Partial<ScheduleInput>,
  actor: Actor,
): Promise<Schedule> {
  return inTransaction(db, async (trx) => {
    const current = await getScheduleOrThrow(trx, tenantId, id);
    await authorizeEntry(trx, actor, tenantId, 'socialmap.service.edit', { scheduleId: id });
    const data = parseInput(scheduleInput, { ...current, ...input, id });
    await authorizeTargets(trx, actor, tenantId, data);
    await checkTargets(trx, tenantId, data);
    const { id: _id, ...rest } = data;
    const row = await store.updateSchedule(trx, tenantId, id, { ...rest, updated_at: actor.now });
    if (!row) throw NotFound('socialmap.error.scheduleNotFound');
    await touchOwner(trx, tenantId, row, actor);
    await refreshForSchedules(trx, tenantId, [current, row]);
    await audit(trx, tenantId, actor, 'update', 'schedule', id, { fields: changedFields(input) });
    return row;
  });
}

/** Delete a schedule (and its cancelled dates). */
export async function deleteSchedule(db: DbOrTrx, tenantId: string, id: string, actor: Actor): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await getScheduleOrThrow(trx, tenantId, id);
    await authorizeEntry(trx, actor, tenantId, 'socialmap.service.edit', { scheduleId: id });
    const services = await servicesOfScheduleTarget(trx, tenantId, current);
    // The services first, as the occurrences job locks them: the delete below locks the schedule
    // and its stored dates, which the job (holding the services) may be writing.
    await lockOccurrenceServices(trx, tenantId, services);
    await store.deleteSchedule(trx, tenantId, id);
    await touchOwner(trx, tenantId, current, actor);
    await refreshServiceOccurrences(trx, tenantId, services);
    await audit(trx, tenantId, actor, 'delete', 'schedule', id);
  });
}

/** The service, location or service_at_location a schedule is for: the actor must maintain each. */
async function authorizeTargets(trx: Trx, actor: Actor, tenantId: string, s: ScheduleData): Promise<void> {
  const sal = s.service_at_location_id
    ? (await store.listServiceAtLocations(trx, tenantId, { ids: [s.service_at_location_id] }))[0]
    : undefined;
  await authorizeEntry(trx, actor, tenantId, 'socialmap.service.edit', {
    serviceId: s.service_id ?? sal?.service_id ?? null,
    locationId: s.location_id ?? null,
  });
}

/** A schedule change modifies its service (HSDS modified_after). */
async function touchOwner(trx: Trx, tenantId: string, s: Schedule, actor: Actor): Promise<void> {
  if (s.service_id) await store.updateService(trx, tenantId, s.service_id, { updated_at: actor.now });
}

/** One schedule, or null. */
export async function getSchedule(db: DbOrTrx, tenantId: string, id: string): Promise<Schedule | null> {
  if (!isUuid(id)) return null;
  return (await store.findSchedule(db, tenantId, id)) ?? null;
}

/** One schedule; NotFound otherwise. */
export async function getScheduleOrThrow(db: DbOrTrx, tenantId: string, id: string): Promise<Schedule> {
  const row = await getSchedule(db, tenantId, id);
  if (!row) throw NotFound('socialmap.error.scheduleNotFound');
  return row;
}

/** Schedules attached to any of these services, locations or service_at_locations. */
export function listSchedules(
  db: DbOrTrx,
  tenantId: string,
  opts: { serviceIds?: readonly string[]; locationIds?: readonly string[]; salIds?: readonly string[] },
): Promise<Schedule[]> {
  return store.listSchedules(db, tenantId, opts);
}

/** Cancel one date of a schedule (extension `socialmap_schedule_exceptions`); cancelling twice is harmless. */
export async function addScheduleException(
  db: DbOrTrx,
  tenantId: string,
  input: ScheduleExceptionInput,
  actor: Actor,
): Promise<ScheduleException> {
  const data = parseInput(scheduleExceptionInput, input);
  return inTransaction(db, async (trx) => {
    const schedule = await store.findSchedule(trx, tenantId, data.schedule_id);
    if (!schedule) throw Invalid({ schedule_id: 'socialmap.error.scheduleNotFound' });
    await authorizeEntry(trx, actor, tenantId, 'socialmap.service.edit', { scheduleId: schedule.id });
    const row = await store.insertScheduleException(trx, { ...data, tenant_id: tenantId, kind: 'cancelled', created_at: actor.now });
    const existing = row ?? (await store.listScheduleExceptions(trx, tenantId, [data.schedule_id], { from: data.date, to: data.date }))[0]!;
    if (row) {
      await touchOwner(trx, tenantId, schedule, actor);
      await refreshForSchedules(trx, tenantId, [schedule]);
      await audit(trx, tenantId, actor, 'create', 'schedule_exception', row.id, { schedule_id: data.schedule_id });
    }
    return existing;
  });
}

/** Undo a cancellation. */
export async function removeScheduleException(db: DbOrTrx, tenantId: string, id: string, actor: Actor): Promise<void> {
  if (!isUuid(id)) throw NotFound('socialmap.error.exceptionNotFound');
  await inTransaction(db, async (trx) => {
    const row = await store.deleteScheduleException(trx, tenantId, id);
    if (!row) throw NotFound('socialmap.error.exceptionNotFound');
    // Checked after the delete, inside the transaction: a refusal rolls it back.
    await authorizeEntry(trx, actor, tenantId, 'socialmap.service.edit', { scheduleId: row.schedule_id });
    await refreshForSchedules(trx, tenantId, [await store.findSchedule(trx, tenantId, row.schedule_id)]);
    await audit(trx, tenantId, actor, 'delete', 'schedule_exception', id, { schedule_id: row.schedule_id });
  });
}

/** Cancelled dates of these schedules, optionally between two dates (YYYY-MM-DD, inclusive). */
export function listScheduleExceptions(
  db: DbOrTrx,
  tenantId: string,
  scheduleIds: readonly string[],
  opts: { from?: string; to?: string } = {},
): Promise<ScheduleException[]> {
  return store.listScheduleExceptions(db, tenantId, scheduleIds, opts);
}

/** One occurrence of a service's own schedule (cancelled ones included and flagged). */
export interface ServiceOccurrence {
  serviceId: string;
  occurrence: Occurrence;
}

/** The occurrences between two moments of the schedules attached to these services themselves, with their cancelled dates. */
export async function occurrencesOfServices(
  db: DbOrTrx,
  tenantId: string,
  serviceIds: readonly string[],
  range: Range,
): Promise<ServiceOccurrence[]> {
  if (serviceIds.length === 0) return [];
  const schedules = (await store.listSchedules(db, tenantId, { serviceIds })).filter((s) => s.service_id);
  const exceptions = schedules.length
    ? await store.listScheduleExceptions(
        db,
        tenantId,
        schedules.map((s) => s.id),
      )
    : [];
  return schedules.flatMap((s) =>
    occurrences(
      { ...s, id: s.id, cancelled: exceptions.filter((e) => e.schedule_id === s.id).map((e) => e.date) },
      range.from,
      range.to,
    ).map((o) => ({ serviceId: s.service_id!, occurrence: o })),
  );
}
