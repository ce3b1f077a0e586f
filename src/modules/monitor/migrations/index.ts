import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tables of the monitor module (issue 13): indicators, measurements per area and period, targets,
 * the crosswalk between CBS divisions, the municipality's recorded classification, import logs and
 * the wijkperspectief. Every table carries tenant_id. Frozen once landed: never edit, add new ones.
 */
export const monitorMigrations: Record<string, Migration> = {
  '20261207T0500_monitor_core': {
    async up(db: Kysely<any>) {
      await sql`
        create table monitor_indicators (
          tenant_id text not null references tenants(id) on delete cascade,
          code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$'),
          name_nl text not null,
          name_en text not null,
          description_nl text not null default '',
          description_en text not null default '',
          unit text not null check (unit in ('percent', 'score', 'count', 'per1000', 'hours', 'days', 'euro', 'ratio')),
          direction text not null check (direction in ('up', 'down', 'neutral')),
          source text not null check (source in ('cbs', 'survey', 'platform', 'import')),
          theme text not null,
          formula text,
          min_respondents int not null default 30 check (min_respondents >= 5),
          decimals int not null default 1 check (decimals between 0 and 4),
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, code)
        );

        create table monitor_measurements (
          tenant_id text not null,
          indicator_code text not null,
          area_code text not null,
          period text not null check (period ~ '^[0-9]{4}(-Q[1-4]|-[01][0-9])?$'),
          period_start text not null check (period_start ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          period_end text not null check (period_end ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          value double precision,
          respondents int check (respondents is null or respondents >= 0),
          ci_low double precision,
          ci_high double precision,
          status text not null default 'ok' check (status in ('ok', 'suppressed', 'unknown')),
          is_demo boolean not null default false,
          source_note text not null default '',
          computed_at timestamptz not null default now(),
          primary key (tenant_id, indicator_code, area_code, period),
          foreign key (tenant_id, indicator_code) references monitor_indicators (tenant_id, code) on delete cascade,
          check (status <> 'ok' or value is not null),
          check (status = 'ok' or value is null)
        );
        create index monitor_measurements_area on monitor_measurements (tenant_id, area_code, indicator_code, period_start);

        create table monitor_targets (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          indicator_code text not null,
          area_code text,
          baseline_period text not null check (baseline_period ~ '^[0-9]{4}(-Q[1-4]|-[01][0-9])?$'),
          baseline_value double precision,
          target_value double precision not null,
          target_year int not null check (target_year between 1990 and 2100),
          comparator text not null check (comparator in ('at_least', 'at_most')),
          note_nl text not null default '',
          note_en text not null default '',
          source_note text not null default '',
          programme_goal_id uuid,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id, indicator_code) references monitor_indicators (tenant_id, code) on delete cascade
        );
        create index monitor_targets_indicator on monitor_targets (tenant_id, indicator_code);

        create table monitor_crosswalk (
          tenant_id text not null references tenants(id) on delete cascade,
          from_code text not null,
          from_year int not null,
          to_code text not null,
          to_year int not null,
          weight double precision not null check (weight > 0 and weight <= 1),
          change_kind smallint not null check (change_kind in (1, 2, 3)),
          source_note text not null default '',
          primary key (tenant_id, from_code, from_year, to_code, to_year),
          check (to_year > from_year)
        );

        create table monitor_recorded_classifications (
          tenant_id text not null references tenants(id) on delete cascade,
          area_code text not null,
          year int not null,
          class text not null check (class in ('above', 'around', 'below')),
          label text not null default '',
          knelpunten jsonb not null default '[]',
          method text not null default '',
          source_note text not null default '',
          primary key (tenant_id, area_code, year)
        );

        create table monitor_imports (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          file_name text not null,
          format text not null check (format in ('csv', 'xlsx', 'cbs')),
          outcome text not null check (outcome in ('imported', 'rejected')),
          created int not null default 0,
          updated int not null default 0,
          rejected jsonb not null default '[]',
          imported_by uuid,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id)
        );

        create table monitor_perspectives (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          area_code text not null,
          version int not null check (version >= 1),
          status text not null default 'draft' check (status in ('draft', 'agreed')),
          content jsonb not null default '{}',
          is_demo boolean not null default false,
          created_by uuid,
          created_at timestamptz not null default now(),
          agreed_at timestamptz,
          primary key (tenant_id, id),
          unique (tenant_id, area_code, version)
        );

        create table monitor_perspective_contributions (
          tenant_id text not null,
          id uuid not null default gen_random_uuid(),
          area_code text not null,
          kind text not null check (kind in ('strength', 'weakness', 'opportunity', 'threat', 'knelpunt', 'answer')),
          question int check (question is null or question between 1 and 10),
          text text not null check (length(text) between 1 and 2000),
          organisation_id uuid,
          author_id uuid,
          is_demo boolean not null default false,
          created_at timestamptz not null default now(),
          primary key (tenant_id, id),
          foreign key (tenant_id) references tenants(id) on delete cascade
        );
        create index monitor_perspective_contributions_area on monitor_perspective_contributions (tenant_id, area_code);
      `.execute(db);
    },
  },
  '20261207T0610_monitor_recompute_runs': {
    async up(db: Kysely<any>) {
      // How long each run of the recompute job took per municipality and source (no personal data).
      await sql`
        create table monitor_recompute_runs (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          source_id text not null,
          started_at timestamptz not null,
          duration_ms int not null check (duration_ms >= 0),
          measurements int not null default 0 check (measurements >= 0),
          outcome text not null default 'ok' check (outcome in ('ok', 'failed')),
          primary key (tenant_id, id)
        );
        create index monitor_recompute_runs_started on monitor_recompute_runs (tenant_id, started_at desc);
      `.execute(db);
    },
  },
};
