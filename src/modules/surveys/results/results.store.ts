/**
 * What the results need from the surveys module's tables: the surveys with their threshold and
 * period, and the anonymous responses (area, answers, item-set versions — nothing else). The two
 * insert functions are for tests and demo data; residents answer through respond/.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SurveyItemSetRef } from '../surveys.tables.ts';

export interface ResultSurvey {
  id: string;
  period: string;
  areaCode: string | null;
  minRespondents: number;
  itemSets: SurveyItemSetRef[];
}

export interface ResultResponse {
  surveyId: string;
  areaCode: string;
  answers: Record<string, number | string | null>;
  itemVersions: Record<string, string>;
  isDemo: boolean;
}

/** Every survey of a tenant that is open or closed (a draft has no responses to count). */
export async function listResultSurveys(db: DbOrTrx, tenantId: string): Promise<ResultSurvey[]> {
  const rows = await db
    .selectFrom('surveys')
    .select(['id', 'period', 'area_code', 'min_respondents', 'item_sets'])
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['open', 'closed'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, period: r.period, areaCode: r.area_code, minRespondents: r.min_respondents, itemSets: r.item_sets }));
}

/** The responses of a tenant's surveys (only the columns the results use). */
export async function listResultResponses(db: DbOrTrx, tenantId: string, surveyIds: readonly string[]): Promise<ResultResponse[]> {
  if (surveyIds.length === 0) return [];
  const rows = await db
    .selectFrom('survey_responses')
    .select(['survey_id', 'area_code', 'answers', 'item_versions', 'is_demo'])
    .where('tenant_id', '=', tenantId)
    .where('survey_id', 'in', surveyIds)
    .execute();
  return rows.map((r) => ({
    surveyId: r.survey_id,
    areaCode: r.area_code,
    answers: r.answers,
    itemVersions: r.item_versions,
    isDemo: r.is_demo,
  }));
}

export interface NewResultSurvey {
  tenantId: string;
  titleNl: string;
  period: string;
  itemSets: SurveyItemSetRef[];
  areaCode?: string | null;
  minRespondents?: number;
  status?: 'draft' | 'open' | 'closed';
  isDemo?: boolean;
}

/** Insert a survey row (tests and demo data); returns its id. */
export async function insertSurvey(db: DbOrTrx, s: NewResultSurvey): Promise<string> {
  const row = await db
    .insertInto('surveys')
    .values({
      tenant_id: s.tenantId,
      title_nl: s.titleNl,
      period: s.period,
      item_sets: JSON.stringify(s.itemSets),
      area_code: s.areaCode ?? null,
      min_respondents: s.minRespondents ?? 30,
      status: s.status ?? 'closed',
      is_demo: s.isDemo ?? false,
      open_link_token: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewResultResponse {
  tenantId: string;
  surveyId: string;
  areaCode: string;
  channel?: 'link' | 'invitation' | 'paper';
  answers: Record<string, number | string | null>;
  itemVersions: Record<string, string>;
  submittedOn: string;
  isDemo?: boolean;
}

/** Insert responses (tests and demo data), in chunks. */
export async function insertResponses(db: DbOrTrx, responses: readonly NewResultResponse[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < responses.length; i += CHUNK) {
    await db
      .insertInto('survey_responses')
      .values(
        responses.slice(i, i + CHUNK).map((r) => ({
          tenant_id: r.tenantId,
          survey_id: r.surveyId,
          area_code: r.areaCode,
          channel: r.channel ?? 'link',
          answers: JSON.stringify(r.answers),
          item_versions: JSON.stringify(r.itemVersions),
          submitted_on: r.submittedOn,
          is_demo: r.isDemo ?? false,
        })),
      )
      .execute();
  }
}
