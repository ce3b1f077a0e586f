/** Data of the service page and the neighbourhood leaflet (resident side, read-only). */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { NotFound } from '../../../platform/errors.ts';
import { getArea } from '../../areas/areas.service.ts';
import * as store from './find.store.ts';
import { isOpenAt, nextOccurrences, occurrences, type Occurrence, type Range } from '../schedule.ts';
import { comingFromNow } from '../coming-days.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { TAXONOMY } from '../taxonomy/taxonomy.ts';
import { isUuid } from '../../../platform/ids.ts';

/** A phone number as the pages show it. */
export interface PagePhone {
  number: string;
  description: string | null;
}

/** A place of a service (its first physical address), as the service page and the leaflet show it. */
export interface PageLocation {
  id: string;
  name: string | null;
  transportation: string | null;
  address1: string | null;
  address2: string | null;
  postalCode: string | null;
  city: string | null;
  buurtCode: string | null;
  buurtName: string | null;
  wijkName: string | null;
  accessibility: string[];
  accessibilityNotes: string[];
  phones: PagePhone[];
}

/** The written part of a schedule (the times themselves are in `upcoming`). */
export interface PageSchedule {
  description: string | null;
  notes: string | null;
}

const pagePhone = (p: store.PhoneRow): PagePhone => ({ number: p.number, description: p.description });

/** The service as its page shows it. */
export interface FoundService {
  id: string;
  name: string;
  description: string | null;
  url: string | null;
  email: string | null;
  eligibilityDescription: string | null;
  feesDescription: string | null;
  applicationProcess: string | null;
  alert: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  lastCheckedAt: Date | null;
  updatedAt: Date;
  isDemo: boolean;
  organizationName: string;
  organizationWebsite: string | null;
  organizationEmail: string | null;
}

function foundService(s: store.ServiceRow): FoundService {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    url: s.url,
    email: s.email,
    eligibilityDescription: s.eligibility_description,
    feesDescription: s.fees_description,
    applicationProcess: s.application_process,
    alert: s.alert,
    minimumAge: s.minimum_age,
    maximumAge: s.maximum_age,
    lastCheckedAt: s.last_checked_at,
    updatedAt: s.updated_at,
    isDemo: s.is_demo,
    organizationName: s.organization_name,
    organizationWebsite: s.organization_website,
    organizationEmail: s.organization_email,
  };
}

export interface ServicePage {
  service: FoundService;
  functions: string[];
  targetGroups: string[];
  languages: string[];
  locations: PageLocation[];
  phones: PagePhone[];
  schedules: PageSchedule[];
  /** Upcoming occurrences, cancelled ones included and flagged. */
  upcoming: Occurrence[];
  openNow: boolean;
}

async function names(db: DbOrTrx, tenantId: string, codes: Iterable<string | null>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const code of new Set([...codes].filter((c): c is string => !!c))) {
    const area = await getArea(db, tenantId, code);
    if (area) out.set(code, area.name);
  }
  return out;
}

async function pageLocations(db: DbOrTrx, tenantId: string, locations: store.LocationRow[], locale: Locale): Promise<PageLocation[]> {
  const ids = [...new Set(locations.map((l) => l.id))];
  const [terms, notes, phones, areaNames] = await Promise.all([
    store.termsOf(db, tenantId, ids),
    store.accessibilityOf(db, tenantId, ids),
    store.phonesOf(db, tenantId, { services: [], locations: ids, organizations: [] }),
    names(
      db,
      tenantId,
      locations.flatMap((l) => [l.buurt_code, l.wijk_code]),
    ),
  ]);
  return locations.map((l) => ({
    id: l.id,
    name: l.name,
    transportation: l.transportation,
    address1: l.address_1,
    address2: l.address_2,
    postalCode: l.postal_code,
    city: l.city,
    buurtCode: l.buurt_code,
    buurtName: l.buurt_code ? (areaNames.get(l.buurt_code) ?? null) : null,
    wijkName: l.wijk_code ? (areaNames.get(l.wijk_code) ?? null) : null,
    accessibility: terms
      .filter((t) => t.link_id === l.id && t.taxonomy_code === TAXONOMY.toegankelijkheid)
      .map((t) => store.termName(t, locale)),
    accessibilityNotes: notes
      .filter((n) => n.location_id === l.id)
      .flatMap((n) => [n.description, n.details].filter((x): x is string => !!x)),
    phones: phones.filter((p) => p.location_id === l.id).map(pagePhone),
  }));
}

