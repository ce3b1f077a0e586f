import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of the areas module. Frozen in time: never edit, add new ones. `tenants` (and its
 * `areas_version` column) was created here and its migrations stay here, though the platform now
 * owns the table (src/platform/tenants/tenants.tables.ts, ADR 0007): moving a migration would
 * change its name or order on databases that already ran it.
 */
export const areasMigrations: Record<string, Migration> = {
  '20261123T0100_areas_tenants_areas': {
    async up(db: Kysely<any>) {
      await sql`
        create table tenants (
          id text primary key check (id ~ '^GM[0-9]{4}$'),
          slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
          name text not null,
          settings jsonb not null default '{}',
          created_at timestamptz not null default now()
        );
        create table areas (
          tenant_id text not null references tenants(id) on delete cascade,
          code text not null,
          level text not null check (level in ('municipality','district','neighbourhood')),
          name text not null,
          parent_code text,
          year int not null,
          geometry jsonb,
          min_lon double precision, min_lat double precision,
          max_lon double precision, max_lat double precision,
          label_lon double precision, label_lat double precision,
          approximate boolean not null default false,
          source text not null,
          stats jsonb not null default '{}',
          updated_at timestamptz not null default now(),
          primary key (tenant_id, code)
        );
        create index areas_parent on areas (tenant_id, parent_code);
        create index areas_bbox on areas (tenant_id, level, min_lon, max_lon);
      `.execute(db);
    },
  },
  '20261123T0600_areas_tenant_areas_version': {
    // Bumped in every transaction that writes areas of the tenant: processes that cache area
    // data (areas.cache.ts) compare it with what they hold, so an import in one process shows
    // in every other one.
    async up(db: Kysely<any>) {
      await sql`alter table tenants add column areas_version integer not null default 0`.execute(db);
    },
  },
  '20261207T0100_areas_addresses': {
    // The municipality's addresses from the BAG extract (geocode/): postcode + number, and street prefix look-ups.
    async up(db: Kysely<any>) {
      await sql`
        create table addresses (
          tenant_id text not null references tenants(id) on delete cascade,
          postcode text not null check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
          house_number integer not null check (house_number between 1 and 99999),
          house_letter text not null default '',
          house_addition text not null default '',
          street text not null,
          place text not null,
          lat double precision not null,
          lon double precision not null,
          bag_id text,
          updated_at timestamptz not null default now(),
          primary key (tenant_id, postcode, house_number, house_letter, house_addition)
        );
        create index addresses_street on addresses (tenant_id, lower(street) text_pattern_ops, house_number);
      `.execute(db);
    },
  },
  '20261207T0500_areas_summaries': {
    // What the area-summaries job computed per area and page section (summaries/): the neighbourhood
    // page reads only these rows, never the modules' own tables (issue 13, speed).
    async up(db: Kysely<any>) {
      await sql`
        create table area_summaries (
          tenant_id text not null references tenants(id) on delete cascade,
          area_code text not null,
          section_id text not null,
          data jsonb not null,
          computed_at timestamptz not null,
          primary key (tenant_id, area_code, section_id)
        );
      `.execute(db);
    },
  },
};
