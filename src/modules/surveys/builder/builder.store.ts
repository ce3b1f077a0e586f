import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SurveysTable } from '../surveys.tables.ts';

/** SQL of the survey builder: surveys and the making of codes (only hashes are written). */
export type SurveyRow = Selectable<SurveysTable>;

export async function listSurveys(db: DbOrTrx, tenantId: string): Promise<SurveyRow[]> {
  return db.selectFrom('surveys').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function findSurvey(db: DbOrTrx, tenantId: string, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertSurvey(db: DbOrTrx, row: Insertable<SurveysTable>): Promise<string> {
  const r = await db.insertInto('surveys').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSurvey(db: DbOrTrx, tenantId: string, id: string, set: Updateable<SurveysTable>): Promise<boolean> {
  const r = await db.updateTable('surveys').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Per survey: invitations made and used, and responses received (counts only). */
export async function surveyCounts(
  db: DbOrTrx,
  tenantId: string,
): Promise<Map<string, { codes: number; used: number; responses: number }>> {
  const codes = await db
    .selectFrom('survey_invitations')
    .select((eb) => [
      'survey_id',
      eb.fn.countAll<string>().as('n'),
      eb.fn.count<string>(eb.case().when('used', '=', true).then(1).end()).as('used'),
    ])
    .where('tenant_id', '=', tenantId)
    .groupBy('survey_id')
    .execute();
  const responses = await db
    .selectFrom('survey_responses')
    .select((eb) => ['survey_id', eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy('survey_id')
    .execute();
  const out = new Map<string, { codes: number; used: number; responses: number }>();
  const get = (id: string) => out.get(id) ?? out.set(id, { codes: 0, used: 0, responses: 0 }).get(id)!;
  for (const c of codes) Object.assign(get(c.survey_id), { codes: Number(c.n), used: Number(c.used) });
  for (const r of responses) get(r.survey_id).responses = Number(r.n);
  return out;
}

/** Store the hashes of new codes. */
export async function insertInvitations(
  db: DbOrTrx,
  rows: { tenantId: string; surveyId: string; codeHash: string; kind: 'personal' | 'paper'; areaCode: string | null; now: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('survey_invitations')
    .values(
      rows.map((r) => ({
        tenant_id: r.tenantId,
        survey_id: r.surveyId,
        code_hash: r.codeHash,
        kind: r.kind,
        area_code: r.areaCode,
        created_at: r.now,
      })),
    )
    .execute();
}

/** Open surveys whose last day lies before `today` become closed; returns their ids. */
export async function closeEndedSurveys(db: DbOrTrx, tenantId: string, today: string): Promise<string[]> {
  const rows = await db
    .updateTable('surveys')
    .set({ status: 'closed' })
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'open')
    .where('closes_on', 'is not', null)
    .where('closes_on', '<', today)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
