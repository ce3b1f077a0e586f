/**
 * Settings of the signals module per tenant, as changed by coordinators and administrators: groups
 * and categories with their extra questions, routing rules in order, the default desk and the
 * standard texts. Every change is audited in the transaction that makes it.
 */
import { inTransaction, type DbOrTrx, type Trx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { Conflict, Invalid, NotFound } from '../../../platform/errors.ts';
import { listOrganisations } from '../../people/people.service.ts';
import * as cats from './categories.store.ts';
import * as store from './config.store.ts';
import { type CategoryCreateInput, type CategoryEditInput, type GroupEditInput } from './config.schemas.ts';
import { isUuid } from '../../../platform/ids.ts';
import { authorizeSettings, organisationsWithoutHandlers, type SettingsActor } from './categories.service.ts';
import type { CategoryQuestion } from '../signals.tables.ts';

/** Who makes a change (for the audit log). */
/** Who changes the settings (checked by every change: `authorizeSettings`). */
export type Actor = SettingsActor;

const audit = (
  trx: Trx,
  tenantId: string,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string,
  detail: Record<string, unknown>,
) => recordAudit(trx, { tenantId, actorUserId: actor.principal.userId, ip: actor.ip ?? null, action, entity, entityId, detail });

const isUnique = (err: unknown) => (err as { code?: string }).code === '23505';

/** The organisation that gets signals no rule matches (null when not set). */
export function getDefaultDesk(db: DbOrTrx, tenantId: string): Promise<string | null> {
  return cats.getDefaultOrganisation(db, tenantId);
}

/** Invalid unless the organisation belongs to the tenant. */
export async function assertOrganisation(db: DbOrTrx, tenantId: string, organisationId: string, field = 'organisationId'): Promise<void> {
  const orgs = await listOrganisations(db, tenantId);
  if (!orgs.some((o) => o.id === organisationId)) throw Invalid({ [field]: 'signals.config.error.organisation' });
}

/** Change the default desk to an organisation of the tenant; audited. */
export async function changeDefaultDesk(db: DbOrTrx, tenantId: string, organisationId: string, actor: Actor, now: Date): Promise<void> {
  authorizeSettings(actor, tenantId);
  await inTransaction(db, async (trx) => {
    await assertOrganisation(trx, tenantId, organisationId);
    if ((await organisationsWithoutHandlers(trx, tenantId)).has(organisationId)) {
      throw Invalid({ organisationId: 'signals.config.error.organisationEmpty' });
    }
    const before = await cats.getDefaultOrganisation(trx, tenantId);
    await cats.setDefaultOrganisation(trx, tenantId, organisationId, now);
    await audit(trx, tenantId, actor, 'update', 'signal_settings', tenantId, { defaultOrganisation: { from: before, to: organisationId } });
  });
}

/** Add a category group; its code must be new in the tenant. */
export async function createGroup(
  db: DbOrTrx,
  tenantId: string,
  input: { code: string; name: string; description: string },
  actor: Actor,
): Promise<cats.CategoryGroupRow> {
  authorizeSettings(actor, tenantId);
  try {
    return await inTransaction(db, async (trx) => {
      if (await store.findGroupByCode(trx, tenantId, input.code)) {
        throw Conflict('signals.config.error.groupCodeTaken', { code: 'signals.config.error.groupCodeTaken' });
      }
      const position = (await store.maxGroupPosition(trx, tenantId)) + 1;
      const row = await cats.insertGroup(trx, {
        tenant_id: tenantId,
        code: input.code,
        name: input.name,
        description: input.description,
        position,
      });
      await audit(trx, tenantId, actor, 'create', 'signal_category_group', row.id, { code: input.code });
      return row;
    });
  } catch (err) {
    if (isUnique(err)) throw Conflict('signals.config.error.groupCodeTaken', { code: 'signals.config.error.groupCodeTaken' });
    throw err;
  }
}

/** A group of the tenant (settings pages); NotFound otherwise. */
export async function getGroup(db: DbOrTrx, tenantId: string, id: string): Promise<cats.CategoryGroupRow> {
  const row = isUuid(id) ? await store.findGroupById(db, tenantId, id) : null;
  if (!row) throw NotFound('signals.config.error.groupNotFound');
  return row;
}

/** Change a group's name and explanation, Dutch and English (issue 12; not its code); audited with the changed field names. */
export async function updateGroup(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  input: GroupEditInput,
  actor: Actor,
): Promise<cats.CategoryGroupRow> {
  authorizeSettings(actor, tenantId);
  return inTransaction(db, async (trx) => {
    const before = await getGroup(trx, tenantId, id);
    const values = { name: input.name, description: input.description, name_en: input.nameEn, description_en: input.descriptionEn };
    await store.updateGroup(trx, tenantId, id, values);
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => before[k] !== values[k]);
    await audit(trx, tenantId, actor, 'update', 'signal_category_group', id, { changed });
    return { ...before, ...values };
  });
}

