import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of the programmes module (issue 14). Money in integer cents, null = unknown (never 0);
 * days as text 'YYYY-MM-DD'. Every table carries tenant_id and references its parent within the
 * same municipality. Frozen once landed: never edit, add new ones.
 */
const DAY = `~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

export const programmesMigrations: Record<string, Migration> = {
  '20261207T0800_programmes_core': {
    async up(db: Kysely<any>) {
      await sql
        .raw(
          `
        create table programmes (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
          title_nl text not null,
          title_en text not null default '',
          summary_nl text not null default '',
          summary_en text not null default '',
          owner_role text not null default '',
          start_year int not null check (start_year between 1990 and 2100),
          end_year int check (end_year is null or end_year >= start_year),
          status text not null default 'active' check (status in ('draft', 'active', 'closed')),
          source_note text not null default '',
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, slug)
        );

        create table programme_goals (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          programme_id uuid not null,
          parent_id uuid,
          number text not null,
          title_nl text not null,
          title_en text not null default '',
          description_nl text not null default '',
          description_en text not null default '',
          sort int not null default 0,
          source_note text not null default '',
          primary key (tenant_id, id),
          foreign key (tenant_id, programme_id) references programmes (tenant_id, id) on delete cascade,
          foreign key (tenant_id, parent_id) references programme_goals (tenant_id, id) on delete cascade
        );

        create table programme_projects (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          programme_id uuid not null,
          number text not null,
          title_nl text not null,
          title_en text not null default '',
          aim_nl text not null default '',
          aim_en text not null default '',
          planned_start text check (planned_start ${DAY}),
          planned_end text check (planned_end ${DAY}),
          actual_start text check (actual_start ${DAY}),
          actual_end text check (actual_end ${DAY}),
          period_text text not null default '',
          owner_organisation_id uuid,
          owner_text text not null default '',
          parties jsonb not null default '[]',
          target_groups jsonb not null default '[]',
          angles jsonb not null default '[]',
          level text check (level in ('basic', 'prevention', 'lasting_support')),
          ladder_rung text check (ladder_rung in ('inform', 'consult', 'advise', 'coproduce', 'decide')),
          anchoring jsonb not null default '[]',
          status text not null default 'planned'
            check (status in ('idea', 'planned', 'running', 'ended', 'handed_back', 'stopped')),
          from_action_id uuid,
          from_line_activity_id uuid,
          flags jsonb not null default '[]',
          source_note text not null default '',
          is_demo boolean not null default false,
          created_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, programme_id, number),
          check (planned_end is null or planned_start is null or planned_end >= planned_start),
          check (actual_end is null or actual_start is null or actual_end >= actual_start),
          foreign key (tenant_id, programme_id) references programmes (tenant_id, id) on delete cascade
        );

        create table programme_line_activities (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          programme_id uuid not null,
          number int not null,
          title_nl text not null,
          title_en text not null default '',
          description_nl text not null default '',
          description_en text not null default '',
          project_id uuid,
          source_note text not null default '',
          primary key (tenant_id, id),
          foreign key (tenant_id, programme_id) references programmes (tenant_id, id) on delete cascade,
          foreign key (tenant_id, project_id) references programme_projects (tenant_id, id) on delete set null (project_id)
        );

        create table programme_project_areas (
          tenant_id text not null,
          project_id uuid not null,
          area_code text not null,
          primary key (tenant_id, project_id, area_code),
          foreign key (tenant_id, project_id) references programme_projects (tenant_id, id) on delete cascade
        );
        create index programme_project_areas_area on programme_project_areas (tenant_id, area_code);

        create table programme_project_leads (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          project_id uuid not null,
          role_label text not null,
          user_id uuid,
          area_codes jsonb not null default '[]',
          primary key (tenant_id, id),
          foreign key (tenant_id, project_id) references programme_projects (tenant_id, id) on delete cascade
        );

        create table programme_project_goals (
          tenant_id text not null,
          project_id uuid not null,
          goal_id uuid not null,
          primary key (tenant_id, project_id, goal_id),
          foreign key (tenant_id, project_id) references programme_projects (tenant_id, id) on delete cascade,
          foreign key (tenant_id, goal_id) references programme_goals (tenant_id, id) on delete cascade
        );

        create table programme_project_budget_lines (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          project_id uuid not null,
          kind text not null check (kind in ('cost', 'coverage')),
          year int check (year is null or year between 1990 and 2100),
          recurrence text not null default 'one_off' check (recurrence in ('one_off', 'per_year')),
          amount_cents int check (amount_cents is null or amount_cents >= 0),
          source text,
          label text not null default '',
          source_note text not null default '',
          sort int not null default 0,
          primary key (tenant_id, id),
          check (kind = 'cost' or source is not null),
          foreign key (tenant_id, project_id) references programme_projects (tenant_id, id) on delete cascade
        );

        create table programme_budget_lines (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          programme_id uuid not null,
          side text not null check (side in ('available', 'planned_use')),
          year int,
          label_nl text not null,
          label_en text not null default '',
          amount_cents int check (amount_cents is null or amount_cents >= 0),
          source_note text not null default '',
          sort int not null default 0,
          primary key (tenant_id, id),
          foreign key (tenant_id, programme_id) references programmes (tenant_id, id) on delete cascade
        );

        create table programme_actions (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          programme_id uuid not null,
          number int not null,
          target_group text not null default '',
          action_nl text not null,
          action_en text not null default '',
          initiator text not null default '',
          planning text not null default '',
          angles jsonb not null default '[]',
          anchoring jsonb not null default '[]',
          project_id uuid,
          flags jsonb not null default '[]',
          source_note text not null default '',
          primary key (tenant_id, id),
          unique (tenant_id, programme_id, number),
          foreign key (tenant_id, programme_id) references programmes (tenant_id, id) on delete cascade,
          foreign key (tenant_id, project_id) references programme_projects (tenant_id, id) on delete set null (project_id)
        );

        create table programme_project_monitor_invitations (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          project_id uuid not null,
          phase text not null check (phase in ('expectation', 'effect')),
          respondent_role text not null check (respondent_role in ('resident', 'professional')),
          kind text not null check (kind in ('link', 'paper')),
          code_hash text not null,
          used boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, code_hash),
          foreign key (tenant_id, project_id) references programme_projects (tenant_id, id) on delete cascade
        );

        create table programme_project_monitor_responses (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          project_id uuid not null,
          phase text not null check (phase in ('expectation', 'effect')),
          respondent_role text not null check (respondent_role in ('resident', 'professional')),
          channel text not null check (channel in ('link', 'paper')),
          answers jsonb not null,
          submitted_on text not null check (submitted_on ${DAY}),
          is_demo boolean not null default false,
          primary key (tenant_id, id),
          foreign key (tenant_id, project_id) references programme_projects (tenant_id, id) on delete cascade
        );
        create index programme_project_monitor_responses_project on programme_project_monitor_responses (tenant_id, project_id, phase);

        create table programme_forums (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          programme_id uuid,
          name text not null,
          kind text not null check (kind in ('working_group', 'network', 'panel', 'sounding_board', 'other')),
          rhythm_months int check (rhythm_months is null or rhythm_months between 1 and 24),
          description_nl text not null default '',
          description_en text not null default '',
          area_codes jsonb not null default '[]',
          source_note text not null default '',
          is_demo boolean not null default false,
          primary key (tenant_id, id),
          foreign key (tenant_id, programme_id) references programmes (tenant_id, id) on delete cascade
        );

        create table programme_meetings (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          forum_id uuid not null,
          held_on text not null check (held_on ${DAY}),
          status text not null default 'planned' check (status in ('planned', 'held')),
          agenda jsonb not null default '[]',
          notes text not null default '',
          reminder_sent boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, forum_id) references programme_forums (tenant_id, id) on delete cascade
        );

        create table programme_meeting_items (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          meeting_id uuid not null,
          kind text not null check (kind in ('decision', 'action')),
          text text not null,
          owner_role text not null default '',
          due_on text check (due_on ${DAY}),
          done_on text check (done_on ${DAY}),
          project_id uuid,
          primary key (tenant_id, id),
          foreign key (tenant_id, meeting_id) references programme_meetings (tenant_id, id) on delete cascade
        );

        create table programme_subsidy_proposals (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          programme_id uuid,
          organisation_id uuid,
          organisation_name text not null,
          title text not null,
          summary text not null default '',
          start_year int not null,
          end_year int not null,
          requested_cents int check (requested_cents is null or requested_cents >= 0),
          conditions jsonb not null default '{}',
          goal_ids jsonb not null default '[]',
          area_codes jsonb not null default '[]',
          decision text not null default 'pending' check (decision in ('pending', 'granted', 'partly', 'refused')),
          granted_cents int check (granted_cents is null or granted_cents >= 0),
          decision_reasons text not null default '',
          decided_on text check (decided_on ${DAY}),
          decided_by uuid,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          check (end_year >= start_year),
          foreign key (tenant_id, programme_id) references programmes (tenant_id, id) on delete cascade
        );
      `,
        )
        .execute(db);
    },
  },
  '20261207T0930_programmes_meeting_reminders': {
    async up(db: Kysely<any>) {
      // When the reminder about an overdue follow-up action went out (once per action).
      await sql.raw(`alter table programme_meeting_items add column reminded_on text check (reminded_on ${DAY});`).execute(db);
    },
  },
};
