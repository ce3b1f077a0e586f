import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of the surveys module ("kennen", issue 13). A response is never tied to a person: it has
 * no invitation id, no user id and only the day it came in; an invitation only records that it
 * was used. Every table carries tenant_id. Frozen once landed: never edit, add new ones.
 */
export const surveysMigrations: Record<string, Migration> = {
  '20261207T0500_surveys_core': {
    async up(db: Kysely<any>) {
      await sql`
        create table surveys (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          title_nl text not null,
          title_en text not null default '',
          intro_nl text not null default '',
          intro_en text not null default '',
          item_sets jsonb not null default '[]',
          area_code text,
          period text not null check (period ~ '^[0-9]{4}(-Q[1-4]|-[01][0-9])?$'),
          status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
          opens_on text check (opens_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          closes_on text check (closes_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          open_link_token text unique,
          min_respondents int not null default 30 check (min_respondents >= 5),
          is_demo boolean not null default false,
          created_by uuid,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id)
        );

        create table survey_invitations (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          survey_id uuid not null,
          code_hash text not null,
          kind text not null check (kind in ('personal', 'paper')),
          area_code text,
          used boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, code_hash),
          foreign key (tenant_id, survey_id) references surveys (tenant_id, id) on delete cascade
        );

        create table survey_responses (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          survey_id uuid not null,
          area_code text not null,
          channel text not null check (channel in ('link', 'invitation', 'paper')),
          answers jsonb not null,
          item_versions jsonb not null,
          submitted_on text not null check (submitted_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          is_demo boolean not null default false,
          primary key (tenant_id, id),
          foreign key (tenant_id, survey_id) references surveys (tenant_id, id) on delete cascade
        );
        create index survey_responses_survey on survey_responses (tenant_id, survey_id, area_code);
      `.execute(db);
    },
  },
};
