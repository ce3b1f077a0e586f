/**
 * Queries of keeping the social map fresh: the reminders table (ours), and read-only views of the
 * core tables (writes to those go through socialmap.service.ts). The suggestions table's queries
 * are in keep.suggestions.store.ts. Every query is scoped to one tenant.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { ServiceStatus } from '../socialmap.tables.ts';

// --- who maintains what ---

export interface ServiceOwnerRow {
  id: string;
  name: string;
  status: ServiceStatus;
  organization_id: string;
  organization_name: string;
  people_organisation_id: string | null;
  last_checked_at: Date | null;
  updated_at: Date;
}

/** A service of the tenant with its organisation and the people organisation that maintains it. */
export async function findServiceOwner(db: DbOrTrx, tenantId: string, serviceId: string): Promise<ServiceOwnerRow | undefined> {
  return db
    .selectFrom('socialmap_services as s')
    .innerJoin('socialmap_organizations as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.organization_id'))
    .select([
      's.id',
      's.name',
      's.status',
      's.organization_id',
      'o.name as organization_name',
      'o.people_organisation_id',
      's.last_checked_at',
      's.updated_at',
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.id', '=', serviceId)
    .executeTakeFirst();
}

export interface KeepServiceRow extends ServiceOwnerRow {
  open_suggestions: number;
}

/** Services of the tenant for the maintenance list, optionally only those of some people organisations; by organisation and name. */
export async function listKeepServices(
  db: DbOrTrx,
  tenantId: string,
  peopleOrganisationIds: readonly string[] | null,
): Promise<KeepServiceRow[]> {
  if (peopleOrganisationIds && peopleOrganisationIds.length === 0) return [];
  return db
    .selectFrom('socialmap_services as s')
    .innerJoin('socialmap_organizations as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.organization_id'))
    .select([
      's.id',
      's.name',
      's.status',
      's.organization_id',
      'o.name as organization_name',
      'o.people_organisation_id',
      's.last_checked_at',
      's.updated_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('socialmap_suggestions as g')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('g.tenant_id', '=', 's.tenant_id')
        .whereRef('g.service_id', '=', 's.id')
        .where('g.status', '=', 'open')
        .as('open_suggestions'),
    )
    .where('s.tenant_id', '=', tenantId)
    .$if(peopleOrganisationIds !== null, (q) => q.where('o.people_organisation_id', 'in', peopleOrganisationIds!))
    .orderBy('o.name')
    .orderBy('s.name')
    .execute() as Promise<KeepServiceRow[]>;
}

/** Socialmap organisations of the tenant, optionally only those linked to some people organisations; by name. */
export async function listKeepOrganizations(db: DbOrTrx, tenantId: string, peopleOrganisationIds: readonly string[] | null) {
  if (peopleOrganisationIds && peopleOrganisationIds.length === 0) return [];
  return db
    .selectFrom('socialmap_organizations')
    .select(['id', 'name', 'people_organisation_id'])
    .where('tenant_id', '=', tenantId)
    .$if(peopleOrganisationIds !== null, (q) => q.where('people_organisation_id', 'in', peopleOrganisationIds!))
    .orderBy('name')
    .execute();
}

// --- coverage and export ---

/** Term codes attached to services or locations of the tenant (HSDS attributes), by entity id; optionally only of some entities. */
export async function termCodesByEntity(
  db: DbOrTrx,
  tenantId: string,
  entity: 'service' | 'location',
  linkIds: readonly string[] | null = null,
): Promise<Map<string, string[]>> {
  if (linkIds && linkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('socialmap_attributes as a')
    .innerJoin('socialmap_taxonomy_terms as t', (j) => j.onRef('t.tenant_id', '=', 'a.tenant_id').onRef('t.id', '=', 'a.taxonomy_term_id'))
    .select(['a.link_id', 't.code'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.link_entity', '=', entity)
    .where('t.code', 'is not', null)
    .$if(linkIds !== null, (q) => q.where('a.link_id', 'in', linkIds!))
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.link_id);
    if (list) list.push(r.code!);
    else out.set(r.link_id, [r.code!]);
  }
  return out;
}

export interface ServicePlaceRow {
  service_id: string;
  location_id: string;
  location_name: string | null;
  buurt_code: string | null;
  wijk_code: string | null;
  address_1: string | null;
  postal_code: string | null;
  city: string | null;
}

/** Every (service, location) pair of the tenant with the location's area and first address, optionally only in some areas. */
export async function listServicePlaces(
  db: DbOrTrx,
  tenantId: string,
  areaCodes: readonly string[] | null = null,
): Promise<ServicePlaceRow[]> {
  if (areaCodes && areaCodes.length === 0) return [];
  return db
    .selectFrom('socialmap_service_at_locations as sal')
    .innerJoin('socialmap_locations as l', (j) => j.onRef('l.tenant_id', '=', 'sal.tenant_id').onRef('l.id', '=', 'sal.location_id'))
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('socialmap_addresses')
          .distinctOn(['tenant_id', 'location_id'])
          .select(['tenant_id', 'location_id', 'address_1', 'postal_code', 'city'])
          .where('tenant_id', '=', tenantId)
          .orderBy('tenant_id')
          .orderBy('location_id')
          .orderBy('address_type')
          .as('ad'),
      (j) => j.onRef('ad.location_id', '=', 'l.id'),
    )
    .select([
      'sal.service_id',
      'l.id as location_id',
      'l.name as location_name',
      'l.buurt_code',
      'l.wijk_code',
      'ad.address_1',
      'ad.postal_code',
      'ad.city',
    ])
    .where('sal.tenant_id', '=', tenantId)
    .$if(areaCodes !== null, (q) => q.where((eb) => eb.or([eb('l.buurt_code', 'in', areaCodes!), eb('l.wijk_code', 'in', areaCodes!)])))
    .execute();
}

export interface ExportServiceRow {
  id: string;
  name: string;
  status: string;
  organization_name: string;
  last_checked_at: Date | null;
  updated_at: Date;
  is_demo: boolean;
}

/** Every service of the tenant (or only these ids) with its organisation's name, by name. */
export async function listServicesForExport(
  db: DbOrTrx,
  tenantId: string,
  ids: readonly string[] | null = null,
): Promise<ExportServiceRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .selectFrom('socialmap_services as s')
    .innerJoin('socialmap_organizations as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.organization_id'))
    .select(['s.id', 's.name', 's.status', 'o.name as organization_name', 's.last_checked_at', 's.updated_at', 's.is_demo'])
    .where('s.tenant_id', '=', tenantId)
    .$if(ids !== null, (q) => q.where('s.id', 'in', ids!))
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

