import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of keeping the social map fresh (keep.*): correction suggestions from anyone, and the
 * reminders sent to providers (so each is asked once per period). Frozen in time once landed.
 */
export const keepMigrations: Record<string, Migration> = {
  '20261123T1100_socialmap_keep': {
    async up(db: Kysely<any>) {
      await sql`
        create table socialmap_suggestions (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          service_id uuid not null,
          message text not null,
          email text,
          locale text not null default 'nl' check (locale in ('nl','en')),
          status text not null default 'open' check (status in ('open','accepted','rejected')),
          reason text,
          created_at timestamptz not null default now(),
          handled_at timestamptz,
          handled_by uuid references users(id) on delete set null,
          primary key (tenant_id, id),
          foreign key (tenant_id, service_id) references socialmap_services (tenant_id, id) on delete cascade
        );
        create index socialmap_suggestions_open on socialmap_suggestions (tenant_id, status, created_at);
        create index socialmap_suggestions_service on socialmap_suggestions (tenant_id, service_id);
        create index socialmap_suggestions_email on socialmap_suggestions (lower(email)) where email is not null;

        create table socialmap_check_reminders (
          tenant_id text not null,
          service_id uuid not null,
          period text not null,
          sent_at timestamptz not null,
          primary key (tenant_id, service_id, period),
          foreign key (tenant_id, service_id) references socialmap_services (tenant_id, id) on delete cascade
        );
      `.execute(db);
    },
  },
};
