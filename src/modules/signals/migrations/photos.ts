import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migrations of the signals photos part (frozen once landed: never edit, add new ones).
 * Photos live in the database (bytea), so a photo is committed in the same transaction as its
 * signal: durable before the answer, never half-stored, in the backup, tenant-scoped.
 */
export const photosMigrations: Record<string, Migration> = {
  '20261124T0950_signals_photos': {
    async up(db: Kysely<any>) {
      await sql`
        create table signals_photos (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          signal_id uuid not null,
          position int not null check (position between 1 and 5),
          content_type text not null check (content_type in ('image/jpeg','image/png','image/webp')),
          bytes bytea not null,
          thumb bytea not null,
          width int not null check (width > 0),
          height int not null check (height > 0),
          byte_size int not null check (byte_size > 0),
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, signal_id, position),
          foreign key (tenant_id, signal_id) references signals_signals (tenant_id, id) on delete cascade
        );

        create table signals_photo_uploads (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          submission_id uuid not null,
          owner_hash text not null,
          file_name text not null default '' check (length(file_name) <= 100),
          content_type text not null check (content_type in ('image/jpeg','image/png','image/webp')),
          bytes bytea not null,
          thumb bytea not null,
          width int not null check (width > 0),
          height int not null check (height > 0),
          byte_size int not null check (byte_size > 0),
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          primary key (tenant_id, id)
        );
        create index signals_photo_uploads_submission on signals_photo_uploads (tenant_id, submission_id, created_at);
        create index signals_photo_uploads_expiry on signals_photo_uploads (tenant_id, expires_at);

        alter table signals_signals add column photo_count int not null default 0 check (photo_count between 0 and 5);
      `.execute(db);
    },
  },
};
