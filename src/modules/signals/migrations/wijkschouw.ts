import { sql, type Kysely, type Migration } from 'kysely';

/** Migrations of the signals wijkschouw part (frozen once landed: never edit, add new ones). */
export const wijkschouwMigrations: Record<string, Migration> = {
  '20261124T1000_signals_wijkschouw': {
    async up(db: Kysely<any>) {
      await sql`
        create table signals_wijkschouw_sessions (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          title text not null check (length(title) between 1 and 200),
          area_code text not null check (length(area_code) between 1 and 20),
          walk_date date not null,
          meeting_point text not null default '' check (length(meeting_point) <= 300),
          organiser_user_id uuid references users(id) on delete set null,
          status text not null default 'planned' check (status in ('planned','open','closed')),
          closed_at timestamptz,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          check ((status = 'closed') = (closed_at is not null))
        );
        create index signals_wijkschouw_sessions_list on signals_wijkschouw_sessions (tenant_id, status, walk_date desc);
        create index signals_wijkschouw_sessions_organiser on signals_wijkschouw_sessions (tenant_id, organiser_user_id);

        create table signals_wijkschouw_participants (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          session_id uuid not null,
          name text not null check (length(name) between 1 and 200),
          role text not null default '' check (length(role) <= 200),
          email text check (length(email) <= 254),
          user_id uuid references users(id) on delete set null,
          position int not null default 0,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, session_id) references signals_wijkschouw_sessions (tenant_id, id) on delete cascade
        );
        create index signals_wijkschouw_participants_session on signals_wijkschouw_participants (tenant_id, session_id, position);
        create index signals_wijkschouw_participants_user on signals_wijkschouw_participants (tenant_id, user_id) where user_id is not null;

        create table signals_wijkschouw_signals (
          tenant_id text not null,
          session_id uuid not null,
          signal_id uuid not null,
          created_at timestamptz not null default now(),
          primary key (tenant_id, signal_id),
          foreign key (tenant_id, session_id) references signals_wijkschouw_sessions (tenant_id, id) on delete cascade,
          foreign key (tenant_id, signal_id) references signals_signals (tenant_id, id) on delete cascade
        );
        create index signals_wijkschouw_signals_session on signals_wijkschouw_signals (tenant_id, session_id, created_at);
      `.execute(db);
    },
  },
};