async function assertGroup(trx: DbOrTrx, tenantId: string, groupId: string): Promise<void> {
  if (!(await store.findGroupById(trx, tenantId, groupId))) throw Invalid({ groupId: 'signals.config.error.group' });
}

/** Add a category; its service code (the Open311 service_code) must be new in the tenant and never changes afterwards. */
export async function createCategory(
  db: DbOrTrx,
  tenantId: string,
  input: CategoryCreateInput,
  actor: Actor,
  now: Date,
): Promise<cats.CategoryRow> {
  authorizeSettings(actor, tenantId);
  try {
    return await inTransaction(db, async (trx) => {
      await assertGroup(trx, tenantId, input.groupId);
      if (await cats.findCategoryByCode(trx, tenantId, input.serviceCode)) {
        throw Conflict('signals.config.error.serviceCodeTaken', { serviceCode: 'signals.config.error.serviceCodeTaken' });
      }
      const row = await cats.insertCategory(trx, {
        tenant_id: tenantId,
        group_id: input.groupId,
        service_code: input.serviceCode,
        name: input.name,
        description: input.description,
        name_en: input.nameEn,
        description_en: input.descriptionEn,
        deadline_days: input.deadlineDays,
        sensitive: input.sensitive,
        active: input.active,
        position: input.position,
        questions: [],
        created_at: now,
        updated_at: now,
      });
      await audit(trx, tenantId, actor, 'create', 'signal_category', row.id, { serviceCode: input.serviceCode });
      return row;
    });
  } catch (err) {
    if (isUnique(err)) throw Conflict('signals.config.error.serviceCodeTaken', { serviceCode: 'signals.config.error.serviceCodeTaken' });
    throw err;
  }
}

/** A category of the tenant by id, or NotFound (also for ids of another tenant). */
export async function getCategory(db: DbOrTrx, tenantId: string, id: string): Promise<cats.CategoryRow> {
  const row = isUuid(id) ? await cats.findCategoryById(db, tenantId, id) : null;
  if (!row) throw NotFound('signals.config.error.categoryNotFound');
  return row;
}

/** Change the name, description, group, deadline, flags and position of a category (not its service code); audited with the changed field names. */
export async function updateCategory(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  input: CategoryEditInput,
  actor: Actor,
  now: Date,
): Promise<void> {
  authorizeSettings(actor, tenantId);
  await inTransaction(db, async (trx) => {
    const before = await store.lockCategory(trx, tenantId, id);
    if (!before) throw NotFound('signals.config.error.categoryNotFound');
    await assertGroup(trx, tenantId, input.groupId);
    const patch = {
      name: input.name,
      description: input.description,
      name_en: input.nameEn,
      description_en: input.descriptionEn,
      group_id: input.groupId,
      deadline_days: input.deadlineDays,
      sensitive: input.sensitive,
      active: input.active,
      position: input.position,
    };
    const changed = Object.entries(patch)
      .filter(([k, v]) => before[k as keyof typeof before] !== v)
      .map(([k]) => k);
    await store.updateCategory(trx, tenantId, id, { ...patch, updated_at: now });
    await audit(trx, tenantId, actor, 'update', 'signal_category', id, { changed });
  });
}

