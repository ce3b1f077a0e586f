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
};
