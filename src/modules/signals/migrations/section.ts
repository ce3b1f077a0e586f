import { sql, type Kysely, type Migration } from 'kysely';

/** Migrations of the signals section part (frozen once landed: never edit, add new ones). */
export const sectionMigrations: Record<string, Migration> = {
  '20261124T1020_signals_section': {
    async up(db: Kysely<any>) {
      await sql`
        -- When the closing message to the reporter was queued (the "always fed back" rule).
        alter table signals_signals add column feedback_sent_at timestamptz;
        -- Signals closed before this column existed: the reporter who asked to hear back was
        -- mailed at closure (every closed state is a public step).
        update signals_signals set feedback_sent_at = closed_at
          where closed_at is not null and wants_feedback and reporter_email is not null;
        -- The neighbourhood section's closure window and "Mijn meldingen".
        create index signals_signals_closed on signals_signals (tenant_id, closed_at) where closed_at is not null;
        create index signals_signals_reporter_user on signals_signals (tenant_id, reporter_user_id) where reporter_user_id is not null;
        create index signals_followers_account on signals_followers (tenant_id, user_id) where user_id is not null;
        create index signals_feedback_recent on signals_feedback (tenant_id, created_at);
      `.execute(db);
    },
  },
};
