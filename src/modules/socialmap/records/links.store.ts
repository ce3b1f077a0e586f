/** Queries on the socialmap link tables: service_at_location, attributes (terms), phones, accessibility, languages. */
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type {
  SocialmapAccessibilityTable,
  SocialmapAttributesTable,
  SocialmapLanguagesTable,
  SocialmapPhonesTable,
  SocialmapServiceAtLocationsTable,
} from '../socialmap.tables.ts';

export type ServiceAtLocationRow = Selectable<SocialmapServiceAtLocationsTable>;
export type AttributeRow = Selectable<SocialmapAttributesTable>;
export type PhoneRow = Selectable<SocialmapPhonesTable>;
export type AccessibilityRow = Selectable<SocialmapAccessibilityTable>;
export type LanguageRow = Selectable<SocialmapLanguagesTable>;

export function listServiceAtLocations(
  db: DbOrTrx,
  tenantId: string,
  opts: { serviceIds?: readonly string[]; locationIds?: readonly string[]; ids?: readonly string[] } = {},
): Promise<ServiceAtLocationRow[]> {
  let q = db.selectFrom('socialmap_service_at_locations').selectAll().where('tenant_id', '=', tenantId);
  for (const [col, vals] of [
    ['service_id', opts.serviceIds],
    ['location_id', opts.locationIds],
    ['id', opts.ids],
  ] as const) {
    if (!vals) continue;
    if (vals.length === 0) return Promise.resolve([]);
    q = q.where(col, 'in', vals);
  }
  return q.orderBy('id').execute();
}

/** Make the service's locations exactly these (keeps existing links and their ids). */
export async function syncServiceLocations(
  db: DbOrTrx,
  tenantId: string,
  serviceId: string,
  locationIds: readonly string[],
): Promise<void> {
  const existing = await listServiceAtLocations(db, tenantId, { serviceIds: [serviceId] });
  const keep = new Set(locationIds);
  const gone = existing.filter((s) => !keep.has(s.location_id)).map((s) => s.id);
  if (gone.length > 0) {
    await db.deleteFrom('socialmap_service_at_locations').where('tenant_id', '=', tenantId).where('id', 'in', gone).execute();
  }
  const have = new Set(existing.map((s) => s.location_id));
  const add = [...keep].filter((l) => !have.has(l));
  if (add.length > 0) {
    await db
      .insertInto('socialmap_service_at_locations')
      .values(add.map((location_id) => ({ tenant_id: tenantId, service_id: serviceId, location_id })))
      .execute();
  }
}

export function listAttributes(db: DbOrTrx, tenantId: string, linkIds: readonly string[]): Promise<AttributeRow[]> {
  if (linkIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('socialmap_attributes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('link_id', 'in', linkIds)
    .orderBy('id')
    .execute();
}

/** Make the entity's taxonomy terms exactly these. */
export async function replaceAttributes(
  db: DbOrTrx,
  tenantId: string,
  linkEntity: string,
  linkId: string,
  termIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('socialmap_attributes')
    .where('tenant_id', '=', tenantId)
    .where('link_id', '=', linkId)
    .where('link_entity', '=', linkEntity)
    .execute();
  const unique = [...new Set(termIds)];
  if (unique.length > 0) {
    await db
      .insertInto('socialmap_attributes')
      .values(unique.map((taxonomy_term_id) => ({ tenant_id: tenantId, link_id: linkId, link_entity: linkEntity, taxonomy_term_id })))
      .execute();
  }
}

export async function deleteAttributesOf(db: DbOrTrx, tenantId: string, linkId: string): Promise<void> {
  await db.deleteFrom('socialmap_attributes').where('tenant_id', '=', tenantId).where('link_id', '=', linkId).execute();
}

export function listPhones(
  db: DbOrTrx,
  tenantId: string,
  opts: {
    serviceIds?: readonly string[];
    locationIds?: readonly string[];
    organizationIds?: readonly string[];
    salIds?: readonly string[];
  },
): Promise<PhoneRow[]> {
  const { serviceIds = [], locationIds = [], organizationIds = [], salIds = [] } = opts;
  if (serviceIds.length + locationIds.length + organizationIds.length + salIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('socialmap_phones')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        ...(serviceIds.length ? [eb('service_id', 'in', serviceIds)] : []),
        ...(locationIds.length ? [eb('location_id', 'in', locationIds)] : []),
        ...(organizationIds.length ? [eb('organization_id', 'in', organizationIds)] : []),
        ...(salIds.length ? [eb('service_at_location_id', 'in', salIds)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
}

export async function insertPhone(db: DbOrTrx, row: Insertable<SocialmapPhonesTable>): Promise<PhoneRow> {
  return db.insertInto('socialmap_phones').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listAccessibility(db: DbOrTrx, tenantId: string, locationIds: readonly string[]): Promise<AccessibilityRow[]> {
  if (locationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('socialmap_accessibility')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('location_id', 'in', locationIds)
    .orderBy('id')
    .execute();
}

export function listLanguages(
  db: DbOrTrx,
  tenantId: string,
  opts: { serviceIds?: readonly string[]; locationIds?: readonly string[]; phoneIds?: readonly string[] },
): Promise<LanguageRow[]> {
  const { serviceIds = [], locationIds = [], phoneIds = [] } = opts;
  if (serviceIds.length + locationIds.length + phoneIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('socialmap_languages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        ...(serviceIds.length ? [eb('service_id', 'in', serviceIds)] : []),
        ...(locationIds.length ? [eb('location_id', 'in', locationIds)] : []),
        ...(phoneIds.length ? [eb('phone_id', 'in', phoneIds)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
}
