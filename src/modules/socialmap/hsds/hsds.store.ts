/** Bulk reads for the HSDS API and export: one query per table, scoped by tenant. */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { OrganizationRow, ServiceRow, LocationRow, AddressRow } from '../socialmap.store.ts';
import { SERVICE_COLUMNS } from '../socialmap.store.ts';
import {
  listLanguages,
  listPhones,
  type AccessibilityRow,
  type AttributeRow,
  type LanguageRow,
  type PhoneRow,
  type ServiceAtLocationRow,
} from '../records/links.store.ts';
import { listSchedules, type ScheduleExceptionRow, type ScheduleRow } from '../records/schedules.store.ts';
import type { TaxonomyRow, TermRow } from '../taxonomy/taxonomy.store.ts';

/** Rows of one tenant's social map (or the part of it around some services), table by table. */
export interface HsdsRows {
  organizations: OrganizationRow[];
  services: ServiceRow[];
  locations: LocationRow[];
  serviceAtLocations: ServiceAtLocationRow[];
  addresses: AddressRow[];
  phones: PhoneRow[];
  schedules: ScheduleRow[];
  exceptions: ScheduleExceptionRow[];
  accessibility: AccessibilityRow[];
  languages: LanguageRow[];
  taxonomies: TaxonomyRow[];
  terms: TermRow[];
  attributes: AttributeRow[];
}

function byIds<T>(ids: readonly string[], run: (ids: readonly string[]) => Promise<T[]>): Promise<T[]> {
  return ids.length === 0 ? Promise.resolve([]) : run(ids);
}

/**
 * Everything of the tenant (`services: 'all'`, optionally only active services) or everything
 * around these services: their organisations, locations, schedules, phones, terms…
 */
export async function loadHsdsRows(
  db: DbOrTrx,
  tenantId: string,
  scope: { services: readonly ServiceRow[] } | { all: true; onlyActive: boolean },
): Promise<HsdsRows> {
  const all = 'all' in scope;
  const services = all
    ? await db
        .selectFrom('socialmap_services')
        .select(SERVICE_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .$if(scope.onlyActive, (q) => q.where('status', '=', 'active'))
        .orderBy('name')
        .orderBy('id')
        .execute()
    : [...scope.services];
  const serviceIds = services.map((s) => s.id);
  const sals = all
    ? (await db.selectFrom('socialmap_service_at_locations').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute()).filter(
        (s) => !scope.onlyActive || serviceIds.includes(s.service_id),
      )
    : await byIds(serviceIds, (ids) =>
        db
          .selectFrom('socialmap_service_at_locations')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('service_id', 'in', ids)
          .orderBy('id')
          .execute(),
      );
  const organizations = all
    ? await db.selectFrom('socialmap_organizations').selectAll().where('tenant_id', '=', tenantId).orderBy('name').orderBy('id').execute()
    : await byIds([...new Set(services.map((s) => s.organization_id))], (ids) =>
        db.selectFrom('socialmap_organizations').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute(),
      );
  const locations = all
    ? await db.selectFrom('socialmap_locations').selectAll().where('tenant_id', '=', tenantId).orderBy('name').orderBy('id').execute()
    : await byIds([...new Set(sals.map((s) => s.location_id))], (ids) =>
        db.selectFrom('socialmap_locations').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).orderBy('id').execute(),
      );
  const locationIds = locations.map((l) => l.id);
  const salIds = sals.map((s) => s.id);
  const orgIds = organizations.map((o) => o.id);
  const inScope = <T extends { tenant_id: string }>(table: string) =>
    sql<T>`select * from ${sql.table(table)} where tenant_id = ${tenantId} order by id`;
  const [addresses, accessibility, schedulesAll, phonesAll, languagesAll, taxonomies, terms, attributesAll] = await Promise.all([
    all
      ? inScope<AddressRow>('socialmap_addresses')
          .execute(db)
          .then((r) => r.rows)
      : byIds(locationIds, (ids) =>
          db
            .selectFrom('socialmap_addresses')
            .selectAll()
            .where('tenant_id', '=', tenantId)
            .where('location_id', 'in', ids)
            .orderBy('id')
            .execute(),
        ),
    all
      ? inScope<AccessibilityRow>('socialmap_accessibility')
          .execute(db)
          .then((r) => r.rows)
      : byIds(locationIds, (ids) =>
          db
            .selectFrom('socialmap_accessibility')
            .selectAll()
            .where('tenant_id', '=', tenantId)
            .where('location_id', 'in', ids)
            .orderBy('id')
            .execute(),
        ),
    all
      ? inScope<ScheduleRow>('socialmap_schedules')
          .execute(db)
          .then((r) => r.rows)
      : listSchedules(db, tenantId, { serviceIds, locationIds, salIds }),
    all
      ? inScope<PhoneRow>('socialmap_phones')
          .execute(db)
          .then((r) => r.rows)
      : listPhones(db, tenantId, { serviceIds, locationIds, salIds, organizationIds: orgIds }),
    all
      ? inScope<LanguageRow>('socialmap_languages')
          .execute(db)
          .then((r) => r.rows)
      : Promise.resolve([] as LanguageRow[]),
    db.selectFrom('socialmap_taxonomies').selectAll().where('tenant_id', '=', tenantId).orderBy('name').orderBy('id').execute(),
    db.selectFrom('socialmap_taxonomy_terms').selectAll().where('tenant_id', '=', tenantId).orderBy('name').orderBy('id').execute(),
    all
      ? inScope<AttributeRow>('socialmap_attributes')
          .execute(db)
          .then((r) => r.rows)
      : byIds([...serviceIds, ...locationIds, ...orgIds, ...salIds], (ids) =>
          db
            .selectFrom('socialmap_attributes')
            .selectAll()
            .where('tenant_id', '=', tenantId)
            .where('link_id', 'in', ids)
            .orderBy('id')
            .execute(),
        ),
  ]);
  const s = new Set(serviceIds);
  const l = new Set(locationIds);
  const sa = new Set(salIds);
  const o = new Set(orgIds);
  const schedules = schedulesAll.filter(
    (x) =>
      (x.service_id && s.has(x.service_id)) ||
      (x.location_id && l.has(x.location_id)) ||
      (x.service_at_location_id && sa.has(x.service_at_location_id)),
  );
  const phones = phonesAll.filter(
    (x) =>
      (x.service_id && s.has(x.service_id)) ||
      (x.location_id && l.has(x.location_id)) ||
      (x.service_at_location_id && sa.has(x.service_at_location_id)) ||
      (x.organization_id && o.has(x.organization_id)),
  );
  const p = new Set(phones.map((x) => x.id));
  const languageRows = all ? languagesAll : await listLanguages(db, tenantId, { serviceIds, locationIds, phoneIds: [...p] });
  const languages = languageRows.filter(
    (x) => (x.service_id && s.has(x.service_id)) || (x.location_id && l.has(x.location_id)) || (x.phone_id && p.has(x.phone_id)),
  );
  const attributes = attributesAll.filter((a) => s.has(a.link_id) || l.has(a.link_id) || o.has(a.link_id) || sa.has(a.link_id) || !all);
  const exceptions = await byIds(
    schedules.map((x) => x.id),
    (ids) =>
      db
        .selectFrom('socialmap_schedule_exceptions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('schedule_id', 'in', ids)
        .orderBy('date')
        .execute(),
  );
  return {
    organizations,
    services,
    locations,
    serviceAtLocations: sals,
    addresses,
    phones,
    schedules,
    exceptions,
    accessibility,
    languages,
    taxonomies,
    terms,
    attributes,
  };
}
