/** Queries on schedules and their cancelled dates (extension). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SocialmapScheduleExceptionsTable, SocialmapSchedulesTable } from '../socialmap.tables.ts';

export type ScheduleRow = Selectable<SocialmapSchedulesTable>;
export type ScheduleExceptionRow = Selectable<SocialmapScheduleExceptionsTable>;

export async function insertSchedule(db: DbOrTrx, row: Insertable<SocialmapSchedulesTable>): Promise<ScheduleRow> {
  return db.insertInto('socialmap_schedules').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSchedule(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  patch: Updateable<SocialmapSchedulesTable>,
): Promise<ScheduleRow | undefined> {
  return db
    .updateTable('socialmap_schedules')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function findSchedule(db: DbOrTrx, tenantId: string, id: string): Promise<ScheduleRow | undefined> {
  return db.selectFrom('socialmap_schedules').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function deleteSchedule(db: DbOrTrx, tenantId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('socialmap_schedules').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Schedules attached to any of these services, locations or service_at_locations. */
export function listSchedules(
  db: DbOrTrx,
  tenantId: string,
  opts: { serviceIds?: readonly string[]; locationIds?: readonly string[]; salIds?: readonly string[] },
): Promise<ScheduleRow[]> {
  const { serviceIds = [], locationIds = [], salIds = [] } = opts;
  if (serviceIds.length + locationIds.length + salIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('socialmap_schedules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        ...(serviceIds.length ? [eb('service_id', 'in', serviceIds)] : []),
        ...(locationIds.length ? [eb('location_id', 'in', locationIds)] : []),
        ...(salIds.length ? [eb('service_at_location_id', 'in', salIds)] : []),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertScheduleException(
  db: DbOrTrx,
  row: Insertable<SocialmapScheduleExceptionsTable>,
): Promise<ScheduleExceptionRow | undefined> {
  return db
    .insertInto('socialmap_schedule_exceptions')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'schedule_id', 'date']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function deleteScheduleException(db: DbOrTrx, tenantId: string, id: string): Promise<ScheduleExceptionRow | undefined> {
  return db
    .deleteFrom('socialmap_schedule_exceptions')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function listScheduleExceptions(
  db: DbOrTrx,
  tenantId: string,
  scheduleIds: readonly string[],
  opts: { from?: string; to?: string } = {},
): Promise<ScheduleExceptionRow[]> {
  if (scheduleIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('socialmap_schedule_exceptions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('schedule_id', 'in', scheduleIds);
  if (opts.from) q = q.where('date', '>=', opts.from);
  if (opts.to) q = q.where('date', '<=', opts.to);
  return q.orderBy('date').execute();
}
