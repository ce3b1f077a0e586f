/** Which people organisations maintain a social map entry (read by access.ts before a write). */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { isUuid } from '../../../platform/ids.ts';

/** What is written to: an organisation entry, a service, a location or a schedule (by id). */
export interface EntryRef {
  organizationId?: string | null;
  serviceId?: string | null;
  locationId?: string | null;
  scheduleId?: string | null;
}

/** The people organisations linked to the organisation entries behind these social map rows. */
export async function peopleOrganisationsOf(db: DbOrTrx, tenantId: string, ref: EntryRef): Promise<(string | null)[]> {
  const orgIds = new Set<string>();
  const serviceIds = new Set<string>();
  const locationIds = new Set<string>();
  if (ref.organizationId && isUuid(ref.organizationId)) orgIds.add(ref.organizationId);
  if (ref.serviceId && isUuid(ref.serviceId)) serviceIds.add(ref.serviceId);
  if (ref.locationId && isUuid(ref.locationId)) locationIds.add(ref.locationId);
  if (ref.scheduleId && isUuid(ref.scheduleId)) {
    const s = await db
      .selectFrom('socialmap_schedules as s')
      .leftJoin('socialmap_service_at_locations as sal', (j) =>
        j.onRef('sal.tenant_id', '=', 's.tenant_id').onRef('sal.id', '=', 's.service_at_location_id'),
      )
      .select(['s.service_id', 's.location_id', 'sal.service_id as sal_service_id'])
      .where('s.tenant_id', '=', tenantId)
      .where('s.id', '=', ref.scheduleId)
      .executeTakeFirst();
    for (const id of [s?.service_id, s?.sal_service_id]) if (id) serviceIds.add(id);
    if (s?.location_id) locationIds.add(s.location_id);
  }
  if (locationIds.size > 0) {
    // A location of an organisation belongs to it; a location without one to the services held there.
    const rows = await db
      .selectFrom('socialmap_locations as l')
      .leftJoin('socialmap_service_at_locations as sal', (j) =>
        j.onRef('sal.tenant_id', '=', 'l.tenant_id').onRef('sal.location_id', '=', 'l.id'),
      )
      .select(['l.organization_id', 'sal.service_id'])
      .where('l.tenant_id', '=', tenantId)
      .where('l.id', 'in', [...locationIds])
      .execute();
    for (const r of rows) {
      if (r.organization_id) orgIds.add(r.organization_id);
      else if (r.service_id) serviceIds.add(r.service_id);
    }
  }
  if (serviceIds.size > 0) {
    const rows = await db
      .selectFrom('socialmap_services')
      .select('organization_id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', [...serviceIds])
      .execute();
    for (const r of rows) orgIds.add(r.organization_id);
  }
  if (orgIds.size === 0) return [];
  const orgs = await db
    .selectFrom('socialmap_organizations')
    .select('people_organisation_id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...orgIds])
    .execute();
  return orgs.map((o) => o.people_organisation_id);
}