/** Locations of the tenant with their first address (duplicate detection). */
export async function listLocationsWithAddress(db: DbOrTrx, tenantId: string) {
  return db
    .selectFrom('socialmap_locations as l')
    .leftJoin('socialmap_addresses as ad', (j) => j.onRef('ad.tenant_id', '=', 'l.tenant_id').onRef('ad.location_id', '=', 'l.id'))
    .select(['l.id', 'l.name', 'ad.address_1', 'ad.postal_code'])
    .where('l.tenant_id', '=', tenantId)
    .execute();
}

// --- freshness reminders ---

export interface DueServiceRow {
  id: string;
  name: string;
  last_checked_at: Date | null;
  people_organisation_id: string;
}

/** Active services of the tenant maintained by a people organisation, checked before `before` (or never), not yet reminded for that period. */
export async function listDueServices(db: DbOrTrx, tenantId: string, before: Date): Promise<DueServiceRow[]> {
  const rows = await db
    .selectFrom('socialmap_services as s')
    .innerJoin('socialmap_organizations as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.organization_id'))
    .select(['s.id', 's.name', 's.last_checked_at', 'o.people_organisation_id'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.status', '=', 'active')
    .where('o.people_organisation_id', 'is not', null)
    .where((eb) => eb.or([eb('s.last_checked_at', 'is', null), eb('s.last_checked_at', '<', before)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('socialmap_check_reminders as r')
            .select('r.service_id')
            .whereRef('r.tenant_id', '=', 's.tenant_id')
            .whereRef('r.service_id', '=', 's.id')
            .where('r.period', '=', periodSql(sql.ref('s.last_checked_at'))),
        ),
      ),
    )
    .orderBy('s.id')
    .execute();
  return rows as DueServiceRow[];
}

/** The period key of a reminder: the check it is about, to the millisecond in UTC (computed in SQL on both sides). */
function periodSql(checkedAt: RawBuilder<unknown>) {
  return sql<string>`coalesce(to_char(${checkedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'), 'never')`;
}

/** Remember that the providers of a service were asked for this period. */
export async function insertReminder(
  db: DbOrTrx,
  tenantId: string,
  serviceId: string,
  lastCheckedAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .insertInto('socialmap_check_reminders')
    .values({ tenant_id: tenantId, service_id: serviceId, period: periodSql(sql`${lastCheckedAt}::timestamptz`), sent_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'service_id', 'period']).doNothing())
    .execute();
}

/** Stale services (checked before `staleBefore`, or never) of the tenant, optionally only those with a place in some areas. */
export async function countStale(db: DbOrTrx, tenantId: string, staleBefore: Date, areaCodes: readonly string[] | null): Promise<number> {
  const row = await db
    .selectFrom('socialmap_services as s')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('s.tenant_id', '=', tenantId)
    .where('s.status', '=', 'active')
    .where((eb) => eb.or([eb('s.last_checked_at', 'is', null), eb('s.last_checked_at', '<', staleBefore)]))
    .$if(areaCodes !== null, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('socialmap_service_at_locations as sal')
            .innerJoin('socialmap_locations as l', (j) =>
              j.onRef('l.tenant_id', '=', 'sal.tenant_id').onRef('l.id', '=', 'sal.location_id'),
            )
            .select('sal.id')
            .whereRef('sal.tenant_id', '=', 's.tenant_id')
            .whereRef('sal.service_id', '=', 's.id')
            .where((e2) => e2.or([e2('l.buurt_code', 'in', areaCodes!), e2('l.wijk_code', 'in', areaCodes!)])),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}
