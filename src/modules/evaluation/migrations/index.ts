import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of the evaluation module (issue 16): evaluations of projects with intervention and
 * comparison areas and outcome indicators, their computed results, social return per project
 * card, and the intervention library. Days as text 'YYYY-MM-DD'; money in integer cents (null:
 * unknown). Every table carries tenant_id and references its parent within the same municipality.
 * Project cards, areas and indicators belong to other modules: referenced by id or code, no
 * foreign key across modules. Frozen once landed: never edit, add new ones.
 */
const DAY = `~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

export const evaluationMigrations: Record<string, Migration> = {
  '20261207T1200_evaluation_core': {
    async up(db: Kysely<any>) {
      await sql
        .raw(
          `
        create table evaluation_evaluations (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          reference text not null,
          card_id uuid,
          title_nl text not null,
          title_en text not null default '',
          question_nl text not null,
          question_en text not null default '',
          start_day text not null check (start_day ${DAY}),
          end_day text check (end_day ${DAY}),
          method text not null default 'did' check (method in ('did', 'synthetic')),
          seed int not null default 20261207,
          status text not null default 'draft' check (status in ('draft', 'running', 'finished')),
          published boolean not null default false,
          created_by uuid,
          source_note text not null default '',
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, reference),
          check (end_day is null or end_day >= start_day)
        );
        create index evaluation_evaluations_card on evaluation_evaluations (tenant_id, card_id);

        create table evaluation_areas (
          tenant_id text not null,
          evaluation_id uuid not null,
          area_code text not null,
          role text not null check (role in ('intervention', 'comparison')),
          chosen text not null default 'coordinator' check (chosen in ('coordinator', 'suggested')),
          similarity double precision,
          primary key (tenant_id, evaluation_id, area_code),
          foreign key (tenant_id, evaluation_id) references evaluation_evaluations (tenant_id, id) on delete cascade
        );

        create table evaluation_outcomes (
          tenant_id text not null,
          evaluation_id uuid not null,
          indicator_code text not null,
          position int not null default 0,
          primary key (tenant_id, evaluation_id, indicator_code),
          foreign key (tenant_id, evaluation_id) references evaluation_evaluations (tenant_id, id) on delete cascade
        );

        create table evaluation_results (
          tenant_id text not null,
          evaluation_id uuid not null,
          indicator_code text not null,
          verdict text not null check (verdict in ('effect', 'no_clear_effect', 'cannot_tell', 'no_data')),
          result jsonb not null,
          inputs_hash text not null,
          computed_at timestamptz not null default now(),
          primary key (tenant_id, evaluation_id, indicator_code),
          foreign key (tenant_id, evaluation_id) references evaluation_evaluations (tenant_id, id) on delete cascade
        );

        create table evaluation_social_returns (
          tenant_id text not null references tenants(id) on delete cascade,
          card_id uuid not null,
          shadow_price_cents_per_hour int check (shadow_price_cents_per_hour is null or shadow_price_cents_per_hour >= 0),
          shadow_price_source text not null default '',
          note_nl text not null default '',
          note_en text not null default '',
          updated_by uuid,
          updated_at timestamptz not null default now(),
          primary key (tenant_id, card_id)
        );

        create table evaluation_social_return_items (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          card_id uuid not null,
          kind text not null check (kind in ('avoided_cost', 'valued_outcome')),
          label_nl text not null,
          label_en text not null default '',
          amount_cents int check (amount_cents is null or amount_cents >= 0),
          certainty text not null default 'low' check (certainty in ('low', 'medium', 'high')),
          source_text text not null,
          is_demo boolean not null default false,
          created_by uuid,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, card_id) references evaluation_social_returns (tenant_id, card_id) on delete cascade
        );

        create table evaluation_interventions (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
          title_nl text not null,
          title_en text not null default '',
          what_nl text not null default '',
          what_en text not null default '',
          for_whom_nl text not null default '',
          for_whom_en text not null default '',
          where_text text not null default '',
          cost_nl text not null default '',
          cost_en text not null default '',
          cost_cents_per_year int check (cost_cents_per_year is null or cost_cents_per_year >= 0),
          effect_nl text not null default '',
          effect_en text not null default '',
          effect jsonb,
          lessons_nl text not null default '',
          lessons_en text not null default '',
          contact_organisation text not null default '',
          functions jsonb not null default '[]',
          target_groups jsonb not null default '[]',
          level text not null default 'neighbourhood' check (level in ('street', 'neighbourhood', 'district', 'municipality', 'region')),
          origin text not null default 'manual' check (origin in ('manual', 'evaluation', 'import')),
          evaluation_id uuid,
          origin_installation text,
          origin_municipality text not null default '',
          published boolean not null default false,
          source_note text not null default '',
          is_demo boolean not null default false,
          created_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id),
          unique (tenant_id, slug)
        );
      `,
        )
        .execute(db);
    },
  },
  '20261207T1310_evaluation_social_return_shadow': {
    async up(db: Kysely<any>) {
      await sql
        .raw(
          `
        alter table evaluation_social_returns
          add column shadow_price_certainty text not null default 'medium' check (shadow_price_certainty in ('low', 'medium', 'high')),
          add column shadow_price_is_demo boolean not null default false;
      `,
        )
        .execute(db);
    },
  },
  '20261207T1320_evaluation_intervention_origin_code': {
    async up(db: Kysely<any>) {
      // The CBS code of the municipality an imported intervention card came from (GM0542); '' for cards made here.
      await sql.raw(`alter table evaluation_interventions add column origin_municipality_code text not null default ''`).execute(db);
    },
  },
};
