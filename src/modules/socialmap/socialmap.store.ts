/**
 * Queries on the socialmap tables: organisations, services, locations, addresses and their links.
 * Every query is scoped by tenant_id. Schedules and taxonomies live in store/*.ts.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/database.ts';
import type {
  SocialmapAddressesTable,
  SocialmapLocationsTable,
  SocialmapOrganizationsTable,
  SocialmapServicesTable,
} from './socialmap.tables.ts';

export * from './records/schedules.store.ts';
export * from './taxonomy/taxonomy.store.ts';
export * from './records/links.store.ts';

export type OrganizationRow = Selectable<SocialmapOrganizationsTable>;
/** A service row without the generated search vector. */
export type ServiceRow = Omit<Selectable<SocialmapServicesTable>, 'search_vector'>;
export type LocationRow = Selectable<SocialmapLocationsTable>;
export type AddressRow = Selectable<SocialmapAddressesTable>;

export const SERVICE_COLUMNS = [
  'tenant_id',
  'id',
  'organization_id',
  'name',
  'alternate_name',
  'description',
  'url',
  'email',
  'status',
  'interpretation_services',
  'application_process',
  'fees_description',
  'wait_time',
  'fees',
  'accreditations',
  'eligibility_description',
  'minimum_age',
  'maximum_age',
  'assured_date',
  'assurer_email',
  'licenses',
  'alert',
  'last_checked_at',
  'is_demo',
  'created_at',
  'updated_at',
] as const;

// --- organisations ---

export async function insertOrganization(db: DbOrTrx, row: Insertable<SocialmapOrganizationsTable>): Promise<OrganizationRow> {
  return db.insertInto('socialmap_organizations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganization(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  patch: Updateable<SocialmapOrganizationsTable>,
): Promise<OrganizationRow | undefined> {
  return db
    .updateTable('socialmap_organizations')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function findOrganization(db: DbOrTrx, tenantId: string, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('socialmap_organizations').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function listOrganizations(
  db: DbOrTrx,
  tenantId: string,
  opts: { peopleOrganisationIds?: readonly string[]; ids?: readonly string[] } = {},
): Promise<OrganizationRow[]> {
  let q = db.selectFrom('socialmap_organizations').selectAll().where('tenant_id', '=', tenantId);
  if (opts.peopleOrganisationIds) {
    if (opts.peopleOrganisationIds.length === 0) return Promise.resolve([]);
    q = q.where('people_organisation_id', 'in', opts.peopleOrganisationIds);
  }
  if (opts.ids) {
    if (opts.ids.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', opts.ids);
  }
  return q.orderBy('name').orderBy('id').execute();
}

// --- services ---

export async function insertService(db: DbOrTrx, row: Insertable<SocialmapServicesTable>): Promise<ServiceRow> {
  return db.insertInto('socialmap_services').values(row).returning(SERVICE_COLUMNS).executeTakeFirstOrThrow();
}

export async function updateService(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  patch: Updateable<SocialmapServicesTable>,
): Promise<ServiceRow | undefined> {
  return db
    .updateTable('socialmap_services')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(SERVICE_COLUMNS)
    .executeTakeFirst();
}

export function findService(db: DbOrTrx, tenantId: string, id: string): Promise<ServiceRow | undefined> {
  return db
    .selectFrom('socialmap_services')
    .select(SERVICE_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listServices(
  db: DbOrTrx,
  tenantId: string,
  opts: { organizationId?: string; ids?: readonly string[]; onlyActive?: boolean } = {},
): Promise<ServiceRow[]> {
  let q = db.selectFrom('socialmap_services').select(SERVICE_COLUMNS).where('tenant_id', '=', tenantId);
  if (opts.organizationId) q = q.where('organization_id', '=', opts.organizationId);
  if (opts.onlyActive) q = q.where('status', '=', 'active');
  if (opts.ids) {
    if (opts.ids.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', opts.ids);
  }
  return q.orderBy('name').orderBy('id').execute();
}

export async function deleteService(db: DbOrTrx, tenantId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('socialmap_services').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// --- locations and addresses ---

export async function insertLocation(db: DbOrTrx, row: Insertable<SocialmapLocationsTable>): Promise<LocationRow> {
  return db.insertInto('socialmap_locations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateLocation(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  patch: Updateable<SocialmapLocationsTable>,
): Promise<LocationRow | undefined> {
  return db
    .updateTable('socialmap_locations')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function findLocation(db: DbOrTrx, tenantId: string, id: string): Promise<LocationRow | undefined> {
  return db.selectFrom('socialmap_locations').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function listLocations(
  db: DbOrTrx,
  tenantId: string,
  opts: { ids?: readonly string[]; areaCodes?: readonly string[]; organizationId?: string } = {},
): Promise<LocationRow[]> {
  let q = db.selectFrom('socialmap_locations').selectAll().where('tenant_id', '=', tenantId);
  if (opts.ids) {
    if (opts.ids.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', opts.ids);
  }
  if (opts.areaCodes) {
    const codes = opts.areaCodes;
    if (codes.length === 0) return Promise.resolve([]);
    q = q.where((eb) => eb.or([eb('buurt_code', 'in', codes), eb('wijk_code', 'in', codes)]));
  }
  if (opts.organizationId) q = q.where('organization_id', '=', opts.organizationId);
  return q.orderBy('name').orderBy('id').execute();
}

export function listAddresses(db: DbOrTrx, tenantId: string, locationIds: readonly string[]): Promise<AddressRow[]> {
  if (locationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('socialmap_addresses')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('location_id', 'in', locationIds)
    .orderBy('id')
    .execute();
}

/** Replace the physical address of a location by this one (or none). */
export async function replaceAddress(
  db: DbOrTrx,
  tenantId: string,
  locationId: string,
  row: Omit<Insertable<SocialmapAddressesTable>, 'tenant_id' | 'location_id'> | null,
): Promise<void> {
  await db.deleteFrom('socialmap_addresses').where('tenant_id', '=', tenantId).where('location_id', '=', locationId).execute();
  if (row) {
    await db
      .insertInto('socialmap_addresses')
      .values({ ...row, tenant_id: tenantId, location_id: locationId })
      .execute();
  }
}

/** Average point of the tenant's locations with an address at this postcode (`1234 AB`), or of the 4-digit area (`1234`). */
export async function pointOfPostcode(db: DbOrTrx, tenantId: string, postcode: string): Promise<{ lat: number; lon: number } | null> {
  let q = db
    .selectFrom('socialmap_addresses as a')
    .innerJoin('socialmap_locations as l', (j) => j.onRef('l.tenant_id', '=', 'a.tenant_id').onRef('l.id', '=', 'a.location_id'))
    .select((eb) => [eb.fn.avg<number>('l.latitude').as('lat'), eb.fn.avg<number>('l.longitude').as('lon')])
    .where('a.tenant_id', '=', tenantId)
    .where('l.latitude', 'is not', null);
  q =
    postcode.length === 4
      ? q.where('a.postal_code', '>=', `${postcode} AA`).where('a.postal_code', '<=', `${postcode} ZZ`)
      : q.where('a.postal_code', '=', postcode);
  const r = await q.executeTakeFirst();
  if (!r || r.lat === null || r.lon === null) return null;
  return { lat: Number(r.lat), lon: Number(r.lon) };
}
