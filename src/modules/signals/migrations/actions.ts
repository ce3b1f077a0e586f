import { sql, type Kysely, type Migration } from 'kysely';

/** Migrations of the signals actions part (frozen once landed: never edit, add new ones). */
export const actionsMigrations: Record<string, Migration> = {
  /** "Niet tevreden" per tenant: reopen at once, or ask the coordinator (a reopen request on the signal). */
  '20261124T0910_signals_actions_dissatisfied': {
    async up(db: Kysely<any>) {
      await sql`
        alter table signals_settings add column dissatisfied_policy text not null default 'reopen' check (dissatisfied_policy in ('reopen','coordinator'));
        alter table signals_signals add column reopen_requested_at timestamptz;
        alter table signals_signals add column reopen_request_reason text check (length(reopen_request_reason) <= 2000);
        create index signals_actions_open on signals_actions (tenant_id, signal_id) where status = 'open';
      `.execute(db);
    },
  },
};