/** Everything the page of one active service shows (terms in the reader's language); NotFound for unknown, malformed or inactive ids. */
export async function getServicePage(db: DbOrTrx, tenantId: string, id: string, now: Date, locale: Locale = 'nl'): Promise<ServicePage> {
  if (!isUuid(id)) throw NotFound('socialmap.find.notFound');
  const [service] = await store.servicesByIds(db, tenantId, [id]);
  if (!service) throw NotFound('socialmap.find.notFound');
  const [locations, terms, languages, schedules, phones] = await Promise.all([
    store.locationsOfServices(db, tenantId, [id]),
    store.termsOf(db, tenantId, [id]),
    store.languagesOf(db, tenantId, id),
    store.schedulesOfServices(db, tenantId, [id]),
    store.phonesOf(db, tenantId, { services: [id], locations: [], organizations: [service.organization_id] }),
  ]);
  const rules = schedules.get(id) ?? [];
  return {
    service: foundService(service),
    functions: terms.filter((t) => t.taxonomy_code === TAXONOMY.functie).map((t) => store.termName(t, locale)),
    targetGroups: terms.filter((t) => t.taxonomy_code === TAXONOMY.doelgroep).map((t) => store.termName(t, locale)),
    languages,
    locations: await pageLocations(db, tenantId, locations, locale),
    phones: phones
      .filter((p) => p.service_id === id)
      .concat(phones.filter((p) => p.service_id === null && p.location_id === null))
      .map(pagePhone),
    schedules: rules.map((r) => ({ description: r.description, notes: r.notes })),
    upcoming: nextOccurrences(rules, now, 8, { horizonDays: 400 }),
    openNow: isOpenAt(rules, now),
  };
}

export interface LeafletActivity {
  id: string;
  name: string;
  organisation: string;
  description: string | null;
  place: string | null;
  /** The coming occurrences in the leaflet's period (none that have ended), cancelled ones flagged. */
  dates: Occurrence[];
  phone: string | null;
}

export interface Leaflet {
  area: { code: string; name: string; level: 'district' | 'neighbourhood' };
  /** From now until the end of the last of LEAFLET_DAYS days: only coming dates are listed. */
  period: Range;
  activities: LeafletActivity[];
  /** Places in the area, each once. */
  places: PageLocation[];
  /** Services without a date in the period (always there, e.g. a walk-in point by appointment). */
  other: LeafletActivity[];
}

/** The leaflet covers today and the next 27 days (four weeks), from now on. */
export const LEAFLET_DAYS = 28;

/**
 * The leaflet "Wat is er te doen in mijn buurt?" of a buurt or wijk: the coming dates of the next
 * four weeks (never a date that has passed); NotFound for other codes.
 */
export async function getLeaflet(db: DbOrTrx, tenantId: string, code: string, now: Date, locale: Locale = 'nl'): Promise<Leaflet> {
  const area = /^(WK\d{6}|BU\d{8})$/.test(code) ? await getArea(db, tenantId, code) : null;
  if (!area || (area.level !== 'district' && area.level !== 'neighbourhood')) throw NotFound('socialmap.find.areaNotFound');
  const ids = await store.serviceIdsInArea(db, tenantId, code);
  const [services, locations, schedules, phones] = await Promise.all([
    store.servicesByIds(db, tenantId, ids),
    store.locationsOfServices(db, tenantId, ids),
    store.schedulesOfServices(db, tenantId, ids),
    store.phonesOf(db, tenantId, { services: ids, locations: [], organizations: [] }),
  ]);
  const inArea = locations.filter((l) => l.buurt_code === code || l.wijk_code === code);
  const period = comingFromNow(now, LEAFLET_DAYS);
  const activities: LeafletActivity[] = [];
  const other: LeafletActivity[] = [];
  for (const s of services) {
    const loc = inArea.find((l) => l.service_id === s.id) ?? null;
    const phone = phones.find((p) => p.service_id === s.id)?.number ?? null;
    const item: LeafletActivity = {
      id: s.id,
      name: s.name,
      organisation: s.organization_name,
      description: s.description,
      place: loc ? [loc.name, loc.address_1].filter(Boolean).join(', ') : null,
      dates: occurrences(schedules.get(s.id) ?? [], period.from, period.to),
      phone,
    };
    (item.dates.length ? activities : other).push(item);
  }
  const unique = [...new Map(inArea.map((l) => [l.id, l])).values()];
  return {
    area: { code: area.code, name: area.name, level: area.level },
    period,
    activities,
    places: await pageLocations(db, tenantId, unique, locale),
    other,
  };
}
