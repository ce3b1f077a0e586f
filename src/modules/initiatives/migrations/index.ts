import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of the initiatives module ("samen doen", issue 15). Money in integer cents; days as text
 * 'YYYY-MM-DD'. Every table carries tenant_id and references its parent within the same
 * municipality. A ballot holds a hash of the voter (user id or paper code), never the person.
 * Frozen once landed: never edit, add new ones.
 */
const DAY = `~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

export const initiativesMigrations: Record<string, Migration> = {
  '20261207T0810_initiatives_core': {
    async up(db: Kysely<any>) {
      await sql
        .raw(
          `
        create table initiative_funds (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
          name_nl text not null,
          name_en text not null default '',
          description_nl text not null default '',
          description_en text not null default '',
          owner_text text not null default '',
          max_per_initiative_cents int check (max_per_initiative_cents is null or max_per_initiative_cents > 0),
          min_cosigners int not null default 0 check (min_cosigners between 0 and 20),
          own_contribution text not null default 'none' check (own_contribution in ('none', 'money', 'money_or_kind')),
          eligibility_nl text not null default '',
          eligibility_en text not null default '',
          lead_time_days int not null default 0 check (lead_time_days >= 0),
          acknowledge_working_days int not null default 3 check (acknowledge_working_days between 1 and 30),
          decide_weeks int not null default 6 check (decide_weeks between 1 and 26),
          spot_check_percent int not null default 10 check (spot_check_percent between 0 and 100),
          status text not null default 'active' check (status in ('active', 'closed')),
          source_note text not null default '',
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, slug)
        );

        create table initiative_budgets (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          fund_id uuid not null,
          year int not null check (year between 1990 and 2100),
          label_nl text not null,
          label_en text not null default '',
          area_codes jsonb not null default '[]',
          amount_cents int not null check (amount_cents >= 0),
          source_note text not null default '',
          primary key (tenant_id, id),
          foreign key (tenant_id, fund_id) references initiative_funds (tenant_id, id) on delete cascade
        );

        create table initiative_cofunding (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          fund_id uuid not null,
          year int not null check (year between 1990 and 2100),
          source_name text not null,
          per_unit_cents int check (per_unit_cents is null or per_unit_cents >= 0),
          units int check (units is null or units >= 0),
          amount_cents int not null check (amount_cents >= 0),
          area_codes jsonb not null default '[]',
          source_note text not null default '',
          primary key (tenant_id, id),
          check (per_unit_cents is null or units is null or amount_cents = per_unit_cents * units),
          foreign key (tenant_id, fund_id) references initiative_funds (tenant_id, id) on delete cascade
        );

        create table initiative_rounds (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          fund_id uuid not null,
          budget_id uuid,
          name_nl text not null,
          name_en text not null default '',
          kind text not null check (kind in ('dated', 'rolling')),
          opens_on text not null check (opens_on ${DAY}),
          closes_on text check (closes_on ${DAY}),
          voting text not null default 'none' check (voting in ('none', 'approval', 'knapsack')),
          voting_opens_on text check (voting_opens_on ${DAY}),
          voting_closes_on text check (voting_closes_on ${DAY}),
          voting_budget_cents int check (voting_budget_cents is null or voting_budget_cents >= 0),
          area_codes jsonb not null default '[]',
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          check (kind = 'rolling' or closes_on is not null),
          check (closes_on is null or closes_on >= opens_on),
          check (voting = 'none' or (voting_opens_on is not null and voting_closes_on is not null and voting_closes_on >= voting_opens_on)),
          foreign key (tenant_id, fund_id) references initiative_funds (tenant_id, id) on delete cascade,
          foreign key (tenant_id, budget_id) references initiative_budgets (tenant_id, id) on delete set null (budget_id)
        );

        create table initiative_calls (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          round_id uuid,
          fund_id uuid not null,
          origin text not null check (origin in ('wijkschouw', 'white_spot', 'knelpunt', 'other')),
          origin_ref text not null default '',
          area_code text,
          title_nl text not null,
          title_en text not null default '',
          text_nl text not null default '',
          text_en text not null default '',
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, fund_id) references initiative_funds (tenant_id, id) on delete cascade
        );

        create table initiative_applications (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          reference text not null,
          fund_id uuid not null,
          round_id uuid,
          call_id uuid,
          youth_idea_id uuid,
          applicant_user_id uuid,
          entered_by uuid,
          group_name text not null,
          title text not null,
          what text not null default '',
          for_whom text not null default '',
          area_code text not null,
          starts_on text check (starts_on ${DAY}),
          ends_on text check (ends_on ${DAY}),
          budget_lines jsonb not null default '[]',
          requested_cents int not null check (requested_cents > 0),
          own_money_cents int not null default 0 check (own_money_cents >= 0),
          own_in_kind text not null default '',
          status text not null default 'draft' check (status in
            ('draft', 'submitted', 'acknowledged', 'in_review', 'decided', 'paid', 'accounted', 'withdrawn')),
          submitted_at timestamptz,
          acknowledged_at timestamptz,
          feasibility jsonb not null default '[]',
          decision text check (decision in ('full', 'partial', 'rejected')),
          granted_cents int check (granted_cents is null or (granted_cents >= 0 and granted_cents <= requested_cents)),
          decision_letter text not null default '',
          decided_at timestamptz,
          decided_by uuid,
          paid_cents int not null default 0 check (paid_cents >= 0),
          paid_on text check (paid_on ${DAY}),
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, reference),
          check (ends_on is null or starts_on is null or ends_on >= starts_on),
          check (paid_cents <= coalesce(granted_cents, 0)),
          foreign key (tenant_id, fund_id) references initiative_funds (tenant_id, id) on delete cascade,
          foreign key (tenant_id, round_id) references initiative_rounds (tenant_id, id) on delete set null (round_id)
        );
        create index initiative_applications_area on initiative_applications (tenant_id, area_code, status);

        create table initiative_cosigners (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          application_id uuid not null,
          display_name text not null,
          postcode text not null,
          area_code text,
          token_hash text not null,
          confirmed_on text check (confirmed_on ${DAY}),
          primary key (tenant_id, id),
          unique (tenant_id, token_hash),
          foreign key (tenant_id, application_id) references initiative_applications (tenant_id, id) on delete cascade
        );

        create table initiative_accounts (
          tenant_id text not null,
          application_id uuid not null,
          what_happened text not null,
          participants int check (participants is null or participants >= 0),
          spent_cents int check (spent_cents is null or spent_cents >= 0),
          submitted_on text not null check (submitted_on ${DAY}),
          spot_check boolean not null default false,
          spot_check_result text not null default '',
          spot_checked_on text check (spot_checked_on ${DAY}),
          primary key (tenant_id, application_id),
          foreign key (tenant_id, application_id) references initiative_applications (tenant_id, id) on delete cascade
        );

        create table initiative_files (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          application_id uuid not null,
          kind text not null check (kind in ('photo', 'receipt')),
          content_type text not null,
          bytes bytea not null,
          byte_size int not null,
          alt_text text not null default '',
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, application_id) references initiative_applications (tenant_id, id) on delete cascade
        );

        create table initiative_vote_codes (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          round_id uuid not null,
          code_hash text not null,
          area_code text,
          used boolean not null default false,
          primary key (tenant_id, id),
          unique (tenant_id, code_hash),
          foreign key (tenant_id, round_id) references initiative_rounds (tenant_id, id) on delete cascade
        );

        create table initiative_ballots (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          round_id uuid not null,
          voter_key text not null,
          application_ids jsonb not null,
          channel text not null check (channel in ('account', 'paper')),
          cast_on text not null check (cast_on ${DAY}),
          primary key (tenant_id, id),
          unique (tenant_id, round_id, voter_key),
          foreign key (tenant_id, round_id) references initiative_rounds (tenant_id, id) on delete cascade
        );

        create table initiative_youth_ideas (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          area_code text not null,
          text text not null check (length(text) between 1 and 1000),
          nickname text not null default '',
          status text not null default 'new'
            check (status in ('new', 'seen', 'growing', 'became_initiative', 'not_now', 'done')),
          response_nl text not null default '',
          response_en text not null default '',
          device_hash text,
          application_id uuid,
          is_demo boolean not null default false,
          created_on text not null check (created_on ${DAY}),
          primary key (tenant_id, id)
        );

        create table initiative_youth_polls (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          area_code text,
          question_nl text not null,
          question_en text not null default '',
          options jsonb not null,
          opens_on text not null check (opens_on ${DAY}),
          closes_on text not null check (closes_on ${DAY}),
          is_demo boolean not null default false,
          primary key (tenant_id, id),
          check (closes_on >= opens_on)
        );

        create table initiative_youth_poll_answers (
          tenant_id text not null,
          poll_id uuid not null,
          device_hash text not null,
          option_key text not null,
          answered_on text not null check (answered_on ${DAY}),
          primary key (tenant_id, poll_id, device_hash),
          foreign key (tenant_id, poll_id) references initiative_youth_polls (tenant_id, id) on delete cascade
        );
      `,
        )
        .execute(db);
    },
  },
  '20261207T0930_initiatives_youth_moderation': {
    async up(db: Kysely<any>) {
      // A youth idea is shown publicly only after a youth worker or coordinator let it through.
      await sql
        .raw(
          `
        alter table initiative_youth_ideas
          add column moderation text not null default 'pending' check (moderation in ('pending', 'shown', 'hidden')),
          add column moderated_on text check (moderated_on ${DAY});
        create index initiative_youth_ideas_area on initiative_youth_ideas (tenant_id, area_code, moderation);
        create index initiative_youth_ideas_device on initiative_youth_ideas (tenant_id, device_hash);
      `,
        )
        .execute(db);
    },
  },
  '20261207T0940_initiatives_review': {
    async up(db: Kysely<any>) {
      // Review and accountability (I2): payouts in parts up to the decision, one overdue mark per
      // deadline (mailed once), a secret per fund for the spot-check draw, and photos that may be shown.
      await sql
        .raw(
          `
        create table initiative_payouts (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          application_id uuid not null,
          paid_on text not null check (paid_on ${DAY}),
          amount_cents int not null check (amount_cents > 0),
          recorded_by uuid,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, application_id) references initiative_applications (tenant_id, id) on delete cascade
        );
        create index initiative_payouts_application on initiative_payouts (tenant_id, application_id);

        create table initiative_deadline_marks (
          tenant_id text not null,
          application_id uuid not null,
          kind text not null check (kind in ('acknowledge', 'decide')),
          due_at timestamptz not null,
          marked_at timestamptz not null,
          mails int not null default 0,
          primary key (tenant_id, application_id, kind),
          foreign key (tenant_id, application_id) references initiative_applications (tenant_id, id) on delete cascade
        );

        create table initiative_spot_check_keys (
          tenant_id text not null,
          fund_id uuid not null,
          secret text not null check (length(secret) >= 32),
          primary key (tenant_id, fund_id),
          foreign key (tenant_id, fund_id) references initiative_funds (tenant_id, id) on delete cascade
        );

        alter table initiative_files
          add column shown_publicly boolean not null default false,
          add column file_name text not null default '';
        create index initiative_files_application on initiative_files (tenant_id, application_id, kind);
      `,
        )
        .execute(db);
    },
  },
  '20261207T1200_initiatives_behalf_and_mail': {
    async up(db: Kysely<any>) {
      // Applying on someone's behalf (the resident without an account: a name and one way to reach
      // them; the organisation of who entered it, shown instead of a person), and the outbox mail of
      // a co-signer's link (its id only, to remove that mail once confirmed or the round closed).
      await sql
        .raw(
          `
        alter table initiative_applications
          add column subject_name text,
          add column subject_phone text,
          add column subject_email text,
          add column entered_by_org text not null default '';
        alter table initiative_cosigners add column mail_id uuid;
        create index initiative_cosigners_mail on initiative_cosigners (tenant_id) where mail_id is not null;
      `,
        )
        .execute(db);
    },
  },
};
