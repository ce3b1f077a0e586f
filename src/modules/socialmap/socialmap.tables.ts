import type { ColumnType, Generated } from 'kysely';
import type { KeepTables } from './keep/keep.tables.ts';
import type { FindTables } from './find/find.tables.ts';
import type { OccurrenceTables } from './occurrences/occurrences.tables.ts';

/**
 * Row types of the socialmap module's tables (only this module's stores query them). Aligned with
 * Open Referral HSDS 3.0; every table is keyed by (tenant_id, id). Dates (valid_from, until, …)
 * are ISO `YYYY-MM-DD` text and times (opens_at, closes_at) `HH:MM` text, as in HSDS.
 */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** double precision columns (ages, extension, timezone offset). */
type Num = ColumnType<number, number | string, number | string>;

export type ServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';
export type LocationType = 'physical' | 'postal' | 'virtual';

export interface SocialmapOrganizationsTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  alternate_name: string | null;
  description: ColumnType<string, string | undefined, string>;
  email: string | null;
  website: string | null;
  logo: string | null;
  uri: string | null;
  parent_organization_id: string | null;
  /** Our people organisation whose members maintain this entry. */
  people_organisation_id: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface SocialmapServicesTable {
  tenant_id: string;
  id: Generated<string>;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  url: string | null;
  email: string | null;
  status: ColumnType<ServiceStatus, ServiceStatus | undefined, ServiceStatus>;
  interpretation_services: string | null;
  application_process: string | null;
  fees_description: string | null;
  wait_time: string | null;
  fees: string | null;
  accreditations: string | null;
  eligibility_description: string | null;
  minimum_age: Num | null;
  maximum_age: Num | null;
  assured_date: string | null;
  assurer_email: string | null;
  licenses: string | null;
  alert: string | null;
  /** When the provider last confirmed the entry (keep's freshness jobs). */
  last_checked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  updated_at: Stamp;
  /** Generated: name (A), alternate_name (B), description (C) with the 'dutch' configuration; GIN-indexed. */
  search_vector: ColumnType<string, never, never>;
}

export interface SocialmapLocationsTable {
  tenant_id: string;
  id: Generated<string>;
  organization_id: string | null;
  location_type: ColumnType<LocationType, LocationType | undefined, LocationType>;
  url: string | null;
  name: string | null;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  external_identifier: string | null;
  external_identifier_type: string | null;
  /** CBS buurt/wijk containing the point (areas.locatePoint), null without coordinates. */
  buurt_code: string | null;
  wijk_code: string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface SocialmapServiceAtLocationsTable {
  tenant_id: string;
  id: Generated<string>;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface SocialmapAddressesTable {
  tenant_id: string;
  id: Generated<string>;
  location_id: string;
  attention: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  region: string | null;
  state_province: ColumnType<string, string | undefined, string>;
  /** Dutch postcodes normalised to `1234 AB`. */
  postal_code: string;
  country: ColumnType<string, string | undefined, string>;
  address_type: ColumnType<LocationType, LocationType | undefined, LocationType>;
}

export interface SocialmapPhonesTable {
  tenant_id: string;
  id: Generated<string>;
  organization_id: string | null;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  contact_id: string | null;
  number: string;
  extension: Num | null;
  type: string | null;
  description: string | null;
}

export interface SocialmapSchedulesTable {
  tenant_id: string;
  id: Generated<string>;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  dtstart: string | null;
  timezone: Num | null;
  until: string | null;
  count: number | null;
  wkst: string | null;
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval: number | null;
  byday: string | null;
  byweekno: string | null;
  bymonthday: string | null;
  byyearday: string | null;
  description: string | null;
  opens_at: string | null;
  closes_at: string | null;
  schedule_link: string | null;
  attending_type: string | null;
  notes: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

/** Extension (not in HSDS): dates on which a recurring schedule does not take place. */
export interface SocialmapScheduleExceptionsTable {
  tenant_id: string;
  id: Generated<string>;
  schedule_id: string;
  /** YYYY-MM-DD in Europe/Amsterdam. */
  date: string;
  kind: ColumnType<'cancelled', 'cancelled' | undefined, 'cancelled'>;
  note: string | null;
  created_at: Stamp;
}

export interface SocialmapAccessibilityTable {
  tenant_id: string;
  id: Generated<string>;
  location_id: string;
  description: string | null;
  details: string | null;
  url: string | null;
}

export interface SocialmapLanguagesTable {
  tenant_id: string;
  id: Generated<string>;
  service_id: string | null;
  location_id: string | null;
  phone_id: string | null;
  name: string | null;
  code: string | null;
  note: string | null;
}

export interface SocialmapTaxonomiesTable {
  tenant_id: string;
  id: Generated<string>;
  /** Our stable code (functie, doelgroep, toegankelijkheid); null for imported taxonomies. */
  code: string | null;
  name: string;
  /** English name, shown on English pages (null: the Dutch name is shown). */
  name_en: ColumnType<string | null, string | null | undefined, string | null>;
  description: ColumnType<string, string | undefined, string>;
  uri: string | null;
  version: string | null;
}

export interface SocialmapTaxonomyTermsTable {
  tenant_id: string;
  id: Generated<string>;
  taxonomy_id: string | null;
  /** Stable code, e.g. `functie.ontmoeting` (taxonomy.ts). */
  code: string | null;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  /** English name and description, shown on English pages and by the HSDS API in English (null: the Dutch is shown). */
  name_en: ColumnType<string | null, string | null | undefined, string | null>;
  description_en: ColumnType<string | null, string | null | undefined, string | null>;
  parent_id: string | null;
  /** HSDS 3.0's free-text taxonomy name (the "vocabulary" of earlier versions). */
  taxonomy: string | null;
  language: string | null;
  term_uri: string | null;
}

/** HSDS attributes: tag an entity (service, location, organization…) with a taxonomy term. */
export interface SocialmapAttributesTable {
  tenant_id: string;
  id: Generated<string>;
  link_id: string;
  link_type: string | null;
  /** service, location, organization, service_at_location. */
  link_entity: string;
  taxonomy_term_id: string;
  value: string | null;
}

export interface SocialmapTables extends KeepTables, FindTables, OccurrenceTables {
  socialmap_organizations: SocialmapOrganizationsTable;
  socialmap_services: SocialmapServicesTable;
  socialmap_locations: SocialmapLocationsTable;
  socialmap_service_at_locations: SocialmapServiceAtLocationsTable;
  socialmap_addresses: SocialmapAddressesTable;
  socialmap_phones: SocialmapPhonesTable;
  socialmap_schedules: SocialmapSchedulesTable;
  socialmap_schedule_exceptions: SocialmapScheduleExceptionsTable;
  socialmap_accessibility: SocialmapAccessibilityTable;
  socialmap_languages: SocialmapLanguagesTable;
  socialmap_taxonomies: SocialmapTaxonomiesTable;
  socialmap_taxonomy_terms: SocialmapTaxonomyTermsTable;
  socialmap_attributes: SocialmapAttributesTable;
}

// This module's tables join the app's Database type by declaration merging, so the platform
// never imports a module (docs/decisions/0007-module-shape.md).
declare module '../../platform/db/schema.ts' {
  interface Database extends SocialmapTables {}
}
