import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of the Open311 API (keys, requests made through it, updates received). They run before
 * the signals core tables (by name), so they reference tenants and organisations only; signal ids
 * are looked up by joining. Frozen in time once landed: never edit, add new ones.
 */
export const open311Migrations: Record<string, Migration> = {
  '20261123T1100_signals_open311': {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (Kysely docs)
    async up(db: Kysely<any>) {
      await sql`
        create table open311_api_keys (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          client_name text not null check (length(client_name) between 1 and 200),
          key_hash text not null,
          key_prefix text not null,
          can_report boolean not null default true,
          can_handle boolean not null default false,
          organisation_id uuid references organisations(id) on delete cascade,
          created_by uuid references users(id) on delete set null,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          last_used_at timestamptz,
          revoked_at timestamptz,
          primary key (tenant_id, id),
          unique (tenant_id, key_hash)
        );

        create table open311_requests (
          tenant_id text not null references tenants(id) on delete cascade,
          token uuid not null default gen_random_uuid(),
          signal_id uuid not null,
          api_key_id uuid not null,
          created_at timestamptz not null default now(),
          primary key (tenant_id, token),
          foreign key (tenant_id, api_key_id) references open311_api_keys (tenant_id, id) on delete cascade
        );
        create index open311_requests_signal on open311_requests (tenant_id, signal_id);

        create table open311_updates (
          tenant_id text not null references tenants(id) on delete cascade,
          api_key_id uuid not null,
          update_id text not null check (length(update_id) between 1 and 200),
          signal_id uuid not null,
          transition_id uuid,
          created_at timestamptz not null default now(),
          primary key (tenant_id, api_key_id, update_id),
          foreign key (tenant_id, api_key_id) references open311_api_keys (tenant_id, id) on delete cascade
        );
      `.execute(db);
    },
  },
  '20261125T0910_signals_open311_rate_limits': {
    // Security review, finding 5: writes per minute, per key (set by the administrator) and per
    // client address; counters in the database so that every app process counts the same.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (Kysely docs)
    async up(db: Kysely<any>) {
      await sql`
        alter table open311_api_keys add column rate_limit int not null default 60 check (rate_limit between 1 and 10000);

        create table open311_rate_windows (
          tenant_id text not null references tenants(id) on delete cascade,
          bucket text not null check (length(bucket) between 1 and 100),
          window_start timestamptz not null,
          hits int not null default 1,
          primary key (tenant_id, bucket, window_start)
        );
        create index open311_rate_windows_start on open311_rate_windows (tenant_id, window_start);
      `.execute(db);
    },
  },
};

/** Kept under the name core's migrations index spreads in. */
export const migrations = open311Migrations;