/** Delete a category without signals; one with signals must be made inactive instead (Conflict). */
export async function deleteCategory(db: DbOrTrx, tenantId: string, id: string, actor: Actor): Promise<void> {
  authorizeSettings(actor, tenantId);
  try {
    await inTransaction(db, async (trx) => {
      const row = await store.lockCategory(trx, tenantId, id);
      if (!row) throw NotFound('signals.config.error.categoryNotFound');
      if ((await store.countSignalsOfCategory(trx, tenantId, id)) > 0) throw Conflict('signals.config.error.categoryInUse');
      await store.deleteCategory(trx, tenantId, id);
      await audit(trx, tenantId, actor, 'delete', 'signal_category', id, { serviceCode: row.service_code });
    });
  } catch (err) {
    // Another part of the module may still point at the category (foreign key): same answer.
    if ((err as { code?: string }).code === '23503') throw Conflict('signals.config.error.categoryInUse');
    throw err;
  }
}

/** Number of signals per category id. */
export function signalCounts(db: DbOrTrx, tenantId: string): Promise<Map<string, number>> {
  return store.countSignalsByCategory(db, tenantId);
}

type QuestionEdit = (questions: CategoryQuestion[]) => { questions: CategoryQuestion[]; detail: Record<string, unknown> };

/** Read-modify-write of a category's questions under a row lock; audited as an update of the category. */
export async function editQuestions(
  db: DbOrTrx,
  tenantId: string,
  categoryId: string,
  edit: QuestionEdit,
  actor: Actor,
  now: Date,
): Promise<void> {
  authorizeSettings(actor, tenantId);
  await inTransaction(db, async (trx) => {
    const row = await store.lockCategory(trx, tenantId, categoryId);
    if (!row) throw NotFound('signals.config.error.categoryNotFound');
    const { questions, detail } = edit([...row.questions]);
    await store.setQuestions(trx, tenantId, categoryId, questions, now);
    await audit(trx, tenantId, actor, 'update', 'signal_category', categoryId, { questions: detail });
  });
}

/** Question edits: add at the end, replace by key, remove by key, move one place up or down. */
export const questionEdits = {
  add:
    (q: CategoryQuestion): QuestionEdit =>
    (qs) => {
      if (qs.some((x) => x.key === q.key)) throw Invalid({ key: 'signals.config.error.questionKeyTaken' });
      return { questions: [...qs, q], detail: { added: q.key } };
    },
  replace:
    (q: CategoryQuestion): QuestionEdit =>
    (qs) => {
      const i = qs.findIndex((x) => x.key === q.key);
      if (i < 0) throw NotFound('signals.config.error.questionNotFound');
      return { questions: qs.map((x, j) => (j === i ? q : x)), detail: { changed: q.key } };
    },
  remove:
    (key: string): QuestionEdit =>
    (qs) => {
      if (!qs.some((x) => x.key === key)) throw NotFound('signals.config.error.questionNotFound');
      return { questions: qs.filter((x) => x.key !== key), detail: { removed: key } };
    },
  move:
    (key: string, dir: 'up' | 'down'): QuestionEdit =>
    (qs) => {
      const i = qs.findIndex((x) => x.key === key);
      if (i < 0) throw NotFound('signals.config.error.questionNotFound');
      const j = dir === 'up' ? i - 1 : i + 1;
      if (j >= 0 && j < qs.length) [qs[i], qs[j]] = [qs[j]!, qs[i]!];
      return { questions: qs, detail: { moved: key, dir } };
    },
};
