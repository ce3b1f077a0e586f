import { sql, type Kysely, type Migration } from 'kysely';

/** Migrations of the signals merge part (frozen once landed: never edit, add new ones). */
export const mergeMigrations: Record<string, Migration> = {
  '20261124T0920_signals_merge': {
    async up(db: Kysely<any>) {
      // Composite references stay inside the tenant; deleting the other signal (retention) clears only the link.
      await sql`
        alter table signals_signals add column merged_into_id uuid;
        alter table signals_signals add column split_from_id uuid;
        alter table signals_signals add constraint signals_signals_merged_into_fk
          foreign key (tenant_id, merged_into_id) references signals_signals (tenant_id, id) on delete set null (merged_into_id);
        alter table signals_signals add constraint signals_signals_split_from_fk
          foreign key (tenant_id, split_from_id) references signals_signals (tenant_id, id) on delete set null (split_from_id);
        alter table signals_signals add constraint signals_signals_not_merged_into_self check (merged_into_id is null or merged_into_id <> id);
        create index signals_signals_merged_into on signals_signals (tenant_id, merged_into_id) where merged_into_id is not null;
        create index signals_signals_split_from on signals_signals (tenant_id, split_from_id) where split_from_id is not null;
      `.execute(db);
    },
  },
};
