/** Queries of the youth channel: ideas, polls and poll answers (this module's tables only). */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { IdeaStatus, Moderation } from './youth.schemas.ts';

export interface IdeaRow {
  id: string;
  area_code: string;
  text: string;
  nickname: string;
  status: IdeaStatus;
  response_nl: string;
  response_en: string;
  application_id: string | null;
  moderation: Moderation;
  is_demo: boolean;
  created_on: string;
}

const IDEA_COLUMNS = [
  'id',
  'area_code',
  'text',
  'nickname',
  'status',
  'response_nl',
  'response_en',
  'application_id',
  'moderation',
  'is_demo',
  'created_on',
] as const;

export async function insertIdea(
  db: DbOrTrx,
  row: { tenantId: string; areaCode: string; text: string; nickname: string; deviceHash: string; createdOn: string },
): Promise<string> {
  const r = await db
    .insertInto('initiative_youth_ideas')
    .values({
      tenant_id: row.tenantId,
      area_code: row.areaCode,
      text: row.text,
      nickname: row.nickname,
      device_hash: row.deviceHash,
      created_on: row.createdOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Ideas let through by moderation, newest first (public). */
export function shownIdeas(db: DbOrTrx, tenantId: string, areaCode: string, limit: number): Promise<IdeaRow[]> {
  return db
    .selectFrom('initiative_youth_ideas')
    .select(IDEA_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('area_code', '=', areaCode)
    .where('moderation', '=', 'shown')
    .orderBy('created_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The ideas a device posted (all moderation states), newest first. */
export function ideasOfDevice(db: DbOrTrx, tenantId: string, deviceHash: string): Promise<IdeaRow[]> {
  return db
    .selectFrom('initiative_youth_ideas')
    .select(IDEA_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('device_hash', '=', deviceHash)
    .orderBy('created_on', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}

/** For youth workers: waiting ones first, then the rest, newest first. */
export function ideasForModeration(db: DbOrTrx, tenantId: string, limit: number): Promise<IdeaRow[]> {
  return db
    .selectFrom('initiative_youth_ideas')
    .select(IDEA_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .orderBy(sql`case moderation when 'pending' then 0 else 1 end`)
    .orderBy('created_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function findIdea(db: DbOrTrx, tenantId: string, id: string): Promise<IdeaRow | undefined> {
  return db
    .selectFrom('initiative_youth_ideas')
    .select(IDEA_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateIdea(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  set: { moderation: Moderation; status: IdeaStatus; response_nl: string; moderated_on: string; application_id?: string },
): Promise<boolean> {
  const r = await db
    .updateTable('initiative_youth_ideas')
    .set(set)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface PollRow {
  id: string;
  area_code: string | null;
  question_nl: string;
  question_en: string;
  options: { key: string; nl: string; en: string }[];
  opens_on: string;
  closes_on: string;
  is_demo: boolean;
}

const POLL_COLUMNS = ['id', 'area_code', 'question_nl', 'question_en', 'options', 'opens_on', 'closes_on', 'is_demo'] as const;

/** Polls for a wijk (its own and the municipality-wide ones) that have opened by `today`, newest first. */
export function pollsFor(db: DbOrTrx, tenantId: string, areaCode: string, today: string): Promise<PollRow[]> {
  return db
    .selectFrom('initiative_youth_polls')
    .select(POLL_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('area_code', '=', areaCode), eb('area_code', 'is', null)]))
    .where('opens_on', '<=', today)
    .orderBy('closes_on', 'desc')
    .orderBy('id')
    .limit(20)
    .execute();
}

export function allPolls(db: DbOrTrx, tenantId: string): Promise<PollRow[]> {
  return db
    .selectFrom('initiative_youth_polls')
    .select(POLL_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .orderBy('opens_on', 'desc')
    .limit(100)
    .execute();
}

export function findPoll(db: DbOrTrx, tenantId: string, id: string): Promise<PollRow | undefined> {
  return db
    .selectFrom('initiative_youth_polls')
    .select(POLL_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertPoll(
  db: DbOrTrx,
  row: {
    tenantId: string;
    areaCode: string | null;
    question: string;
    options: { key: string; nl: string; en: string }[];
    opensOn: string;
    closesOn: string;
  },
): Promise<string> {
  const r = await db
    .insertInto('initiative_youth_polls')
    .values({
      tenant_id: row.tenantId,
      area_code: row.areaCode,
      question_nl: row.question,
      options: sql<PollRow['options']>`${JSON.stringify(row.options)}::jsonb`,
      opens_on: row.opensOn,
      closes_on: row.closesOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Records an answer; false when this device already answered (the primary key decides, also under races). */
export async function insertAnswer(
  db: DbOrTrx,
  row: { tenantId: string; pollId: string; deviceHash: string; optionKey: string; answeredOn: string },
): Promise<boolean> {
  const r = await db
    .insertInto('initiative_youth_poll_answers')
    .values({
      tenant_id: row.tenantId,
      poll_id: row.pollId,
      device_hash: row.deviceHash,
      option_key: row.optionKey,
      answered_on: row.answeredOn,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'poll_id', 'device_hash']).doNothing())
    .returning('poll_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Which of `pollIds` this device answered. */
export async function answeredBy(db: DbOrTrx, tenantId: string, pollIds: readonly string[], deviceHash: string): Promise<Set<string>> {
  if (pollIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('initiative_youth_poll_answers')
    .select('poll_id')
    .where('tenant_id', '=', tenantId)
    .where('poll_id', 'in', pollIds)
    .where('device_hash', '=', deviceHash)
    .execute();
  return new Set(rows.map((r) => r.poll_id));
}

/** Answers per option of each poll. */
export async function answerCounts(db: DbOrTrx, tenantId: string, pollIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (pollIds.length === 0) return out;
  const rows = await db
    .selectFrom('initiative_youth_poll_answers')
    .select(['poll_id', 'option_key', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('poll_id', 'in', pollIds)
    .groupBy(['poll_id', 'option_key'])
    .execute();
  for (const r of rows) {
    const m = out.get(r.poll_id) ?? new Map<string, number>();
    m.set(r.option_key, Number(r.n));
    out.set(r.poll_id, m);
  }
  return out;
}

/** The application with this reference in the municipality (to link a youth idea to it). */
export function applicationIdByReference(db: DbOrTrx, tenantId: string, reference: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('initiative_applications')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/** Marks the application as grown from the idea. */
export async function setApplicationIdea(db: DbOrTrx, tenantId: string, applicationId: string, ideaId: string): Promise<void> {
  await db
    .updateTable('initiative_applications')
    .set({ youth_idea_id: ideaId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', applicationId)
    .execute();
}

/** Whether the municipality has the youth demo data already (the demo seed is idempotent). */
export async function hasDemoYouth(db: DbOrTrx, tenantId: string): Promise<boolean> {
  const r = await db
    .selectFrom('initiative_youth_polls')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('is_demo', '=', true)
    .executeTakeFirst();
  return r !== undefined;
}

/** A demo idea, let through, with what became of it (demo seed only). */
export async function insertDemoIdea(
  db: DbOrTrx,
  row: {
    tenantId: string;
    areaCode: string;
    text: string;
    nickname: string;
    status: IdeaRow['status'];
    responseNl: string;
    responseEn: string;
    createdOn: string;
  },
): Promise<void> {
  await db
    .insertInto('initiative_youth_ideas')
    .values({
      tenant_id: row.tenantId,
      area_code: row.areaCode,
      text: row.text,
      nickname: row.nickname,
      status: row.status,
      response_nl: row.responseNl,
      response_en: row.responseEn,
      device_hash: null,
      is_demo: true,
      created_on: row.createdOn,
      moderation: 'shown',
      moderated_on: row.createdOn,
    })
    .execute();
}

/** A demo poll (demo seed only). */
export async function insertDemoPoll(
  db: DbOrTrx,
  row: {
    tenantId: string;
    areaCode: string;
    questionNl: string;
    questionEn: string;
    options: { key: string; nl: string; en: string }[];
    opensOn: string;
    closesOn: string;
  },
): Promise<void> {
  await db
    .insertInto('initiative_youth_polls')
    .values({
      tenant_id: row.tenantId,
      area_code: row.areaCode,
      question_nl: row.questionNl,
      question_en: row.questionEn,
      options: sql<PollRow['options']>`${JSON.stringify(row.options)}::jsonb`,
      opens_on: row.opensOn,
      closes_on: row.closesOn,
      is_demo: true,
    })
    .execute();
}
