import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of the care circle (zorgcirkel) and the reciprocity answers. Frozen in time once landed:
 * never edit, add new migrations.
 */
export const circleMigrations: Record<string, Migration> = {
  '20261123T1100_helpmatch_circle': {
    async up(db: Kysely<any>) {
      await sql`
        create table helpmatch_circles (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          person_name text not null check (length(person_name) between 1 and 200),
          person_details text not null default '' check (length(person_details) <= 2000),
          person_user_id uuid references users(id) on delete set null,
          area_code text,
          created_as text not null check (created_as in ('self','carer','on_behalf')),
          created_by uuid references users(id) on delete set null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        );
        create index helpmatch_circles_tenant on helpmatch_circles (tenant_id, area_code);

        create table helpmatch_circle_members (
          circle_id uuid not null references helpmatch_circles(id) on delete cascade,
          tenant_id text not null references tenants(id) on delete cascade,
          user_id uuid not null references users(id) on delete cascade,
          role text not null check (role in ('owner','member')),
          joined_at timestamptz not null default now(),
          primary key (circle_id, user_id)
        );
        create index helpmatch_circle_members_user on helpmatch_circle_members (tenant_id, user_id);

        create table helpmatch_circle_invitations (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          circle_id uuid not null references helpmatch_circles(id) on delete cascade,
          token_hash text not null unique,
          email text not null,
          name text not null default '',
          invited_by uuid references users(id) on delete set null,
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          accepted_at timestamptz,
          accepted_by uuid references users(id) on delete set null,
          revoked_at timestamptz
        );
        create index helpmatch_circle_invitations_circle on helpmatch_circle_invitations (circle_id);

        create table helpmatch_circle_tasks (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          circle_id uuid not null references helpmatch_circles(id) on delete cascade,
          title text not null check (length(title) between 1 and 200),
          notes text not null default '' check (length(notes) <= 1000),
          recurrence text not null check (recurrence in ('once','weekly','biweekly')),
          starts_on date not null,
          time_of_day text check (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
          created_by uuid references users(id) on delete set null,
          created_at timestamptz not null default now(),
          archived_at timestamptz
        );
        create index helpmatch_circle_tasks_circle on helpmatch_circle_tasks (circle_id);

        create table helpmatch_circle_turns (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          circle_id uuid not null references helpmatch_circles(id) on delete cascade,
          task_id uuid not null references helpmatch_circle_tasks(id) on delete cascade,
          occurs_on date not null,
          taken_by uuid references users(id) on delete set null,
          taken_at timestamptz not null,
          done_at timestamptz,
          hours numeric(5,2) check (hours is null or (hours > 0 and hours <= 24)),
          unique (task_id, occurs_on)
        );
        create index helpmatch_circle_turns_circle on helpmatch_circle_turns (circle_id, occurs_on);
        create index helpmatch_circle_turns_user on helpmatch_circle_turns (tenant_id, taken_by);

        create table helpmatch_reciprocity_answers (
          tenant_id text not null references tenants(id) on delete cascade,
          user_id uuid not null references users(id) on delete cascade,
          answer text not null check (length(answer) between 1 and 1000),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, user_id)
        );
      `.execute(db);
    },
  },
};
