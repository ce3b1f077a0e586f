import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Row types of the surveys module's tables (only this module's stores query them). */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A day as text 'YYYY-MM-DD' (the same on PGlite and pg; sorts as it reads). */
type Day = string;
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;

/** An item set used by a survey, by key and version (src/modules/surveys/itemsets/). */
export interface SurveyItemSetRef {
  set: string;
  version: string;
}

export interface SurveysTable {
  tenant_id: string;
  id: Generated<string>;
  title_nl: string;
  title_en: ColumnType<string, string | undefined, string>;
  intro_nl: ColumnType<string, string | undefined, string>;
  intro_en: ColumnType<string, string | undefined, string>;
  item_sets: JSONColumnType<SurveyItemSetRef[]>;
  /** The area the survey covers (a wijk or the municipality); null: the whole municipality. */
  area_code: string | null;
  /** The monitor period its results are stored under (`2026`, `2026-Q4`). */
  period: string;
  status: ColumnType<'draft' | 'open' | 'closed', 'draft' | 'open' | 'closed' | undefined, 'draft' | 'open' | 'closed'>;
  opens_on: NullableDay;
  closes_on: NullableDay;
  /** Token of the open link (`/{tenant}/enquete/{token}`); null: only by invitation or on paper. */
  open_link_token: string | null;
  min_respondents: ColumnType<number, number | undefined, number>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Stamp;
}

/** A personal or paper code; only its hash is kept, and only whether it was used (never when, never by whom). */
export interface SurveyInvitationsTable {
  tenant_id: string;
  id: Generated<string>;
  survey_id: string;
  code_hash: string;
  kind: 'personal' | 'paper';
  area_code: string | null;
  used: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
}

/** One anonymous response: the buurt, the answers and the item-set versions; no link to a person or an invitation. */
export interface SurveyResponsesTable {
  tenant_id: string;
  id: Generated<string>;
  survey_id: string;
  area_code: string;
  channel: 'link' | 'invitation' | 'paper';
  answers: JSONColumnType<Record<string, number | string | null>>;
  item_versions: JSONColumnType<Record<string, string>>;
  submitted_on: Day;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SurveysTables {
  surveys: SurveysTable;
  survey_invitations: SurveyInvitationsTable;
  survey_responses: SurveyResponsesTable;
}

declare module '../../platform/db/schema.ts' {
  interface Database extends SurveysTables {}
}
