import { sql, type Kysely, type Migration } from 'kysely';

/** Migrations of the signals list part (frozen once landed: never edit, add new ones). */
export const listMigrations: Record<string, Migration> = {
  '20261124T0940_signals_list': {
    async up(db: Kysely<any>) {
      await sql`
        -- The list's stable order (created_at desc, id) without a state filter, and the keys the
        -- area and category filters use; the state and organisation indexes exist in the core.
        create index signals_signals_recent on signals_signals (tenant_id, created_at desc, id);
        create index signals_signals_category on signals_signals (tenant_id, category_id, created_at desc);
        create index signals_signals_wijk on signals_signals (tenant_id, wijk_code, created_at desc);
        create index signals_signals_buurt on signals_signals (tenant_id, buurt_code, created_at desc);
        create index signals_signals_deadline on signals_signals (tenant_id, deadline_at) where closed_at is null;

        create table signals_saved_filters (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          user_id uuid not null references users(id) on delete cascade,
          name text not null check (length(name) between 1 and 80),
          query text not null check (length(query) <= 1000),
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, user_id, name)
        );
      `.execute(db);
    },
  },
  '20261207T1540_signals_list_keyset': {
    async up(db: Kysely<any>) {
      await sql`
        -- Keyset paging (issue 17): the list's order is created_at desc, id desc; each index below
        -- serves it without a sort, with or without a single-state or organisation filter. They
        -- replace the indexes without the id tiebreaker (whose keys are their prefixes).
        create index signals_signals_keyset on signals_signals (tenant_id, created_at desc, id desc);
        create index signals_signals_state_keyset on signals_signals (tenant_id, state, created_at desc, id desc);
        create index signals_signals_org_keyset on signals_signals (tenant_id, organisation_id, created_at desc, id desc);
        drop index if exists signals_signals_recent;
        drop index if exists signals_signals_list;
        drop index if exists signals_signals_org;
      `.execute(db);
    },
  },
};
