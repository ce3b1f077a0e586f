/**
 * Read-only look-ups of the resident side (result cards, service page, leaflet, iCal feeds,
 * geocoding); the search query itself is in find.search.store.ts. Every query is scoped by
 * tenant_id. Only active services are shown to residents.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Occurrence, ScheduleRule } from '../schedule.ts';

/** A term's name in the reader's language (the Dutch name when no English one is stored). */
export function termName(t: { name: string; name_en: string | null }, locale: 'nl' | 'en'): string {
  return locale === 'en' && t.name_en ? t.name_en : t.name;
}

/** A LIKE pattern that matches the text literally. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

export interface ServiceRow {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  url: string | null;
  email: string | null;
  status: string;
  eligibility_description: string | null;
  fees_description: string | null;
  application_process: string | null;
  alert: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  last_checked_at: Date | null;
  updated_at: Date;
  is_demo: boolean;
  organization_id: string;
  organization_name: string;
  organization_website: string | null;
  organization_email: string | null;
}

const serviceColumns = sql`s.id, s.name, s.alternate_name, s.description, s.url, s.email, s.status, s.eligibility_description,
  s.fees_description, s.application_process, s.alert, s.minimum_age, s.maximum_age, s.last_checked_at, s.updated_at, s.is_demo,
  s.organization_id, o.name as organization_name, o.website as organization_website, o.email as organization_email`;

/** Active services by id (unknown or inactive ids are left out). */
export async function servicesByIds(db: DbOrTrx, tenantId: string, ids: readonly string[]): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<ServiceRow>`
    select ${serviceColumns}
    from socialmap_services s
    join socialmap_organizations o on o.tenant_id = s.tenant_id and o.id = s.organization_id
    where s.tenant_id = ${tenantId} and s.status = 'active' and s.id = any(${[...ids]}::uuid[])`.execute(db);
  return r.rows;
}

export interface LocationRow {
  service_id: string;
  id: string;
  name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  buurt_code: string | null;
  wijk_code: string | null;
  address_1: string | null;
  address_2: string | null;
  postal_code: string | null;
  city: string | null;
}

/** The locations of services, with their first physical address. */
export async function locationsOfServices(db: DbOrTrx, tenantId: string, serviceIds: readonly string[]): Promise<LocationRow[]> {
  if (serviceIds.length === 0) return [];
  const r = await sql<LocationRow>`
    select sal.service_id, l.id, l.name, l.description, l.transportation, l.latitude, l.longitude, l.buurt_code, l.wijk_code,
      ad.address_1, ad.address_2, ad.postal_code, ad.city
    from socialmap_service_at_locations sal
    join socialmap_locations l on l.tenant_id = sal.tenant_id and l.id = sal.location_id
    left join lateral (
      select a.address_1, a.address_2, a.postal_code, a.city from socialmap_addresses a
      where a.tenant_id = l.tenant_id and a.location_id = l.id
      order by (a.address_type = 'physical') desc, a.id limit 1
    ) ad on true
    where sal.tenant_id = ${tenantId} and sal.service_id = any(${[...serviceIds]}::uuid[])
    order by l.name nulls last, l.id`.execute(db);
  return r.rows;
}

export interface TermRow {
  link_id: string;
  code: string | null;
  name: string;
  name_en: string | null;
  taxonomy_code: string | null;
}

/** Taxonomy terms attached to services or locations. */
export async function termsOf(db: DbOrTrx, tenantId: string, linkIds: readonly string[]): Promise<TermRow[]> {
  if (linkIds.length === 0) return [];
  const r = await sql<TermRow>`
    select a.link_id, t.code, t.name, t.name_en, tx.code as taxonomy_code
    from socialmap_attributes a
    join socialmap_taxonomy_terms t on t.tenant_id = a.tenant_id and t.id = a.taxonomy_term_id
    left join socialmap_taxonomies tx on tx.tenant_id = t.tenant_id and tx.id = t.taxonomy_id
    where a.tenant_id = ${tenantId} and a.link_id = any(${[...new Set(linkIds)]}::uuid[])
    order by t.name`.execute(db);
  return r.rows;
}

export interface TermOption {
  code: string;
  name: string;
  name_en: string | null;
  taxonomy_code: string;
}

/** The terms with a code of the given taxonomies (for the search form). */
export async function termOptions(db: DbOrTrx, tenantId: string): Promise<TermOption[]> {
  const r = await sql<TermOption>`
    select t.code, t.name, t.name_en, tx.code as taxonomy_code
    from socialmap_taxonomy_terms t
    join socialmap_taxonomies tx on tx.tenant_id = t.tenant_id and tx.id = t.taxonomy_id
    where t.tenant_id = ${tenantId} and t.code is not null and tx.code is not null
    order by tx.code, t.name`.execute(db);
  return r.rows;
}

