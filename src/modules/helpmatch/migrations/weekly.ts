import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Weekly help that lasts, and the requester who chooses (issue 12). Frozen in time once landed:
 * never edit, add new migrations.
 *
 * - Match states `awaiting_requester` (the volunteer said yes; the asking side decides) and
 *   `not_chosen` (the asking side said no); the "one live match per volunteer" index counts the
 *   waiting state as live.
 * - `help_match_sessions`: the hours of a weekly arrangement, one row per week, confirmed by both
 *   sides; `help_matches.hours` then holds the total of the confirmed weeks (so it may pass 100).
 * - `help_requests.nobody_notice_at`: when the asking side was told that nobody has been found yet.
 */
export const weeklyMigrations: Record<string, Migration> = {
  '20261207T0100_helpmatch_weekly_and_choice': {
    async up(db: Kysely<any>) {
      await sql`
        alter table help_matches drop constraint help_matches_state_check;
        alter table help_matches add constraint help_matches_state_check check (state in
          ('suggested','proposed','awaiting_requester','accepted','declined','not_chosen','done','cancelled','no_show'));
        alter table help_matches drop constraint help_matches_hours_check;
        alter table help_matches add constraint help_matches_hours_check check (hours is null or (hours > 0 and hours <= 10000));
        drop index help_matches_one_live;
        create unique index help_matches_one_live on help_matches (request_id, volunteer_user_id)
          where state in ('suggested','proposed','awaiting_requester','accepted');

        create table help_match_sessions (
          id uuid primary key default gen_random_uuid(),
          tenant_id text not null references tenants(id) on delete cascade,
          match_id uuid not null references help_matches(id) on delete cascade,
          week_start text not null check (week_start ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          hours double precision not null check (hours > 0 and hours <= 100),
          recorded_by uuid references users(id) on delete set null,
          confirmed_volunteer_at timestamptz,
          confirmed_requester_at timestamptz,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          unique (match_id, week_start)
        );
        create index help_match_sessions_tenant on help_match_sessions (tenant_id, match_id);

        alter table help_requests add column nobody_notice_at timestamptz;
      `.execute(db);
    },
  },
};
