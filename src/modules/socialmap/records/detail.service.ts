/** Everything a service page needs, read in a few queries. */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import * as store from '../socialmap.store.ts';
import type { Organization } from './organizations.service.ts';
import type { Service } from './services.service.ts';
import type { Address, Location } from './locations.service.ts';
import type { Schedule, ScheduleException } from './schedules.service.ts';
import { termsByEntity, type TaxonomyTerm } from '../taxonomy/taxonomy.service.ts';
import { isUuid } from '../../../platform/ids.ts';

export type Phone = store.PhoneRow;
export type Accessibility = store.AccessibilityRow;
export type Language = store.LanguageRow;

export interface ServiceLocationDetail {
  serviceAtLocationId: string;
  description: string | null;
  location: Location;
  /** The first physical address (Dutch locations have one). */
  address: Address | null;
  addresses: Address[];
  accessibility: Accessibility[];
  /** Accessibility (and other) terms of the location. */
  terms: TaxonomyTerm[];
  /** Schedules of the location itself and of this service at this location. */
  schedules: Schedule[];
  phones: Phone[];
}

export interface ServiceDetail {
  service: Service;
  organization: Organization;
  /** Terms of the service (functions, target groups…). */
  terms: TaxonomyTerm[];
  /** Schedules attached to the service itself. */
  schedules: Schedule[];
  /** Cancelled dates of every schedule in this detail. */
  exceptions: ScheduleException[];
  phones: Phone[];
  languages: Language[];
  locations: ServiceLocationDetail[];
}

/** A service with its organisation, terms, schedules, cancelled dates, phones and locations (any status), or null. */
export async function getServiceDetail(db: DbOrTrx, tenantId: string, id: string): Promise<ServiceDetail | null> {
  if (!isUuid(id)) return null;
  const service = await store.findService(db, tenantId, id);
  if (!service) return null;
  const organization = await store.findOrganization(db, tenantId, service.organization_id);
  if (!organization) return null;
  const sals = await store.listServiceAtLocations(db, tenantId, { serviceIds: [id] });
  const locationIds = sals.map((s) => s.location_id);
  const salIds = sals.map((s) => s.id);
  const [locations, addresses, accessibility, schedules, phones, languages, terms] = await Promise.all([
    store.listLocations(db, tenantId, { ids: locationIds }),
    store.listAddresses(db, tenantId, locationIds),
    store.listAccessibility(db, tenantId, locationIds),
    store.listSchedules(db, tenantId, { serviceIds: [id], locationIds, salIds }),
    store.listPhones(db, tenantId, { serviceIds: [id], locationIds, salIds }),
    store.listLanguages(db, tenantId, { serviceIds: [id] }),
    termsByEntity(db, tenantId, [id, ...locationIds]),
  ]);
  const exceptions = await store.listScheduleExceptions(
    db,
    tenantId,
    schedules.map((s) => s.id),
  );
  const byLocation = new Map(locations.map((l) => [l.id, l]));
  return {
    service,
    organization,
    terms: terms.get(id) ?? [],
    schedules: schedules.filter((s) => s.service_id === id),
    exceptions,
    phones: phones.filter((p) => p.service_id === id),
    languages,
    locations: sals.flatMap((sal) => {
      const location = byLocation.get(sal.location_id);
      if (!location) return [];
      const own = addresses.filter((a) => a.location_id === location.id);
      return [
        {
          serviceAtLocationId: sal.id,
          description: sal.description,
          location,
          address: own.find((a) => a.address_type === 'physical') ?? own[0] ?? null,
          addresses: own,
          accessibility: accessibility.filter((a) => a.location_id === location.id),
          terms: terms.get(location.id) ?? [],
          schedules: schedules.filter((s) => s.location_id === location.id || s.service_at_location_id === sal.id),
          phones: phones.filter((p) => p.location_id === location.id || p.service_at_location_id === sal.id),
        },
      ];
    }),
  };
}
