/**
 * Rows → HSDS 3.0 JSON objects. Null fields are left out (the HSDS schemas type them as plain
 * strings/numbers). Extensions (documented in docs/socialmap-hsds.md): `cancelled_dates` and
 * `timezone_name` on schedules, `buurt_code`/`wijk_code` on locations, `last_checked_at` on services.
 */
import type { HsdsRows } from './hsds.store.ts';
import { publishedZone } from './schedule-zone.ts';

export const HSDS_VERSION = '3.0';
type Json = Record<string, unknown>;
type Row = HsdsRows;

/** Copy the given fields of a row, leaving out null and undefined. */
function pick(row: object, fields: readonly string[]): Json {
  const out: Json = {};
  const r = row as Record<string, unknown>;
  for (const f of fields) {
    const v = r[f];
    if (v === null || v === undefined) continue;
    out[f] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

function group<T>(rows: readonly T[], key: (r: T) => string | null | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (!k) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export const ORGANIZATION_FIELDS = [
  'id',
  'name',
  'alternate_name',
  'description',
  'email',
  'website',
  'logo',
  'uri',
  'parent_organization_id',
] as const;
export const SERVICE_FIELDS = [
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
] as const;
export const LOCATION_FIELDS = [
  'id',
  'location_type',
  'url',
  'organization_id',
  'name',
  'alternate_name',
  'description',
  'transportation',
  'latitude',
  'longitude',
  'external_identifier',
  'external_identifier_type',
] as const;
export const ADDRESS_FIELDS = [
  'id',
  'location_id',
  'attention',
  'address_1',
  'address_2',
  'city',
  'region',
  'state_province',
  'postal_code',
  'country',
  'address_type',
] as const;
export const PHONE_FIELDS = [
  'id',
  'location_id',
  'service_id',
  'organization_id',
  'contact_id',
  'service_at_location_id',
  'number',
  'extension',
  'type',
  'description',
] as const;
export const SCHEDULE_FIELDS = [
  'id',
  'service_id',
  'location_id',
  'service_at_location_id',
  'valid_from',
  'valid_to',
  'dtstart',
  'timezone',
  'until',
  'count',
  'wkst',
  'freq',
  'interval',
  'byday',
  'byweekno',
  'bymonthday',
  'byyearday',
  'description',
  'opens_at',
  'closes_at',
  'schedule_link',
  'attending_type',
  'notes',
] as const;
export const SAL_FIELDS = ['id', 'service_id', 'location_id', 'description'] as const;
export const ACCESSIBILITY_FIELDS = ['id', 'location_id', 'description', 'details', 'url'] as const;
export const LANGUAGE_FIELDS = ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note'] as const;
export const TAXONOMY_FIELDS = ['id', 'name', 'description', 'uri', 'version'] as const;
export const TERM_FIELDS = ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri'] as const;
export const ATTRIBUTE_FIELDS = ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'] as const;

/** Lookup tables over a set of rows, and the serialisers that use them. */
export class HsdsIndex {
  readonly orgs: Map<string, Row['organizations'][number]>;
  readonly locations: Map<string, Row['locations'][number]>;
  readonly services: Map<string, Row['services'][number]>;
  readonly terms: Map<string, Row['terms'][number]>;
  readonly taxonomies: Map<string, Row['taxonomies'][number]>;
  private readonly phonesById: Map<string, Row['phones'][number]>;
  private readonly salsById: Map<string, Row['serviceAtLocations'][number]>;
  private readonly salsByService;
  private readonly salsByLocation;
  private readonly addressesByLocation;
  private readonly accessibilityByLocation;
  private readonly schedulesBy;
  private readonly phonesBy;
  private readonly languagesBy;
  private readonly attributesBy;
  private readonly exceptionsBySchedule;
  private readonly locationsByOrg;
  private readonly servicesByOrg;

  /** `now` decides the published UTC offset of a schedule (the one at its next occurrence, schedule-zone.ts). */
  constructor(
    readonly rows: HsdsRows,
    readonly now: Date = new Date(),
  ) {
    this.orgs = new Map(rows.organizations.map((o) => [o.id, o]));
    this.locations = new Map(rows.locations.map((l) => [l.id, l]));
    this.services = new Map(rows.services.map((s) => [s.id, s]));
    this.terms = new Map(rows.terms.map((t) => [t.id, t]));
    this.taxonomies = new Map(rows.taxonomies.map((t) => [t.id, t]));
    this.phonesById = new Map(rows.phones.map((p) => [p.id, p]));
    this.salsById = new Map(rows.serviceAtLocations.map((s) => [s.id, s]));
    this.salsByService = group(rows.serviceAtLocations, (s) => s.service_id);
    this.salsByLocation = group(rows.serviceAtLocations, (s) => s.location_id);
    this.addressesByLocation = group(rows.addresses, (a) => a.location_id);
    this.accessibilityByLocation = group(rows.accessibility, (a) => a.location_id);
    this.schedulesBy = {
      service: group(rows.schedules, (s) => s.service_id),
      location: group(rows.schedules, (s) => s.location_id),
      sal: group(rows.schedules, (s) => s.service_at_location_id),
    };
    this.phonesBy = {
      service: group(rows.phones, (p) => p.service_id),
      location: group(rows.phones, (p) => p.location_id),
      sal: group(rows.phones, (p) => p.service_at_location_id),
      organization: group(rows.phones, (p) => p.organization_id),
    };
    this.languagesBy = {
      service: group(rows.languages, (l) => l.service_id),
      location: group(rows.languages, (l) => l.location_id),
      phone: group(rows.languages, (l) => l.phone_id),
    };
    this.attributesBy = group(rows.attributes, (a) => a.link_id);
    this.exceptionsBySchedule = group(rows.exceptions, (e) => e.schedule_id);
    this.locationsByOrg = group(rows.locations, (l) => l.organization_id);
    this.servicesByOrg = group(rows.services, (s) => s.organization_id);
  }

  organization(id: string, opts: { full?: boolean; services?: 'none' | 'basic' | 'full' } = {}): Json | null {
    const o = this.orgs.get(id);
    if (!o) return null;
    const out = pick(o, ORGANIZATION_FIELDS);
    if (opts.full) {
      out.phones = (this.phonesBy.organization.get(id) ?? []).map((p) => this.phone(p.id));
      out.locations = (this.locationsByOrg.get(id) ?? []).map((l) => this.location(l.id));
      out.attributes = this.attributes(id);
    }
    if (opts.services && opts.services !== 'none') {
      out.services = (this.servicesByOrg.get(id) ?? []).map((s) =>
        this.service(s.id, { full: opts.services === 'full', withOrganization: false }),
      );
    }
    return out;
  }

  taxonomy(id: string): Json | null {
    const t = this.taxonomies.get(id);
    return t ? pick(t, TAXONOMY_FIELDS) : null;
  }

  term(id: string, withDetail = true): Json | null {
    const t = this.terms.get(id);
    if (!t) return null;
    const out = pick(t, TERM_FIELDS);
    if (withDetail && t.taxonomy_id) {
      const detail = this.taxonomy(t.taxonomy_id);
      if (detail) out.taxonomy_detail = detail;
    }
    return out;
  }

  attributes(linkId: string): Json[] {
    return (this.attributesBy.get(linkId) ?? []).map((a) => {
      const out = pick(a, ATTRIBUTE_FIELDS);
      const term = this.term(a.taxonomy_term_id);
      if (term) out.taxonomy_term = term;
      return out;
    });
  }

  phone(id: string): Json {
    const p = this.phonesById.get(id)!;
    return { ...pick(p, PHONE_FIELDS), languages: (this.languagesBy.phone.get(id) ?? []).map((l) => pick(l, LANGUAGE_FIELDS)) };
  }

  schedule(s: Row['schedules'][number]): Json {
    const out: Json = { ...pick(s, SCHEDULE_FIELDS), ...publishedZone(s, this.now) };
    const cancelled = this.exceptionsBySchedule.get(s.id);
    if (cancelled?.length) out.cancelled_dates = cancelled.map((e) => pick(e, ['date', 'note']));
    return out;
  }

  location(id: string): Json | null {
    const l = this.locations.get(id);
    if (!l) return null;
    return {
      ...pick(l, LOCATION_FIELDS),
      ...pick(l, ['buurt_code', 'wijk_code']),
      languages: (this.languagesBy.location.get(id) ?? []).map((x) => pick(x, LANGUAGE_FIELDS)),
      addresses: (this.addressesByLocation.get(id) ?? []).map((a) => pick(a, ADDRESS_FIELDS)),
      accessibility: (this.accessibilityByLocation.get(id) ?? []).map((a) => pick(a, ACCESSIBILITY_FIELDS)),
      phones: (this.phonesBy.location.get(id) ?? []).map((p) => this.phone(p.id)),
      schedules: (this.schedulesBy.location.get(id) ?? []).map((s) => this.schedule(s)),
      attributes: this.attributes(id),
    };
  }

  serviceAtLocation(id: string, opts: { full?: boolean; withService?: boolean } = {}): Json | null {
    const sal = this.salsById.get(id);
    if (!sal) return null;
    const out = pick(sal, SAL_FIELDS);
    if (opts.full) {
      out.phones = (this.phonesBy.sal.get(id) ?? []).map((p) => this.phone(p.id));
      out.schedules = (this.schedulesBy.sal.get(id) ?? []).map((s) => this.schedule(s));
      out.attributes = this.attributes(id);
      const location = this.location(sal.location_id);
      if (location) out.location = location;
    }
    if (opts.withService) {
      const service = this.service(sal.service_id, { full: false, withOrganization: true });
      if (service) out.service = service;
    }
    return out;
  }

  /** A service: its direct fields and organisation, or (full) everything nested. */
  service(id: string, opts: { full?: boolean; withOrganization?: boolean } = {}): Json | null {
    const s = this.services.get(id);
    if (!s) return null;
    const out: Json = { ...pick(s, SERVICE_FIELDS), last_modified: s.updated_at.toISOString(), ...pick(s, ['last_checked_at']) };
    if (opts.withOrganization !== false) {
      const org = this.organization(s.organization_id);
      if (org) out.organization = org;
    }
    if (opts.full) {
      out.phones = (this.phonesBy.service.get(id) ?? []).map((p) => this.phone(p.id));
      out.schedules = (this.schedulesBy.service.get(id) ?? []).map((x) => this.schedule(x));
      out.service_at_locations = (this.salsByService.get(id) ?? []).map((x) => this.serviceAtLocation(x.id, { full: true }));
      out.languages = (this.languagesBy.service.get(id) ?? []).map((x) => pick(x, LANGUAGE_FIELDS));
      out.attributes = this.attributes(id);
    }
    return out;
  }

  /** Services at a location (for counting coverage etc.). */
  servicesAtLocation(locationId: string): string[] {
    return (this.salsByLocation.get(locationId) ?? []).map((s) => s.service_id);
  }
}

/** The Page wrapper of the HSDS API reference around one page of contents. */
export function page<T>(contents: T[], total: number, pageNumber: number, perPage: number): Json {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
