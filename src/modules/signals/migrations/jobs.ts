import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migrations of the signals jobs part (frozen once landed: never edit, add new ones):
 * per-tenant deadline and retention settings on `signals_settings`, and the markers the deadline
 * and retention jobs keep on each signal so that running them twice does nothing twice.
 */
export const jobsMigrations: Record<string, Migration> = {
  '20261124T0930_signals_jobs': {
    async up(db: Kysely<any>) {
      await sql`
        alter table signals_settings
          add column reminder_days int not null default 1 check (reminder_days between 0 and 10),
          add column escalation_enabled boolean not null default true,
          add column anonymise_after_months int not null default 12 check (anonymise_after_months between 1 and 120),
          add column delete_cancelled_after_months int not null default 12 check (delete_cancelled_after_months between 1 and 240),
          add column delete_closed_after_months int not null default 60 check (delete_closed_after_months between 1 and 240);

        alter table signals_signals
          add column reminded_at timestamptz,
          add column escalated_at timestamptz,
          add column anonymised_at timestamptz;

        -- (tenant_id, deadline_at) where open: the list part's signals_signals_deadline serves the deadline job.
        create index signals_jobs_closed on signals_signals (tenant_id, state, closed_at) where closed_at is not null;
      `.execute(db);
    },
  },
};
