import { sql, type Kysely, type Migration } from 'kysely';
import { circleMigrations } from './circle.ts';
import { weeklyMigrations } from './weekly.ts';

/** Tables of the helpmatch module. Frozen in time once landed: never edit, add new ones. */
export const helpmatchMigrations: Record<string, Migration> = {
  ...circleMigrations,
  '20261123T1000_helpmatch_core': {
    async up(db: Kysely<any>) {
      await sql`
        create table help_requests (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          requester_user_id uuid references users(id) on delete set null,
          created_by_user_id uuid references users(id) on delete set null,
          on_behalf boolean not null default false,
          subject_name text,
          subject_phone text,
          subject_email text,
          category text not null,
          help_type text not null check (help_type in ('latent','incidental','structural')),
          summary text not null,
          remarks text,
          schedule_kind text not null check (schedule_kind in ('once','weekly')),
          on_date text check (on_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          time_from text check (time_from ~ '^[0-2][0-9]:[0-5][0-9]$'),
          time_to text check (time_to ~ '^[0-2][0-9]:[0-5][0-9]$'),
          starts_at timestamptz,
          ends_at timestamptz,
          slots jsonb not null default '[]',
          address text,
          lon double precision not null,
          lat double precision not null,
          buurt_code text,
          wijk_code text,
          radius_m integer check (radius_m is null or radius_m > 0),
          urgency text not null default 'normal' check (urgency in ('urgent','normal','flexible')),
          vulnerable boolean not null default false,
          state text not null default 'open' check (state in ('open','matched','done','withdrawn','expired')),
          expires_at timestamptz not null,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          matched_at timestamptz,
          closed_at timestamptz
        );
        create index help_requests_state on help_requests (tenant_id, state, created_at);
        create index help_requests_requester on help_requests (requester_user_id);
        create index help_requests_creator on help_requests (created_by_user_id);
        create index help_requests_buurt on help_requests (tenant_id, buurt_code);

        create table help_offers (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          user_id uuid not null references users(id) on delete cascade,
          talents text not null default '',
          categories jsonb not null default '[]',
          slots jsonb not null default '[]',
          reach text not null check (reach in ('walk500','walk1000','cycle3000','municipality')),
          max_per_month integer not null check (max_per_month between 1 and 31),
          languages jsonb not null default '[]',
          lon double precision not null,
          lat double precision not null,
          buurt_code text,
          wijk_code text,
          active boolean not null default true,
          vog_seen_on text check (vog_seen_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          vog_recorded_by uuid references users(id) on delete set null,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          unique (tenant_id, user_id)
        );
        create index help_offers_active on help_offers (tenant_id, active);

        create table help_latent_contacts (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          user_id uuid not null references users(id) on delete cascade,
          buurt_code text not null,
          wijk_code text,
          note text not null default '',
          active boolean not null default true,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          unique (tenant_id, user_id, buurt_code)
        );
        create index help_latent_buurt on help_latent_contacts (tenant_id, buurt_code);

        create table help_vacancies (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          organisation_id uuid not null references organisations(id) on delete cascade,
          created_by_user_id uuid references users(id) on delete set null,
          title text not null,
          description text not null,
          category text not null,
          hours_per_week text not null default '',
          buurt_code text,
          state text not null default 'open' check (state in ('open','closed')),
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        );
        create index help_vacancies_state on help_vacancies (tenant_id, state, created_at);
        create table help_vacancy_responses (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          vacancy_id uuid not null references help_vacancies(id) on delete cascade,
          user_id uuid not null references users(id) on delete cascade,
          message text not null default '',
          created_at timestamptz not null default now(),
          unique (vacancy_id, user_id)
        );

        create table help_matches (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          request_id uuid not null references help_requests(id) on delete cascade,
          offer_id uuid references help_offers(id) on delete set null,
          volunteer_user_id uuid references users(id) on delete set null,
          state text not null check (state in ('suggested','proposed','accepted','declined','done','cancelled','no_show')),
          source text not null default 'engine' check (source in ('engine','coordinator','volunteer','batch','latent')),
          score double precision,
          explanation jsonb not null default '[]',
          distance_m integer,
          wave integer not null default 0,
          created_by_user_id uuid references users(id) on delete set null,
          hours double precision check (hours is null or (hours > 0 and hours <= 100)),
          hours_recorded_by uuid references users(id) on delete set null,
          hours_confirmed_volunteer_at timestamptz,
          hours_confirmed_requester_at timestamptz,
          feedback_volunteer text,
          feedback_requester text,
          rating_volunteer integer check (rating_volunteer between 1 and 5),
          rating_requester integer check (rating_requester between 1 and 5),
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          proposed_at timestamptz,
          replied_at timestamptz,
          accepted_at timestamptz,
          closed_at timestamptz
        );
        create index help_matches_request on help_matches (tenant_id, request_id);
        create index help_matches_volunteer on help_matches (tenant_id, volunteer_user_id, created_at);
        create index help_matches_state on help_matches (tenant_id, state, created_at);
        -- At most one accepted (or completed) match per request: the last line of defence for race-safe accepting.
        create unique index help_matches_one_accepted on help_matches (request_id) where state in ('accepted','done');
        -- A volunteer has at most one live match per request.
        create unique index help_matches_one_live on help_matches (request_id, volunteer_user_id) where state in ('suggested','proposed','accepted');

        create table help_messages (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          match_id uuid not null references help_matches(id) on delete cascade,
          author_user_id uuid references users(id) on delete set null,
          body text not null,
          created_at timestamptz not null default now()
        );
        create index help_messages_match on help_messages (match_id, created_at);

        create table help_reports (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          reporter_user_id uuid references users(id) on delete set null,
          reported_user_id uuid references users(id) on delete cascade,
          match_id uuid references help_matches(id) on delete set null,
          reason text not null,
          state text not null default 'open' check (state in ('open','handled')),
          handled_by uuid references users(id) on delete set null,
          handled_at timestamptz,
          created_at timestamptz not null default now()
        );
        create index help_reports_state on help_reports (tenant_id, state, created_at);

        create table help_blocks (
          tenant_id text not null references tenants(id) on delete cascade,
          user_id uuid not null references users(id) on delete cascade,
          blocked_by uuid references users(id) on delete set null,
          reason text not null default '',
          created_at timestamptz not null default now(),
          primary key (tenant_id, user_id)
        );
      `.execute(db);
    },
  },
  ...weeklyMigrations,
};
