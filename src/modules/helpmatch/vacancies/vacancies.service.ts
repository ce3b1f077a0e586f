import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, Forbidden, NotFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import * as store from '../safety/safety.store.ts';
import type { Category } from '../categories.ts';
import { type Actor, assertNotBlocked, auditOf } from '../actor.ts';
import { authorize } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { isUuid } from '../../../platform/ids.ts';

export interface VacancyInput {
  organisationId: string;
  title: string;
  description: string;
  category: Category;
  hoursPerWeek: string;
  buurtCode?: string | null;
  isDemo?: boolean;
}

/** What policies.ts needs to know of a vacancy: its municipality and its organisation. */
function vacancyFacts(tenantId: string, organisationId: string) {
  return { tenantId, organisationIds: [organisationId] };
}

/** Create a vacancy for one of the actor's organisations (a coordinator: for any). */
export async function createVacancy(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  input: VacancyInput,
  now: Date,
): Promise<store.VacancyRow> {
  if (!can(actor, 'vacancy.create', vacancyFacts(tenantId, input.organisationId))) throw Forbidden('helpmatch.vacancy.notMember');
  return inTransaction(db, async (trx) => {
    const row = await store.insertVacancy(trx, {
      tenant_id: tenantId,
      organisation_id: input.organisationId,
      created_by_user_id: actor.userId,
      title: input.title.trim(),
      description: input.description.trim(),
      category: input.category,
      hours_per_week: input.hoursPerWeek.trim(),
      buurt_code: input.buurtCode ?? null,
      is_demo: input.isDemo ?? false,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'create', entity: 'help_vacancy', entityId: row.id });
    return row;
  });
}

/** Open vacancies of the tenant, newest first. */
export function listOpenVacancies(db: DbOrTrx, tenantId: string): Promise<store.VacancyRow[]> {
  return store.listVacancies(db, tenantId, { state: 'open' });
}

/** A vacancy by id, or NotFound. */
export async function getVacancy(db: DbOrTrx, tenantId: string, id: string): Promise<store.VacancyRow> {
  const v = isUuid(id) ? await store.findVacancy(db, tenantId, id) : undefined;
  if (!v) throw NotFound('helpmatch.vacancy.notFound');
  return v;
}

/** A volunteer responds to an open vacancy (once); blocked users are refused. */
export async function respondToVacancy(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  vacancyId: string,
  message: string,
  now: Date,
): Promise<void> {
  authorize(can(actor, 'vacancy.respond', { tenantId }));
  await assertNotBlocked(db, tenantId, actor.userId);
  await inTransaction(db, async (trx) => {
    const v = await getVacancy(trx, tenantId, vacancyId);
    if (v.state !== 'open') throw Conflict('helpmatch.vacancy.closed');
    const row = await store.insertVacancyResponse(trx, {
      tenant_id: tenantId,
      vacancy_id: vacancyId,
      user_id: actor.userId,
      message: message.trim(),
      created_at: now,
    });
    if (!row) throw Conflict('helpmatch.vacancy.alreadyResponded');
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'respond', entity: 'help_vacancy', entityId: vacancyId });
  });
}

/** Responses to a vacancy, for members of its organisation and coordinators (the caller audits the view). */
export async function listVacancyResponses(db: DbOrTrx, tenantId: string, actor: Actor, vacancyId: string) {
  const v = await getVacancy(db, tenantId, vacancyId);
  authorize(can(actor, 'vacancy.viewResponses', vacancyFacts(tenantId, v.organisation_id)));
  return store.listVacancyResponses(db, tenantId, vacancyId);
}

/** Close a vacancy (organisation member or coordinator). */
export async function closeVacancy(db: DbOrTrx, tenantId: string, actor: Actor, vacancyId: string, now: Date): Promise<void> {
  const v = await getVacancy(db, tenantId, vacancyId);
  authorize(can(actor, 'vacancy.close', vacancyFacts(tenantId, v.organisation_id)));
  await inTransaction(db, async (trx) => {
    if (!(await store.closeVacancy(trx, tenantId, vacancyId, now))) throw Conflict('helpmatch.vacancy.closed');
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'close', entity: 'help_vacancy', entityId: vacancyId });
  });
}
