import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { HelpReportsTable, HelpVacanciesTable, HelpVacancyResponsesTable } from '../helpmatch.tables.ts';

export type ReportRow = Selectable<HelpReportsTable>;
export type VacancyRow = Selectable<HelpVacanciesTable>;
export type VacancyResponseRow = Selectable<HelpVacancyResponsesTable>;

export async function isBlocked(db: DbOrTrx, tenantId: string, userId: string): Promise<boolean> {
  const r = await db
    .selectFrom('help_blocks')
    .select('user_id')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function listBlocked(db: DbOrTrx, tenantId: string): Promise<{ user_id: string; reason: string; created_at: Date }[]> {
  return db
    .selectFrom('help_blocks')
    .select(['user_id', 'reason', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function block(db: DbOrTrx, tenantId: string, userId: string, by: string, reason: string): Promise<void> {
  await db
    .insertInto('help_blocks')
    .values({ tenant_id: tenantId, user_id: userId, blocked_by: by, reason })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ reason, blocked_by: by }))
    .execute();
}

export async function unblock(db: DbOrTrx, tenantId: string, userId: string): Promise<boolean> {
  const r = await db.deleteFrom('help_blocks').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function insertReport(db: DbOrTrx, row: Insertable<HelpReportsTable>): Promise<ReportRow> {
  return db.insertInto('help_reports').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listReports(db: DbOrTrx, tenantId: string): Promise<ReportRow[]> {
  return db
    .selectFrom('help_reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('state')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

export async function handleReport(db: DbOrTrx, tenantId: string, id: string, by: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('help_reports')
    .set({ state: 'handled', handled_by: by, handled_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertVacancy(db: DbOrTrx, row: Insertable<HelpVacanciesTable>): Promise<VacancyRow> {
  return db.insertInto('help_vacancies').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findVacancy(db: DbOrTrx, tenantId: string, id: string): Promise<VacancyRow | undefined> {
  return db.selectFrom('help_vacancies').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function listVacancies(db: DbOrTrx, tenantId: string, opts: { state?: 'open' | 'closed' } = {}): Promise<VacancyRow[]> {
  let q = db.selectFrom('help_vacancies').selectAll().where('tenant_id', '=', tenantId);
  if (opts.state) q = q.where('state', '=', opts.state);
  return q.orderBy('created_at', 'desc').limit(500).execute();
}

export async function closeVacancy(db: DbOrTrx, tenantId: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('help_vacancies')
    .set({ state: 'closed', updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Insert a response; undefined when the volunteer already responded. */
export async function insertVacancyResponse(
  db: DbOrTrx,
  row: Insertable<HelpVacancyResponsesTable>,
): Promise<VacancyResponseRow | undefined> {
  return db
    .insertInto('help_vacancy_responses')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'vacancy_id', 'user_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function listVacancyResponses(db: DbOrTrx, tenantId: string, vacancyId: string): Promise<VacancyResponseRow[]> {
  return db
    .selectFrom('help_vacancy_responses')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('vacancy_id', '=', vacancyId)
    .orderBy('created_at')
    .execute();
}

export async function responsesOfUserAll(db: DbOrTrx, userId: string): Promise<VacancyResponseRow[]> {
  return db.selectFrom('help_vacancy_responses').selectAll().where('user_id', '=', userId).execute();
}

export async function deleteResponsesOf(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('help_vacancy_responses').where('user_id', '=', userId).execute();
}

export async function reportsByUserAll(db: DbOrTrx, userId: string): Promise<ReportRow[]> {
  return db.selectFrom('help_reports').selectAll().where('reporter_user_id', '=', userId).execute();
}
