import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * Row types of the evaluation module (issue 16): evaluations of projects (intervention and
 * comparison areas, outcome indicators), their computed results, social return per project card
 * and the intervention library. Only this module's stores query them. Days as text 'YYYY-MM-DD';
 * money in integer cents, null meaning unknown (never 0).
 */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;
type Text = ColumnType<string, string | undefined, string>;
type Bool = ColumnType<boolean, boolean | undefined, boolean>;
type Json<T extends object | null> = JSONColumnType<T, T | undefined, T>;

export interface EvaluationsTable {
  tenant_id: string;
  id: Generated<string>;
  /** Public reference, e.g. EVA-2026-0001. */
  reference: string;
  /** The project card (programmes module) evaluated; null: an evaluation not tied to a card. */
  card_id: string | null;
  title_nl: string;
  title_en: Text;
  /** The question in plain words ("Zijn bewoners in Molenwijk actiever in de wijk dan in vergelijkbare wijken?"). */
  question_nl: string;
  question_en: Text;
  /** The day the intervention started: periods ending before it are "before", the rest "after". */
  start_day: string;
  end_day: NullableDay;
  /** did: difference-in-differences (two or more periods); synthetic: synthetic control as well. */
  method: ColumnType<'did' | 'synthetic', 'did' | 'synthetic' | undefined, 'did' | 'synthetic'>;
  /** Seed of the bootstrap: the same data and seed give the same interval. */
  seed: ColumnType<number, number | undefined, number>;
  status: ColumnType<'draft' | 'running' | 'finished', 'draft' | 'running' | 'finished' | undefined, 'draft' | 'running' | 'finished'>;
  /** Shown publicly (neighbourhood page, project card, learning together) only when true. */
  published: Bool;
  created_by: string | null;
  source_note: Text;
  is_demo: Bool;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface EvaluationAreasTable {
  tenant_id: string;
  evaluation_id: string;
  area_code: string;
  role: 'intervention' | 'comparison';
  /** coordinator: chosen by hand; suggested: taken over from the similarity suggestion. */
  chosen: ColumnType<'coordinator' | 'suggested', 'coordinator' | 'suggested' | undefined, 'coordinator' | 'suggested'>;
  /** Distance to the intervention areas when suggested (lower is more alike); null when chosen by hand. */
  similarity: number | null;
}

export interface EvaluationOutcomesTable {
  tenant_id: string;
  evaluation_id: string;
  /** A monitor indicator code. */
  indicator_code: string;
  position: ColumnType<number, number | undefined, number>;
}

export interface EvaluationResultsTable {
  tenant_id: string;
  evaluation_id: string;
  indicator_code: string;
  verdict: 'effect' | 'no_clear_effect' | 'cannot_tell' | 'no_data';
  /** The estimate with its interval, placebo, pre-trend and the series per group (estimate/). */
  result: Json<Record<string, unknown>>;
  /** Hash of the inputs: the job recomputes only when measurements or settings changed. */
  inputs_hash: string;
  computed_at: Stamp;
}

export interface EvaluationSocialReturnsTable {
  tenant_id: string;
  card_id: string;
  /** Value of one volunteer hour in cents; null: not set (the page says so, no value counted). */
  shadow_price_cents_per_hour: number | null;
  shadow_price_source: Text;
  /** How sure the shadow price is (migration 20261207T1310); valued hours are never more certain than it. */
  shadow_price_certainty: ColumnType<'low' | 'medium' | 'high', 'low' | 'medium' | 'high' | undefined, 'low' | 'medium' | 'high'>;
  /** The shadow price is a labelled demo value (invented). */
  shadow_price_is_demo: Bool;
  note_nl: Text;
  note_en: Text;
  updated_by: string | null;
  updated_at: Stamp;
}

export interface EvaluationSocialReturnItemsTable {
  tenant_id: string;
  id: Generated<string>;
  card_id: string;
  kind: 'avoided_cost' | 'valued_outcome';
  label_nl: string;
  label_en: Text;
  /** null: unknown. */
  amount_cents: number | null;
  certainty: ColumnType<'low' | 'medium' | 'high', 'low' | 'medium' | 'high' | undefined, 'low' | 'medium' | 'high'>;
  /** Where the amount comes from (required). */
  source_text: string;
  is_demo: Bool;
  created_by: string | null;
  created_at: Stamp;
}

export type InterventionLevel = 'street' | 'neighbourhood' | 'district' | 'municipality' | 'region';

/** An effect on an intervention card: from a finished evaluation or as a source states it. */
export interface InterventionEffect {
  indicatorCode?: string;
  unit?: string;
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  verdict?: string;
  evaluationReference?: string;
  /** Confidence level of the interval (0.9, 0.95). */
  level?: number;
}

export interface EvaluationInterventionsTable {
  tenant_id: string;
  id: Generated<string>;
  slug: string;
  title_nl: string;
  title_en: Text;
  what_nl: Text;
  what_en: Text;
  for_whom_nl: Text;
  for_whom_en: Text;
  /** Where it ran (place, municipality, wijk). */
  where_text: Text;
  cost_nl: Text;
  cost_en: Text;
  cost_cents_per_year: number | null;
  effect_nl: Text;
  effect_en: Text;
  effect: ColumnType<InterventionEffect | null, InterventionEffect | null | undefined, InterventionEffect | null>;
  lessons_nl: Text;
  lessons_en: Text;
  contact_organisation: Text;
  /** Functions of cohesion it serves: ontmoeten, kennen, helpen, samen_doen. */
  functions: Json<string[]>;
  target_groups: Json<string[]>;
  level: ColumnType<InterventionLevel, InterventionLevel | undefined, InterventionLevel>;
  origin: ColumnType<
    'manual' | 'evaluation' | 'import',
    'manual' | 'evaluation' | 'import' | undefined,
    'manual' | 'evaluation' | 'import'
  >;
  evaluation_id: string | null;
  /** For imported cards: the installation and municipality it came from. */
  origin_installation: string | null;
  origin_municipality: Text;
  /** Its CBS code (GM0542); '' for cards made here (migration 20261207T1320). */
  origin_municipality_code: Text;
  published: Bool;
  source_note: Text;
  is_demo: Bool;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface EvaluationTables {
  evaluation_evaluations: EvaluationsTable;
  evaluation_areas: EvaluationAreasTable;
  evaluation_outcomes: EvaluationOutcomesTable;
  evaluation_results: EvaluationResultsTable;
  evaluation_social_returns: EvaluationSocialReturnsTable;
  evaluation_social_return_items: EvaluationSocialReturnItemsTable;
  evaluation_interventions: EvaluationInterventionsTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends EvaluationTables {}
}
