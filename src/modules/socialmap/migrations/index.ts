import { sql, type Kysely, type Migration } from 'kysely';
import { keepMigrations } from './keep.ts';
import { findMigrations } from './find.ts';
import { occurrenceMigrations } from './occurrences.ts';

/**
 * Tables of the socialmap module, aligned with Open Referral HSDS 3.0 (docs/socialmap-hsds.md).
 * Every table is keyed by (tenant_id, id): HSDS ids are UUIDs chosen by whoever publishes the
 * data, so two municipalities may import the same dataset; references are composite foreign keys,
 * so a row can never point into another tenant. Frozen in time once landed: never edit, add new ones.
 */
export const socialmapMigrations: Record<string, Migration> = {
  '20261123T1000_socialmap_core': {
    async up(db: Kysely<any>) {
      await sql`
        create table socialmap_organizations (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          name text not null,
          alternate_name text,
          description text not null default '',
          email text,
          website text,
          logo text,
          uri text,
          parent_organization_id uuid,
          people_organisation_id uuid references organisations(id) on delete set null,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id)
        );
        create index socialmap_organizations_people on socialmap_organizations (people_organisation_id);

        create table socialmap_services (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          organization_id uuid not null,
          name text not null,
          alternate_name text,
          description text,
          url text,
          email text,
          status text not null default 'active' check (status in ('active','inactive','defunct','temporarily closed')),
          interpretation_services text,
          application_process text,
          fees_description text,
          wait_time text,
          fees text,
          accreditations text,
          eligibility_description text,
          minimum_age double precision,
          maximum_age double precision,
          assured_date text,
          assurer_email text,
          licenses text,
          alert text,
          last_checked_at timestamptz,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          search_vector tsvector generated always as (
            setweight(to_tsvector('dutch'::regconfig, coalesce(name, '')), 'A') ||
            setweight(to_tsvector('dutch'::regconfig, coalesce(alternate_name, '')), 'B') ||
            setweight(to_tsvector('dutch'::regconfig, coalesce(description, '')), 'C')
          ) stored,
          primary key (tenant_id, id),
          foreign key (tenant_id, organization_id) references socialmap_organizations (tenant_id, id) on delete cascade
        );
        create index socialmap_services_org on socialmap_services (tenant_id, organization_id);
        create index socialmap_services_status on socialmap_services (tenant_id, status, name);
        create index socialmap_services_updated on socialmap_services (tenant_id, updated_at);
        create index socialmap_services_search on socialmap_services using gin (search_vector);

        create table socialmap_locations (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          organization_id uuid,
          location_type text not null default 'physical' check (location_type in ('physical','postal','virtual')),
          url text,
          name text,
          alternate_name text,
          description text,
          transportation text,
          latitude double precision check (latitude between -90 and 90),
          longitude double precision check (longitude between -180 and 180),
          external_identifier text,
          external_identifier_type text,
          buurt_code text,
          wijk_code text,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, organization_id) references socialmap_organizations (tenant_id, id) on delete cascade
        );
        create index socialmap_locations_org on socialmap_locations (tenant_id, organization_id);
        create index socialmap_locations_buurt on socialmap_locations (tenant_id, buurt_code);
        create index socialmap_locations_wijk on socialmap_locations (tenant_id, wijk_code);
        create index socialmap_locations_point on socialmap_locations (tenant_id, latitude, longitude);

        create table socialmap_service_at_locations (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          service_id uuid not null,
          location_id uuid not null,
          description text,
          primary key (tenant_id, id),
          foreign key (tenant_id, service_id) references socialmap_services (tenant_id, id) on delete cascade,
          foreign key (tenant_id, location_id) references socialmap_locations (tenant_id, id) on delete cascade
        );
        create index socialmap_sal_service on socialmap_service_at_locations (tenant_id, service_id);
        create index socialmap_sal_location on socialmap_service_at_locations (tenant_id, location_id);

        create table socialmap_addresses (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          location_id uuid not null,
          attention text,
          address_1 text not null,
          address_2 text,
          city text not null,
          region text,
          state_province text not null default '',
          postal_code text not null,
          country text not null default 'NL',
          address_type text not null default 'physical' check (address_type in ('physical','postal','virtual')),
          primary key (tenant_id, id),
          foreign key (tenant_id, location_id) references socialmap_locations (tenant_id, id) on delete cascade
        );
        create index socialmap_addresses_location on socialmap_addresses (tenant_id, location_id);
        create index socialmap_addresses_postcode on socialmap_addresses (tenant_id, postal_code);

        create table socialmap_phones (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          organization_id uuid,
          service_id uuid,
          location_id uuid,
          service_at_location_id uuid,
          contact_id uuid,
          number text not null,
          extension double precision,
          type text,
          description text,
          primary key (tenant_id, id),
          foreign key (tenant_id, organization_id) references socialmap_organizations (tenant_id, id) on delete cascade,
          foreign key (tenant_id, service_id) references socialmap_services (tenant_id, id) on delete cascade,
          foreign key (tenant_id, location_id) references socialmap_locations (tenant_id, id) on delete cascade,
          foreign key (tenant_id, service_at_location_id) references socialmap_service_at_locations (tenant_id, id) on delete cascade
        );
        create index socialmap_phones_service on socialmap_phones (tenant_id, service_id);
        create index socialmap_phones_location on socialmap_phones (tenant_id, location_id);
        create index socialmap_phones_org on socialmap_phones (tenant_id, organization_id);

        create table socialmap_schedules (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          service_id uuid,
          location_id uuid,
          service_at_location_id uuid,
          valid_from text check (valid_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          valid_to text check (valid_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          dtstart text,
          timezone double precision,
          until text,
          count integer,
          wkst text check (wkst in ('MO','TU','WE','TH','FR','SA','SU')),
          freq text check (freq in ('WEEKLY','MONTHLY')),
          interval integer check (interval > 0),
          byday text,
          byweekno text,
          bymonthday text,
          byyearday text,
          description text,
          opens_at text,
          closes_at text,
          schedule_link text,
          attending_type text,
          notes text,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          check (valid_to is null or valid_from is null or valid_to >= valid_from),
          foreign key (tenant_id, service_id) references socialmap_services (tenant_id, id) on delete cascade,
          foreign key (tenant_id, location_id) references socialmap_locations (tenant_id, id) on delete cascade,
          foreign key (tenant_id, service_at_location_id) references socialmap_service_at_locations (tenant_id, id) on delete cascade
        );
        create index socialmap_schedules_service on socialmap_schedules (tenant_id, service_id);
        create index socialmap_schedules_location on socialmap_schedules (tenant_id, location_id);
        create index socialmap_schedules_sal on socialmap_schedules (tenant_id, service_at_location_id);

        create table socialmap_schedule_exceptions (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          schedule_id uuid not null,
          date text not null check (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          kind text not null default 'cancelled' check (kind in ('cancelled')),
          note text,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, schedule_id, date),
          foreign key (tenant_id, schedule_id) references socialmap_schedules (tenant_id, id) on delete cascade
        );

        create table socialmap_accessibility (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          location_id uuid not null,
          description text,
          details text,
          url text,
          primary key (tenant_id, id),
          foreign key (tenant_id, location_id) references socialmap_locations (tenant_id, id) on delete cascade
        );
        create index socialmap_accessibility_location on socialmap_accessibility (tenant_id, location_id);

        create table socialmap_languages (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          service_id uuid,
          location_id uuid,
          phone_id uuid,
          name text,
          code text,
          note text,
          primary key (tenant_id, id),
          foreign key (tenant_id, service_id) references socialmap_services (tenant_id, id) on delete cascade,
          foreign key (tenant_id, location_id) references socialmap_locations (tenant_id, id) on delete cascade,
          foreign key (tenant_id, phone_id) references socialmap_phones (tenant_id, id) on delete cascade
        );
        create index socialmap_languages_service on socialmap_languages (tenant_id, service_id);
        create index socialmap_languages_location on socialmap_languages (tenant_id, location_id);

        create table socialmap_taxonomies (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          code text,
          name text not null,
          description text not null default '',
          uri text,
          version text,
          primary key (tenant_id, id),
          unique (tenant_id, code)
        );

        create table socialmap_taxonomy_terms (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          taxonomy_id uuid,
          code text,
          name text not null,
          description text not null default '',
          parent_id uuid,
          taxonomy text,
          language text,
          term_uri text,
          primary key (tenant_id, id),
          foreign key (tenant_id, taxonomy_id) references socialmap_taxonomies (tenant_id, id) on delete cascade,
          foreign key (tenant_id, parent_id) references socialmap_taxonomy_terms (tenant_id, id) on delete cascade
        );
        create index socialmap_terms_taxonomy on socialmap_taxonomy_terms (tenant_id, taxonomy_id);
        create index socialmap_terms_code on socialmap_taxonomy_terms (tenant_id, code);

        create table socialmap_attributes (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          link_id uuid not null,
          link_type text,
          link_entity text not null,
          taxonomy_term_id uuid not null,
          value text,
          primary key (tenant_id, id),
          foreign key (tenant_id, taxonomy_term_id) references socialmap_taxonomy_terms (tenant_id, id) on delete cascade
        );
        create index socialmap_attributes_link on socialmap_attributes (tenant_id, link_id);
        create index socialmap_attributes_term on socialmap_attributes (tenant_id, taxonomy_term_id, link_entity);
      `.execute(db);
    },
  },
  ...keepMigrations,
  '20261123T1300_socialmap_services_page_index': {
    // HSDS /services pages are ordered by (name, id): an index in that order spares a sort of every active service per page.
    async up(db: Kysely<any>) {
      await sql`create index socialmap_services_active_page on socialmap_services (tenant_id, status, name, id)`.execute(db);
    },
  },
  ...findMigrations,
  ...occurrenceMigrations,
};
