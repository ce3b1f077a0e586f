/** The maintenance pages' view models: an entry of the maintenance list, the page of one service and an open suggestion (camelCase, no rows). */
import type { KeepServiceRow } from './keep.store.ts';
import type { SuggestionRow } from './keep.suggestions.store.ts';
import type { ServiceStatus } from '../socialmap.tables.ts';
import type { ServiceDetail } from '../records/detail.service.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { termName } from '../find/find.store.ts';

/** One entry of the maintenance list. */
export interface KeepServiceItem {
  id: string;
  name: string;
  organizationName: string;
  status: ServiceStatus;
  lastCheckedAt: Date | null;
  openSuggestions: number;
}

/** An open correction suggestion, with its accept/reject form. */
export interface OpenSuggestion {
  id: string;
  serviceId: string;
  serviceName: string;
  message: string;
  /** The suggester left an e-mail address for a reply. */
  hasEmail: boolean;
  createdAt: Date;
}

export function keepServiceItem(r: KeepServiceRow): KeepServiceItem {
  return {
    id: r.id,
    name: r.name,
    organizationName: r.organization_name,
    status: r.status,
    lastCheckedAt: r.last_checked_at,
    openSuggestions: r.open_suggestions,
  };
}

export function openSuggestion(r: SuggestionRow): OpenSuggestion {
  return {
    id: r.id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    message: r.message,
    hasEmail: r.has_email,
    createdAt: r.created_at,
  };
}

/** A time of a service on its maintenance page, with its cancelled dates. */
export interface KeepSchedule {
  id: string;
  freq: string | null;
  byday: string | null;
  dtstart: string | null;
  validFrom: string | null;
  validTo: string | null;
  opensAt: string | null;
  closesAt: string | null;
  description: string | null;
  /** Cancelled dates (YYYY-MM-DD). */
  cancelled: string[];
}

/** A location of a service on its maintenance page. */
export interface KeepLocation {
  id: string;
  name: string | null;
  /** The first physical address. */
  address: { address1: string | null; postalCode: string | null; city: string | null } | null;
  /** The buurt's and wijk's names (their codes when the area is unknown). */
  buurt: string | null;
  wijk: string | null;
  /** Names of the location's terms (accessibility…). */
  terms: string[];
}

/** What the maintenance page of one service shows besides its form. */
export interface KeepServicePageData {
  id: string;
  name: string;
  organizationName: string;
  lastCheckedAt: Date | null;
  locations: KeepLocation[];
  /** The service's own times and those of its locations, each once. */
  schedules: KeepSchedule[];
}

export function keepServicePage(d: ServiceDetail, locale: Locale, areaNames: ReadonlyMap<string, string>): KeepServicePageData {
  const all = [...d.schedules, ...d.locations.flatMap((l) => l.schedules)].filter(
    (x, i, list) => list.findIndex((y) => y.id === x.id) === i,
  );
  return {
    id: d.service.id,
    name: d.service.name,
    organizationName: d.organization.name,
    lastCheckedAt: d.service.last_checked_at,
    locations: d.locations.map((l) => ({
      id: l.location.id,
      name: l.location.name,
      address: l.address ? { address1: l.address.address_1, postalCode: l.address.postal_code, city: l.address.city } : null,
      buurt: l.location.buurt_code ? (areaNames.get(l.location.buurt_code) ?? l.location.buurt_code) : null,
      wijk: l.location.wijk_code ? (areaNames.get(l.location.wijk_code) ?? l.location.wijk_code) : null,
      terms: l.terms.map((x) => termName(x, locale)),
    })),
    schedules: all.map((sc) => ({
      id: sc.id,
      freq: sc.freq,
      byday: sc.byday,
      dtstart: sc.dtstart,
      validFrom: sc.valid_from,
      validTo: sc.valid_to,
      opensAt: sc.opens_at,
      closesAt: sc.closes_at,
      description: sc.description,
      cancelled: d.exceptions.filter((e) => e.schedule_id === sc.id).map((e) => e.date),
    })),
  };
}
