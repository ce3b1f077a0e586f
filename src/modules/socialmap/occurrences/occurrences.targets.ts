/**
 * Which services a change decides the dates of: the look-ups that edits and the HSDS import make
 * before they refresh `socialmap_occurrences` (occurrences.service.ts). Plain reads, no locks.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { isUuid } from '../../../platform/ids.ts';

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
