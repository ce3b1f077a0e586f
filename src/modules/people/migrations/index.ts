import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of the people module. Frozen in time: never edit, add new ones. `memberships` and
 * `sessions` were created here and their migrations stay here, though the platform now owns the
 * tables (src/platform/auth/auth.tables.ts, ADR 0007): moving a migration would change its name
 * or order on databases that already ran it.
 */
export const peopleMigrations: Record<string, Migration> = {
  '20261123T0200_people_core': {
    async up(db: Kysely<any>) {
      await sql`
        create table users (
          id uuid primary key default gen_random_uuid(),
          email text unique check (email = lower(email)),
          name text not null,
          locale text not null default 'nl' check (locale in ('nl','en')),
          phone text,
          address text,
          password_hash text,
          totp_secret text,
          totp_enabled_at timestamptz,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          deleted_at timestamptz
        );
        create table organisations (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          name text not null,
          kind text not null check (kind in ('gemeente','welzijn','woningcorporatie','zorgaanbieder','politie','kerk','vereniging','school','overig')),
          created_at timestamptz not null default now(),
          unique (tenant_id, name)
        );
        create table memberships (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          user_id uuid not null references users(id) on delete cascade,
          organisation_id uuid references organisations(id) on delete cascade,
          role text not null check (role in ('resident','volunteer','professional','coordinator','admin')),
          created_at timestamptz not null default now()
        );
        create unique index memberships_unique on memberships (tenant_id, user_id, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), role);
        create index memberships_user on memberships (user_id);
        create index memberships_org on memberships (organisation_id);
        create table sessions (
          id text primary key,
          user_id uuid not null references users(id) on delete cascade,
          created_at timestamptz not null default now(),
          last_seen_at timestamptz not null,
          expires_at timestamptz not null,
          mfa_at timestamptz
        );
        create index sessions_user on sessions (user_id);
        create table auth_tokens (
          id text primary key,
          kind text not null check (kind in ('signin','reset','invite')),
          user_id uuid references users(id) on delete cascade,
          email text not null,
          tenant_id text references tenants(id) on delete cascade,
          data jsonb not null default '{}',
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          used_at timestamptz
        );
        create table signin_failures (
          key text primary key,
          failures int not null,
          first_at timestamptz not null,
          last_at timestamptz not null
        );
      `.execute(db);
    },
  },
  '20261123T0210_people_auth_totp_step': {
    // The last accepted TOTP time step, so a code cannot be used twice (RFC 6238 section 5.2).
    async up(db: Kysely<any>) {
      await sql`alter table users add column totp_last_step bigint`.execute(db);
    },
  },
  '20261207T0200_people_removed_roles': {
    // Roles an administrator took away: undone within a while, and the person stays findable to give a role again.
    async up(db: Kysely<any>) {
      await sql`
        create table people_removed_roles (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          user_id uuid not null references users(id) on delete cascade,
          organisation_id uuid references organisations(id) on delete cascade,
          role text not null,
          removed_by uuid references users(id) on delete set null,
          removed_at timestamptz not null,
          restored_at timestamptz
        );
        create index people_removed_roles_tenant on people_removed_roles (tenant_id, removed_at desc);
        create index people_removed_roles_user on people_removed_roles (user_id);
      `.execute(db);
    },
  },
};
