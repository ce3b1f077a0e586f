import { sql, type Kysely, type Migration } from 'kysely';
import { distributionMigrations } from './distribution-keys.ts';

/** Platform tables: jobs, mail outbox, audit log. Frozen in time: never edit, add new ones. */
export const platformMigrations: Record<string, Migration> = {
  '20261123T0000_platform_core': {
    async up(db: Kysely<any>) {
      await sql`
        create table jobs (
          id bigserial primary key,
          tenant_id text,
          kind text not null,
          payload jsonb not null default '{}',
          status text not null default 'pending' check (status in ('pending','running','done','failed')),
          run_at timestamptz not null default now(),
          attempts int not null default 0,
          max_attempts int not null default 5,
          locked_at timestamptz,
          last_error text,
          created_at timestamptz not null default now(),
          finished_at timestamptz
        );
        create index jobs_due on jobs (run_at) where status = 'pending';
        create table mail_outbox (
          id uuid primary key default gen_random_uuid(),
          tenant_id text,
          user_id uuid,
          to_address text not null,
          subject text not null,
          text_body text not null,
          locale text not null default 'nl',
          status text not null default 'queued' check (status in ('queued','sent','kept','failed')),
          created_at timestamptz not null default now(),
          sent_at timestamptz
        );
        create index mail_outbox_created on mail_outbox (created_at desc);
        create index mail_outbox_to on mail_outbox (to_address);
        create table audit_log (
          id bigserial primary key,
          at timestamptz not null default now(),
          tenant_id text,
          actor_user_id uuid,
          action text not null,
          entity text not null,
          entity_id text,
          ip text,
          detail jsonb
        );
        create index audit_log_at on audit_log (at desc);
        create index audit_log_entity on audit_log (entity, entity_id);
        create index audit_log_actor on audit_log (actor_user_id);
      `.execute(db);
    },
  },
  ...distributionMigrations,
  '20261207T1530_platform_multiprocess': {
    async up(db: Kysely<any>) {
      await sql`
        -- Rate-limit counters shared by every app process (src/platform/http/rate-limit-store.ts). A global
        -- table (no tenant_id; under Citus it stays on the coordinator, see src/platform/db/distribution.ts): one row per hashed key, a fixed window each.
        create table rate_limit_hits (
          key text primary key,
          hits int not null,
          reset_at timestamptz not null
        );
        create index rate_limit_hits_reset on rate_limit_hits (reset_at);
        -- At most one queued run of a recurring job, whichever process enqueues it (worker.ts enqueueJob).
        alter table jobs add column once_key text;
        create unique index jobs_once on jobs (once_key) where status = 'pending';
      `.execute(db);
    },
  },
  '20261207T1900_platform_audit_holds': {
    async up(db: Kysely<any>) {
      await sql`
        -- Periods of a municipality's audit log that an administrator keeps past the retention
        -- (AUDIT_RETENTION_MONTHS), e.g. for an incident (docs/decisions/0010-audit-log-retention.md).
        -- Days are Amsterdam calendar days; from_at/to_at are the instants they start and end.
        create table audit_holds (
          tenant_id text not null references tenants (id),
          id uuid not null,
          from_day text not null,
          to_day text not null,
          from_at timestamptz not null,
          to_at timestamptz not null,
          kept_until text not null,
          reason text not null,
          created_by uuid references users (id) on delete set null,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          check (from_at < to_at)
        );
        create index audit_holds_tenant_until on audit_holds (tenant_id, kept_until);
      `.execute(db);
    },
  },
};