export interface ScheduleRow extends ScheduleRule {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  description: string | null;
  notes: string | null;
  attending_type: string | null;
}

/**
 * The schedules of each service: its own (directly or per service-at-location), or else the
 * opening hours of its locations, each with its cancelled dates.
 */
export async function schedulesOfServices(
  db: DbOrTrx,
  tenantId: string,
  serviceIds: readonly string[],
): Promise<Map<string, ScheduleRow[]>> {
  const out = new Map<string, ScheduleRow[]>();
  if (serviceIds.length === 0) return out;
  const ids = [...new Set(serviceIds)];
  const sals = (
    await sql<{ id: string; service_id: string; location_id: string }>`
      select id, service_id, location_id from socialmap_service_at_locations
      where tenant_id = ${tenantId} and service_id = any(${ids}::uuid[])`.execute(db)
  ).rows;
  const salIds = sals.map((s) => s.id);
  const locIds = [...new Set(sals.map((s) => s.location_id))];
  const rows = (
    await sql<ScheduleRow>`
      select id, service_id, location_id, service_at_location_id, freq, interval, byday, bymonthday, byweekno, byyearday, wkst,
        dtstart, valid_from, valid_to, until, count, opens_at, closes_at, timezone, description, notes, attending_type
      from socialmap_schedules
      where tenant_id = ${tenantId} and (service_id = any(${ids}::uuid[])
        ${salIds.length ? sql`or service_at_location_id = any(${salIds}::uuid[])` : sql``}
        ${locIds.length ? sql`or (service_id is null and service_at_location_id is null and location_id = any(${locIds}::uuid[]))` : sql``})
      order by opens_at nulls last, id`.execute(db)
  ).rows;
  const cancelled = new Map<string, string[]>();
  if (rows.length) {
    const ex = await sql<{ schedule_id: string; date: string }>`
      select schedule_id, date from socialmap_schedule_exceptions
      where tenant_id = ${tenantId} and kind = 'cancelled' and schedule_id = any(${rows.map((r) => r.id)}::uuid[])`.execute(db);
    for (const e of ex.rows) cancelled.set(e.schedule_id, [...(cancelled.get(e.schedule_id) ?? []), e.date]);
  }
  const salService = new Map(sals.map((s) => [s.id, s.service_id]));
  for (const id of ids) {
    const own = rows.filter(
      (r) => r.service_id === id || (r.service_at_location_id !== null && salService.get(r.service_at_location_id) === id),
    );
    const locs = new Set(sals.filter((s) => s.service_id === id).map((s) => s.location_id));
    const list = own.length
      ? own
      : rows.filter((r) => r.service_id === null && r.service_at_location_id === null && r.location_id !== null && locs.has(r.location_id));
    out.set(
      id,
      list.map((r) => ({ ...r, cancelled: cancelled.get(r.id) ?? [] })),
    );
  }
  return out;
}

/**
 * From the precomputed occurrences (socialmap_occurrences): per service, the first occurrence that
 * is not cancelled, has not ended at `now` and starts before `to` — earliest start first, a tie in
 * the order schedulesOfServices gives the rules (opens_at nulls last, id), as schedule.ts's
 * nextOccurrences() picks it. Services without one are left out. The caller makes sure the stored
 * window covers [now, to), so the answer equals expanding the schedules over that span.
 */
export async function firstStoredOccurrences(
  db: DbOrTrx,
  tenantId: string,
  serviceIds: readonly string[],
  now: Date,
  to: Date,
): Promise<Map<string, Occurrence>> {
  const out = new Map<string, Occurrence>();
  if (serviceIds.length === 0) return out;
  const r = await sql<{ service_id: string; schedule_id: string; starts_at: Date; ends_at: Date; date: string; all_day: boolean }>`
    select distinct on (o.service_id) o.service_id, o.schedule_id, o.starts_at, o.ends_at, o.date, o.all_day
    from socialmap_occurrences o
    join socialmap_schedules sc on sc.tenant_id = o.tenant_id and sc.id = o.schedule_id
    where o.tenant_id = ${tenantId} and o.service_id = any(${[...new Set(serviceIds)]}::uuid[]) and not o.cancelled
      and o.ends_at > ${now} and o.starts_at < ${to}
    order by o.service_id, o.starts_at, sc.opens_at nulls last, sc.id`.execute(db);
  for (const row of r.rows) {
    out.set(row.service_id, {
      scheduleId: row.schedule_id,
      date: row.date,
      start: new Date(row.starts_at),
      end: new Date(row.ends_at),
      allDay: row.all_day,
      cancelled: false,
    });
  }
  return out;
}

