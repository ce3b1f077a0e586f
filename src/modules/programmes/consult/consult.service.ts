/**
 * Consultation rhythm (issue 14): the working groups, networks and panels the seeds name
 * (Krimpen's werkgroep every two months; Groningen's Heel de buurt / Wijkteam / Beroepskrachten;
 * Heerhugowaard's klankbordgroep and wijkpanels), with meetings: an agenda of project cards and
 * signals, decisions and follow-up actions (owner role, due day, done). The next meeting follows
 * from the forum's rhythm; the reminders job (consult.jobs.ts) mails the staff a week before a
 * meeting and when an action is overdue.
 */
import { DateTime } from 'luxon';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { isUuid } from '../../../platform/ids.ts';
import { localDate } from '../../../platform/time.ts';
import { getSignal } from '../../signals/signals.service.ts';
import { can } from '../policies.ts';
import * as store from './consult.store.ts';

export type ForumKind = store.ForumRow['kind'];
export type AgendaItem = store.MeetingRow['agenda'][number];

/** The day `months` after `day` (end of month kept within the month: 31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ months }).toISODate()!;
}

/** The next meeting by the rhythm: the first planned meeting from today, else the last meeting + rhythm; null without rhythm or meetings. */
export function nextMeetingDay(
  forum: Pick<store.ForumRow, 'rhythm_months'>,
  meetings: readonly Pick<store.MeetingRow, 'held_on' | 'status'>[],
  today: string,
): string | null {
  const planned = meetings
    .filter((m) => m.status === 'planned' && m.held_on >= today)
    .map((m) => m.held_on)
    .sort();
  if (planned.length > 0) return planned[0]!;
  if (!forum.rhythm_months || meetings.length === 0) return null;
  let next = addMonths(
    meetings
      .map((m) => m.held_on)
      .sort()
      .at(-1)!,
    forum.rhythm_months,
  );
  while (next < today) next = addMonths(next, forum.rhythm_months);
  return next;
}

export async function listForums(db: DbOrTrx, principal: Principal, tenantId: string) {
  authorize(can(principal, 'forum.view', { tenantId }));
  const today = localDate(principal.now);
  const forums = await store.listForums(db, tenantId);
  return Promise.all(
    forums.map(async (f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      rhythmMonths: f.rhythm_months,
      isDemo: f.is_demo,
      sourceNote: f.source_note,
      next: nextMeetingDay(f, await store.meetingsOf(db, tenantId, f.id), today),
    })),
  );
}

export interface ForumInput {
  name: string;
  kind: ForumKind;
  rhythmMonths: number | null;
  description: string;
  programmeId?: string | null;
}

export async function createForum(db: DbOrTrx, principal: Principal, tenantId: string, input: ForumInput): Promise<string> {
  authorize(can(principal, 'forum.manage', { tenantId }));
  return store.insertForum(db, {
    tenant_id: tenantId,
    programme_id: input.programmeId ?? null,
    name: input.name,
    kind: input.kind,
    rhythm_months: input.rhythmMonths,
    description_nl: input.description,
  });
}

async function forum(db: DbOrTrx, tenantId: string, id: string): Promise<store.ForumRow> {
  const f = isUuid(id) ? await store.forumById(db, tenantId, id) : undefined;
  if (!f) throw NotFound();
  return f;
}

export async function getForum(db: DbOrTrx, principal: Principal, tenantId: string, id: string) {
  authorize(can(principal, 'forum.view', { tenantId }));
  const f = await forum(db, tenantId, id);
  const meetings = await store.meetingsOf(db, tenantId, f.id);
  const items = await store.itemsOf(
    db,
    tenantId,
    meetings.map((m) => m.id),
  );
  const today = localDate(principal.now);
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    rhythmMonths: f.rhythm_months,
    description: f.description_nl,
    sourceNote: f.source_note,
    isDemo: f.is_demo,
    next: nextMeetingDay(f, meetings, today),
    meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, status: m.status, agendaCount: m.agenda.length })),
    openActions: items
      .filter((i) => i.kind === 'action' && !i.done_on)
      .map((i) => ({
        text: i.text,
        ownerRole: i.owner_role,
        dueOn: i.due_on,
        overdue: i.due_on !== null && i.due_on < today,
        meetingId: i.meeting_id,
      })),
    canManage: can(principal, 'forum.manage', { tenantId }),
  };
}

/** Plan a meeting: on the day given, or on the next day the rhythm gives. */
export async function planMeeting(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  forumId: string,
  day: string | null,
): Promise<string> {
  authorize(can(principal, 'forum.manage', { tenantId }));
  const f = await forum(db, tenantId, forumId);
  const today = localDate(principal.now);
  const heldOn = day ?? nextMeetingDay(f, await store.meetingsOf(db, tenantId, f.id), today);
  if (!heldOn) throw Invalid({ day: 'programmes.consult.error.day' });
  return store.insertMeeting(db, { tenant_id: tenantId, forum_id: f.id, held_on: heldOn, created_at: principal.now });
}

async function meeting(db: DbOrTrx, tenantId: string, forumId: string, id: string): Promise<store.MeetingRow> {
  const m = isUuid(id) ? await store.meetingById(db, tenantId, id) : undefined;
  if (!m || m.forum_id !== forumId) throw NotFound();
  return m;
}

