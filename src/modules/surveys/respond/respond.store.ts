import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SurveyResponsesTable, SurveysTable } from '../surveys.tables.ts';

/** SQL of answering a survey: find the survey, use an invitation once, store an anonymous response. */
export type SurveyRow = Selectable<SurveysTable>;

export async function surveyById(db: DbOrTrx, tenantId: string, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function surveyByToken(db: DbOrTrx, tenantId: string, token: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').selectAll().where('tenant_id', '=', tenantId).where('open_link_token', '=', token).executeTakeFirst();
}

/** Surveys with status open (the dates are checked by the service). */
export async function openSurveys(db: DbOrTrx, tenantId: string): Promise<SurveyRow[]> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function invitationByHash(
  db: DbOrTrx,
  tenantId: string,
  hash: string,
): Promise<{ survey_id: string; kind: 'personal' | 'paper'; used: boolean } | undefined> {
  return db
    .selectFrom('survey_invitations')
    .select(['survey_id', 'kind', 'used'])
    .where('tenant_id', '=', tenantId)
    .where('code_hash', '=', hash)
    .executeTakeFirst();
}

/** Mark an invitation used, only if it was not: true when this call used it (the row lock makes a second, concurrent use fail). */
export async function claimInvitation(db: DbOrTrx, tenantId: string, hash: string, surveyId: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_invitations')
    .set({ used: true })
    .where('tenant_id', '=', tenantId)
    .where('code_hash', '=', hash)
    .where('survey_id', '=', surveyId)
    .where('used', '=', false)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResponses(db: DbOrTrx, rows: Insertable<SurveyResponsesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('survey_responses').values(rows).execute();
}