export interface PhoneRow {
  number: string;
  description: string | null;
  service_id: string | null;
  location_id: string | null;
  organization_id: string | null;
}

/** Phone numbers of services, their locations or organisations. */
export async function phonesOf(
  db: DbOrTrx,
  tenantId: string,
  ids: { services: readonly string[]; locations: readonly string[]; organizations: readonly string[] },
): Promise<PhoneRow[]> {
  const parts: RawBuilder<unknown>[] = [];
  if (ids.services.length) parts.push(sql`service_id = any(${[...ids.services]}::uuid[])`);
  if (ids.locations.length) parts.push(sql`location_id = any(${[...ids.locations]}::uuid[])`);
  if (ids.organizations.length) parts.push(sql`organization_id = any(${[...ids.organizations]}::uuid[])`);
  if (!parts.length) return [];
  const r = await sql<PhoneRow>`
    select number, description, service_id, location_id, organization_id from socialmap_phones
    where tenant_id = ${tenantId} and (${sql.join(parts, sql` or `)}) order by number`.execute(db);
  return r.rows;
}

export interface AccessibilityRow {
  location_id: string;
  description: string | null;
  details: string | null;
}

/** Free-text accessibility notes of locations (HSDS accessibility table). */
export async function accessibilityOf(db: DbOrTrx, tenantId: string, locationIds: readonly string[]): Promise<AccessibilityRow[]> {
  if (locationIds.length === 0) return [];
  const r = await sql<AccessibilityRow>`
    select location_id, description, details from socialmap_accessibility
    where tenant_id = ${tenantId} and location_id = any(${[...locationIds]}::uuid[])`.execute(db);
  return r.rows;
}

/** Languages of a service. */
export async function languagesOf(db: DbOrTrx, tenantId: string, serviceId: string): Promise<string[]> {
  const r = await sql<{ name: string | null; code: string | null }>`
    select name, code from socialmap_languages where tenant_id = ${tenantId} and service_id = ${serviceId} order by name`.execute(db);
  return r.rows.map((x) => x.name ?? x.code ?? '').filter(Boolean);
}

/** Ids of active services with a location in the area (buurt or wijk code). */
export async function serviceIdsInArea(db: DbOrTrx, tenantId: string, code: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    select distinct s.id, s.name from socialmap_services s
    join socialmap_service_at_locations sal on sal.tenant_id = s.tenant_id and sal.service_id = s.id
    join socialmap_locations l on l.tenant_id = sal.tenant_id and l.id = sal.location_id
    where s.tenant_id = ${tenantId} and s.status = 'active' and (l.buurt_code = ${code} or l.wijk_code = ${code})
    order by s.name, s.id`.execute(db);
  return r.rows.map((x) => x.id);
}

export interface AddressPoint {
  address_1: string;
  postal_code: string;
  city: string;
  latitude: number;
  longitude: number;
}

/** Known addresses (with a point) of the tenant's social-map locations whose postcode starts with the prefix. */
export async function addressesByPostcode(db: DbOrTrx, tenantId: string, postcodePrefix: string): Promise<AddressPoint[]> {
  const r = await sql<AddressPoint>`
    select a.address_1, a.postal_code, a.city, l.latitude, l.longitude
    from socialmap_addresses a
    join socialmap_locations l on l.tenant_id = a.tenant_id and l.id = a.location_id
    where a.tenant_id = ${tenantId} and l.latitude is not null and l.longitude is not null
      and upper(replace(a.postal_code, ' ', '')) like ${postcodePrefix + '%'}
    limit 500`.execute(db);
  return r.rows;
}

/** Known addresses (with a point) whose street line, city or place name contains every given word. */
export async function addressesByText(db: DbOrTrx, tenantId: string, words: readonly string[]): Promise<AddressPoint[]> {
  if (words.length === 0) return [];
  const conds = words.map((w) => {
    const p = '%' + likeEscape(w) + '%';
    return sql`(a.address_1 ilike ${p} or a.city ilike ${p} or coalesce(l.name, '') ilike ${p})`;
  });
  const r = await sql<AddressPoint>`
    select a.address_1, a.postal_code, a.city, l.latitude, l.longitude
    from socialmap_addresses a
    join socialmap_locations l on l.tenant_id = a.tenant_id and l.id = a.location_id
    where a.tenant_id = ${tenantId} and l.latitude is not null and l.longitude is not null and ${sql.join(conds, sql` and `)}
    limit 200`.execute(db);
  return r.rows;
}