export async function getMeeting(db: DbOrTrx, principal: Principal, tenantId: string, forumId: string, id: string) {
  authorize(can(principal, 'forum.view', { tenantId }));
  const f = await forum(db, tenantId, forumId);
  const m = await meeting(db, tenantId, f.id, id);
  const today = localDate(principal.now);
  const items = await store.itemsOf(db, tenantId, [m.id]);
  return {
    forum: { id: f.id, name: f.name, programmeId: f.programme_id },
    id: m.id,
    heldOn: m.held_on,
    status: m.status,
    notes: m.notes,
    agenda: m.agenda,
    decisions: items.filter((i) => i.kind === 'decision').map((i) => ({ id: i.id, text: i.text })),
    actions: items
      .filter((i) => i.kind === 'action')
      .map((i) => ({
        id: i.id,
        text: i.text,
        ownerRole: i.owner_role,
        dueOn: i.due_on,
        doneOn: i.done_on,
        overdue: !i.done_on && i.due_on !== null && i.due_on < today,
      })),
    projects: (await store.projectChoices(db, tenantId, f.programme_id)).map((p) => ({ id: p.id, label: `${p.number}. ${p.title_nl}` })),
    canManage: can(principal, 'forum.manage', { tenantId }),
  };
}

/** Add an agenda item: a project card of this municipality, a signal by its public number (it must exist and be visible), or free text. */
export async function addAgendaItem(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  forumId: string,
  meetingId: string,
  item: { kind: 'project' | 'signal' | 'other'; ref: string; title: string },
): Promise<void> {
  authorize(can(principal, 'forum.manage', { tenantId }));
  const m = await meeting(db, tenantId, forumId, meetingId);
  let entry: AgendaItem;
  if (item.kind === 'project') {
    const p = isUuid(item.ref) ? await store.projectTitle(db, tenantId, item.ref) : undefined;
    if (!p) throw Invalid({ project: 'programmes.consult.error.project' });
    entry = { kind: 'project', ref: p.id, title: item.title || `${p.number}. ${p.title_nl}` };
  } else if (item.kind === 'signal') {
    const publicId = item.ref.trim().toUpperCase();
    const found = publicId ? await getSignal(db, principal, tenantId, publicId).catch(() => null) : null;
    if (!found) throw Invalid({ signal: 'programmes.consult.error.signal' });
    entry = { kind: 'signal', ref: found.public_id, title: item.title || found.public_id };
  } else {
    if (!item.title) throw Invalid({ title: 'programmes.consult.error.title' });
    entry = { kind: 'other', ref: null, title: item.title };
  }
  await store.updateMeeting(db, tenantId, m.id, { agenda: JSON.stringify([...m.agenda, entry]) as never });
}

/** Record a decision or a follow-up action (an action has an owner role and a due day). */
export async function recordItem(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  forumId: string,
  meetingId: string,
  item: { kind: 'decision' | 'action'; text: string; ownerRole: string; dueOn: string | null },
): Promise<void> {
  authorize(can(principal, 'forum.manage', { tenantId }));
  const m = await meeting(db, tenantId, forumId, meetingId);
  if (item.kind === 'action' && (!item.ownerRole || !item.dueOn)) {
    throw Invalid({
      ...(!item.ownerRole ? { ownerRole: 'programmes.consult.error.ownerRole' } : {}),
      ...(!item.dueOn ? { dueOn: 'programmes.consult.error.dueOn' } : {}),
    });
  }
  await store.insertItem(db, {
    tenant_id: tenantId,
    meeting_id: m.id,
    kind: item.kind,
    text: item.text,
    owner_role: item.kind === 'action' ? item.ownerRole : '',
    due_on: item.kind === 'action' ? item.dueOn : null,
  });
}

export async function markActionDone(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  forumId: string,
  meetingId: string,
  itemId: string,
): Promise<void> {
  authorize(can(principal, 'forum.manage', { tenantId }));
  const m = await meeting(db, tenantId, forumId, meetingId);
  if (!isUuid(itemId) || !(await store.markItemDone(db, tenantId, m.id, itemId, localDate(principal.now)))) throw NotFound();
}

/** Mark a meeting held (with notes); the next one is planned by the rhythm when none is planned after it. Returns its id or null. */
export async function markHeld(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  forumId: string,
  meetingId: string,
  notes: string,
): Promise<string | null> {
  authorize(can(principal, 'forum.manage', { tenantId }));
  const f = await forum(db, tenantId, forumId);
  const m = await meeting(db, tenantId, f.id, meetingId);
  return inTransaction(db, async (trx) => {
    await store.updateMeeting(trx, tenantId, m.id, { status: 'held', notes });
    if (!f.rhythm_months) return null;
    const later = (await store.meetingsOf(trx, tenantId, f.id)).some((x) => x.status === 'planned' && x.held_on > m.held_on);
    if (later) return null;
    return store.insertMeeting(trx, {
      tenant_id: tenantId,
      forum_id: f.id,
      held_on: addMonths(m.held_on, f.rhythm_months),
      created_at: principal.now,
    });
  });
}
