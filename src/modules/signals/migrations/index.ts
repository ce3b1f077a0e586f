import { sql, type Kysely, type Migration } from 'kysely';
import { migrations as open311Migrations } from '../open311/migrations.ts';
import { actionsMigrations } from './actions.ts';
import { mergeMigrations } from './merge.ts';
import { jobsMigrations } from './jobs.ts';
import { listMigrations } from './list.ts';
import { photosMigrations } from './photos.ts';
import { wijkschouwMigrations } from './wijkschouw.ts';
import { configMigrations } from './config.ts';
import { sectionMigrations } from './section.ts';
import { publicIdMigrations } from './public-ids.ts';
import { reporterLocaleMigrations } from './reporter-locale.ts';

/**
 * Tables of the signals module (meldingen). Every table carries tenant_id and is keyed by
 * (tenant_id, id); references are composite, so a row never points into another tenant.
 * Frozen in time once landed: never edit, add new ones.
 */
export const signalsMigrations: Record<string, Migration> = {
  ...open311Migrations,
  '20261123T1200_signals_core': {
    async up(db: Kysely<any>) {
      await sql`
        create table signals_settings (
          tenant_id text primary key references tenants(id) on delete cascade,
          default_organisation_id uuid references organisations(id) on delete set null,
          updated_at timestamptz not null default now()
        );

        create table signals_category_groups (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
          name text not null,
          description text not null default '',
          position int not null default 0,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, code)
        );

        create table signals_categories (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          group_id uuid not null,
          service_code text not null check (service_code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
          name text not null,
          description text not null default '',
          deadline_days int not null default 5 check (deadline_days between 0 and 365),
          questions jsonb not null default '[]',
          sensitive boolean not null default false,
          active boolean not null default true,
          position int not null default 0,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, service_code),
          foreign key (tenant_id, group_id) references signals_category_groups (tenant_id, id) on delete restrict
        );

        create table signals_counters (
          tenant_id text not null references tenants(id) on delete cascade,
          year int not null,
          last_number int not null default 0,
          primary key (tenant_id, year)
        );

        create table signals_signals (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          public_id text not null,
          category_id uuid not null,
          description text not null check (length(description) <= 5000),
          latitude double precision,
          longitude double precision,
          address text,
          buurt_code text,
          wijk_code text,
          reporter_name text,
          reporter_email text,
          reporter_phone text,
          wants_feedback boolean not null default false,
          reporter_user_id uuid references users(id) on delete set null,
          created_by uuid references users(id) on delete set null,
          source text not null default 'web' check (source in ('web','open311','wijkschouw')),
          state text not null default 'gemeld' check (state in ('gemeld','in_behandeling','ingepland','on_hold','reactie_gevraagd','afgehandeld','geannuleerd','heropend')),
          organisation_id uuid references organisations(id) on delete set null,
          deadline_at timestamptz,
          answers jsonb not null default '{}',
          idempotency_key text,
          closed_at timestamptz,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, public_id),
          unique (tenant_id, idempotency_key),
          foreign key (tenant_id, category_id) references signals_categories (tenant_id, id) on delete restrict,
          check ((latitude is null) = (longitude is null)),
          check (latitude is not null or address is not null)
        );
        create index signals_signals_list on signals_signals (tenant_id, state, created_at desc);
        create index signals_signals_org on signals_signals (tenant_id, organisation_id, created_at desc);
        create index signals_signals_nearby on signals_signals (tenant_id, category_id, latitude, longitude);

        create table signals_transitions (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          seq bigint generated always as identity,
          signal_id uuid not null,
          from_state text,
          to_state text not null,
          internal_note text,
          public_message text,
          actor_user_id uuid references users(id) on delete set null,
          reason text,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, signal_id) references signals_signals (tenant_id, id) on delete cascade
        );
        create index signals_transitions_signal on signals_transitions (tenant_id, signal_id, seq);

        create table signals_routing_rules (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          position int not null,
          group_id uuid,
          category_id uuid,
          area_code text,
          organisation_id uuid not null references organisations(id) on delete cascade,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, group_id) references signals_category_groups (tenant_id, id) on delete cascade,
          foreign key (tenant_id, category_id) references signals_categories (tenant_id, id) on delete cascade
        );
        create index signals_routing_rules_order on signals_routing_rules (tenant_id, position);

        create table signals_followers (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          signal_id uuid not null,
          email text,
          user_id uuid references users(id) on delete cascade,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, signal_id) references signals_signals (tenant_id, id) on delete cascade,
          check (email is not null or user_id is not null)
        );
        create unique index signals_followers_email on signals_followers (tenant_id, signal_id, email) where email is not null;
        create unique index signals_followers_user on signals_followers (tenant_id, signal_id, user_id) where user_id is not null;

        create table signals_tracking_tokens (
          token_hash text primary key,
          tenant_id text not null,
          signal_id uuid not null,
          follower_id uuid,
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          foreign key (tenant_id, signal_id) references signals_signals (tenant_id, id) on delete cascade
        );
        create index signals_tracking_tokens_signal on signals_tracking_tokens (tenant_id, signal_id);

        create table signals_feedback (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          signal_id uuid not null,
          satisfied boolean not null,
          solved boolean,
          reason text check (length(reason) <= 2000),
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, signal_id) references signals_signals (tenant_id, id) on delete cascade
        );
        create index signals_feedback_signal on signals_feedback (tenant_id, signal_id);

        create table signals_standard_texts (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          category_id uuid,
          state text not null,
          text text not null,
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, category_id) references signals_categories (tenant_id, id) on delete cascade
        );
        create unique index signals_standard_texts_key on signals_standard_texts (tenant_id, coalesce(category_id::text, ''), state);

        create table signals_actions (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          signal_id uuid not null,
          organisation_id uuid not null references organisations(id) on delete cascade,
          description text not null,
          owner_user_id uuid references users(id) on delete set null,
          due_date date,
          status text not null default 'open' check (status in ('open','done','dropped')),
          result text,
          created_by uuid references users(id) on delete set null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, signal_id) references signals_signals (tenant_id, id) on delete cascade
        );
        create index signals_actions_org on signals_actions (tenant_id, organisation_id);
        create index signals_actions_signal on signals_actions (tenant_id, signal_id);
      `.execute(db);
    },
  },
  ...actionsMigrations,
  ...mergeMigrations,
  ...jobsMigrations,
  ...listMigrations,
  ...photosMigrations,
  ...wijkschouwMigrations,
  ...configMigrations,
  ...sectionMigrations,
  ...publicIdMigrations,
  ...reporterLocaleMigrations,
};
