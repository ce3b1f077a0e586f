/** Queries of the consultation rhythm: forums, meetings, decisions and follow-up actions (only this module's tables). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { ProgrammeForumsTable, ProgrammeMeetingItemsTable, ProgrammeMeetingsTable } from '../programmes.tables.ts';

export type ForumRow = Selectable<ProgrammeForumsTable>;
export type MeetingRow = Selectable<ProgrammeMeetingsTable>;
export type ItemRow = Selectable<ProgrammeMeetingItemsTable>;

export function listForums(db: DbOrTrx, tenantId: string): Promise<ForumRow[]> {
  return db.selectFrom('programme_forums').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
}

export function forumById(db: DbOrTrx, tenantId: string, id: string): Promise<ForumRow | undefined> {
  return db.selectFrom('programme_forums').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertForum(db: DbOrTrx, row: Insertable<ProgrammeForumsTable>): Promise<string> {
  return (await db.insertInto('programme_forums').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function meetingsOf(db: DbOrTrx, tenantId: string, forumId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('programme_meetings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('forum_id', '=', forumId)
    .orderBy('held_on', 'desc')
    .execute();
}

export function meetingById(db: DbOrTrx, tenantId: string, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('programme_meetings').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertMeeting(db: DbOrTrx, row: Insertable<ProgrammeMeetingsTable>): Promise<string> {
  return (await db.insertInto('programme_meetings').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateMeeting(db: DbOrTrx, tenantId: string, id: string, set: Updateable<ProgrammeMeetingsTable>): Promise<void> {
  await db.updateTable('programme_meetings').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export function itemsOf(db: DbOrTrx, tenantId: string, meetingIds: readonly string[]): Promise<ItemRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programme_meeting_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('meeting_id', 'in', meetingIds)
    .orderBy('kind')
    .orderBy('due_on')
    .orderBy('text')
    .execute();
}

export async function insertItem(db: DbOrTrx, row: Insertable<ProgrammeMeetingItemsTable>): Promise<void> {
  await db.insertInto('programme_meeting_items').values(row).execute();
}

/** Mark an action done; false when it does not exist in this meeting. */
export async function markItemDone(db: DbOrTrx, tenantId: string, meetingId: string, id: string, day: string): Promise<boolean> {
  const r = await db
    .updateTable('programme_meeting_items')
    .set({ done_on: day })
    .where('tenant_id', '=', tenantId)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .where('kind', '=', 'action')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function projectTitle(
  db: DbOrTrx,
  tenantId: string,
  id: string,
): Promise<{ id: string; number: string; title_nl: string } | undefined> {
  return db
    .selectFrom('programme_projects')
    .select(['id', 'number', 'title_nl'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function projectChoices(
  db: DbOrTrx,
  tenantId: string,
  programmeId: string | null,
): Promise<{ id: string; number: string; title_nl: string }[]> {
  let q = db.selectFrom('programme_projects').select(['id', 'number', 'title_nl']).where('tenant_id', '=', tenantId);
  if (programmeId) q = q.where('programme_id', '=', programmeId);
  return q.orderBy('number').execute();
}

/** Planned meetings on or before `until` whose reminder has not gone out, with their forum's name. */
export function meetingsToRemind(db: DbOrTrx, tenantId: string, from: string, until: string) {
  return db
    .selectFrom('programme_meetings as m')
    .innerJoin('programme_forums as f', (j) => j.onRef('f.tenant_id', '=', 'm.tenant_id').onRef('f.id', '=', 'm.forum_id'))
    .select(['m.id', 'm.held_on', 'm.forum_id', 'f.name as forum_name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.status', '=', 'planned')
    .where('m.reminder_sent', '=', false)
    .where('m.held_on', '>=', from)
    .where('m.held_on', '<=', until)
    .execute();
}

/** Claim a meeting's reminder (true once). */
export async function claimMeetingReminder(db: DbOrTrx, tenantId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('programme_meetings')
    .set({ reminder_sent: true })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('reminder_sent', '=', false)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Follow-up actions past their due day, not done and not reminded yet. */
export function overdueActions(db: DbOrTrx, tenantId: string, today: string) {
  return db
    .selectFrom('programme_meeting_items as i')
    .innerJoin('programme_meetings as m', (j) => j.onRef('m.tenant_id', '=', 'i.tenant_id').onRef('m.id', '=', 'i.meeting_id'))
    .innerJoin('programme_forums as f', (j) => j.onRef('f.tenant_id', '=', 'm.tenant_id').onRef('f.id', '=', 'm.forum_id'))
    .select(['i.id', 'i.text', 'i.owner_role', 'i.due_on', 'm.id as meeting_id', 'm.forum_id', 'f.name as forum_name'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.kind', '=', 'action')
    .where('i.done_on', 'is', null)
    .where('i.reminded_on', 'is', null)
    .where('i.due_on', '<', today)
    .execute();
}

export async function claimActionReminder(db: DbOrTrx, tenantId: string, id: string, today: string): Promise<boolean> {
  const r = await db
    .updateTable('programme_meeting_items')
    .set({ reminded_on: today })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('reminded_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
