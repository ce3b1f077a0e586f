/**
 * Care circles (zorgcirkels): a closed circle around one person, whose members share out tasks.
 * Only members ever see a circle: every read starts from the membership of the asking user in
 * the request's tenant, so coordinators, other residents and other tenants get NotFound.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { BadRequest, Conflict, Forbidden, Invalid, NotFound } from '../../../platform/errors.ts';
import { getArea } from '../../areas/areas.service.ts';
import { getUserProfile } from '../../people/people.service.ts';
import * as store from './circle.store.ts';
import { addDays, isIsoDate, isOccurrence, mondayOf, weekSlots } from './circle.schedule.ts';
import { circleListItem, circleWeekView, type CircleListItem, type CircleMember, type CircleWeek } from './circle.presenter.ts';
import { localDate } from '../../../platform/time.ts';
import type { CircleCreatedAs, CircleRecurrence } from './circle.tables.ts';
import { isUuid } from '../../../platform/ids.ts';
import { MAX } from '../helpmatch.schemas.ts';
import { authorize } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import type { Actor } from '../actor.ts';

export type { Actor } from '../actor.ts';

export async function audit(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | null,
  detail?: Record<string, unknown>,
) {
  await recordAudit(db, { tenantId, actorUserId: actor.userId, ip: actor.ip ?? null, action, entity, entityId, detail: detail ?? null });
}

export type MemberCircle = NonNullable<Awaited<ReturnType<typeof store.findCircleOfMember>>>;

/** The circle when the actor is a member of it in this tenant; NotFound otherwise (also for other tenants, coordinators and administrators). */
export async function getCircle(db: DbOrTrx, tenantId: string, circleId: string, actor: Actor): Promise<MemberCircle> {
  if (!isUuid(circleId)) throw NotFound();
  const c = await store.findCircleOfMember(db, tenantId, circleId, actor.userId);
  if (!c || !can(actor, 'circle.view', { tenantId: c.tenant_id, userIds: [actor.userId] })) throw NotFound();
  return c;
}

/**
 * Throws Forbidden unless the actor is the member the circle was loaded for (getCircle) and may
 * take part (`circle.view`): a circle loaded for one person cannot be handed to another's actions.
 */
export function assertMember(circle: MemberCircle, actor: Actor): void {
  authorize(
    circle.member_user_id === actor.userId && can(actor, 'circle.view', { tenantId: circle.tenant_id, userIds: [circle.member_user_id] }),
  );
}

/** What policies.ts needs for `circle.manage`: the actor counts only when they own the circle. */
function ownerFacts(circle: MemberCircle, actor: Actor) {
  return { tenantId: circle.tenant_id, userIds: circle.role === 'owner' ? [actor.userId] : [] };
}

/** Throws Forbidden ("only the owner") unless the actor owns the circle (and it was loaded for them). */
export function assertOwner(circle: MemberCircle, actor: Actor): void {
  assertMember(circle, actor);
  if (!can(actor, 'circle.manage', ownerFacts(circle, actor))) throw Forbidden('helpmatch.circle.ownerOnly');
}

/** The circle when the actor is its owner; NotFound for non-members, Forbidden for members. */
export async function getOwnedCircle(db: DbOrTrx, tenantId: string, circleId: string, actor: Actor): Promise<MemberCircle> {
  const c = await getCircle(db, tenantId, circleId, actor);
  assertOwner(c, actor);
  return c;
}

/** The circles the actor belongs to in this tenant. */
export async function listMyCircles(db: DbOrTrx, tenantId: string, actor: Actor): Promise<CircleListItem[]> {
  authorize(can(actor, 'circle.view', { tenantId, userIds: [actor.userId] }));
  return (await store.listCirclesOfUser(db, tenantId, actor.userId)).map(circleListItem);
}

/** Create a circle around a person; the creator becomes its owner. */
export async function createCircle(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  input: { personName: string; personDetails: string; createdAs: CircleCreatedAs; areaCode: string | null; now: Date },
): Promise<string> {
  authorize(can(actor, 'circle.create', { tenantId, userIds: [actor.userId] }));
  if (input.areaCode) {
    const area = await getArea(db, tenantId, input.areaCode);
    if (!area || area.level === 'municipality') throw Invalid({ areaCode: 'helpmatch.circle.form.unknownArea' });
  }
  return inTransaction(db, async (trx) => {
    const id = await store.insertCircle(trx, {
      tenantId,
      personName: input.personName,
      personDetails: input.personDetails,
      personUserId: input.createdAs === 'self' ? actor.userId : null,
      areaCode: input.areaCode,
      createdAs: input.createdAs,
      createdBy: actor.userId,
      now: input.now,
    });
    await store.insertMember(trx, { tenantId, circleId: id, userId: actor.userId, role: 'owner', now: input.now });
    await audit(trx, tenantId, actor, 'create', 'helpmatch_circle', id, { createdAs: input.createdAs });
    return id;
  });
}

/** The members of a circle with their names (the actor must be the member it was loaded for). */
export async function listCircleMembers(db: DbOrTrx, circle: MemberCircle, actor: Actor): Promise<CircleMember[]> {
  assertMember(circle, actor);
  const rows = await store.listMemberRows(db, circle.tenant_id, circle.id);
  const out: CircleMember[] = [];
  for (const r of rows) {
    const p = await getUserProfile(db, r.user_id).catch(() => null);
    out.push({ userId: r.user_id, name: p?.name ?? '—', role: r.role, joinedAt: r.joined_at });
  }
  return out;
}

/** The week from the Monday of `week` (or of today): every occurrence of every task, taken or open. */
export async function circleWeek(
  db: DbOrTrx,
  circle: MemberCircle,
  actor: Actor,
  opts: { week?: string | undefined; now: Date },
): Promise<CircleWeek> {
  assertMember(circle, actor);
  const today = localDate(opts.now);
  const monday = mondayOf(opts.week && isIsoDate(opts.week) ? opts.week : today);
  const tasks = await store.listTasks(db, circle.tenant_id, circle.id);
  const turns = await store.listTurns(db, circle.tenant_id, circle.id, monday, addDays(monday, 6));
  return circleWeekView({ today, monday, tasks, slots: weekSlots(tasks, turns, monday) });
}

/** Share out a new task in the circle (any member). */
export async function addTask(
  db: DbOrTrx,
  circle: MemberCircle,
  actor: Actor,
  input: { title: string; notes: string; recurrence: CircleRecurrence; startsOn: string; timeOfDay: string | null; now: Date },
): Promise<string> {
  assertMember(circle, actor);
  const today = localDate(input.now);
  if (!isIsoDate(input.startsOn)) throw Invalid({ startsOn: 'helpmatch.circle.task.badDate' });
  if (input.startsOn < today) throw Invalid({ startsOn: 'helpmatch.circle.task.pastDate' });
  if (input.startsOn > addDays(today, 366)) throw Invalid({ startsOn: 'helpmatch.circle.task.farDate' });
  return inTransaction(db, async (trx) => {
    const id = await store.insertTask(trx, { tenantId: circle.tenant_id, circleId: circle.id, ...input, createdBy: actor.userId });
    await audit(trx, circle.tenant_id, actor, 'create', 'helpmatch_circle_task', id, { circleId: circle.id, recurrence: input.recurrence });
    return id;
  });
}

/** Stop a task (owner only); turns already done stay in the hours. */
export async function archiveTask(db: DbOrTrx, circle: MemberCircle, actor: Actor, taskId: string, now: Date): Promise<void> {
  assertOwner(circle, actor);
  if (!isUuid(taskId)) throw NotFound();
  await inTransaction(db, async (trx) => {
    if (!(await store.archiveTask(trx, circle.tenant_id, circle.id, taskId, now))) throw NotFound();
    await audit(trx, circle.tenant_id, actor, 'delete', 'helpmatch_circle_task', taskId, { circleId: circle.id });
  });
}

/** One occurrence of a task, with its turn if someone took it; NotFound when the task does not fall on that date. */
export async function getSlot(db: DbOrTrx, circle: MemberCircle, actor: Actor, taskId: string, date: string) {
  assertMember(circle, actor);
  if (!isUuid(taskId) || !isIsoDate(date)) throw NotFound();
  const task = await store.findTask(db, circle.tenant_id, circle.id, taskId);
  if (!task || !isOccurrence(task, date)) throw NotFound();
  const turn = await store.findTurn(db, circle.tenant_id, circle.id, taskId, date);
  return { task, date, turn: turn ?? null };
}

/** Take an occurrence of a task; exactly one member gets it, the others get Conflict. */
export async function takeTurn(db: DbOrTrx, circle: MemberCircle, actor: Actor, taskId: string, date: string, now: Date): Promise<void> {
  const slot = await getSlot(db, circle, actor, taskId, date);
  if (date < localDate(now)) throw BadRequest('helpmatch.circle.turn.past');
  if (slot.turn) throw Conflict('helpmatch.circle.turn.taken');
  await inTransaction(db, async (trx) => {
    if (
      !(await store.insertTurn(trx, { tenantId: circle.tenant_id, circleId: circle.id, taskId, occursOn: date, userId: actor.userId, now }))
    ) {
      throw Conflict('helpmatch.circle.turn.taken');
    }
    await audit(trx, circle.tenant_id, actor, 'take', 'helpmatch_circle_task', taskId, { circleId: circle.id, date });
  });
}

/** Give back an occurrence one took and has not done yet. */
export async function releaseTurn(db: DbOrTrx, circle: MemberCircle, actor: Actor, taskId: string, date: string): Promise<void> {
  const slot = await getSlot(db, circle, actor, taskId, date);
  if (!slot.turn || slot.turn.taken_by !== actor.userId || slot.turn.done_at) throw Conflict('helpmatch.circle.turn.notYours');
  await inTransaction(db, async (trx) => {
    await store.deleteTurn(trx, circle.tenant_id, slot.turn!.id);
    await audit(trx, circle.tenant_id, actor, 'release', 'helpmatch_circle_task', taskId, { circleId: circle.id, date });
  });
}

/** Mark one's own occurrence done with the hours it took (on or after its day). */
export async function completeTurn(
  db: DbOrTrx,
  circle: MemberCircle,
  actor: Actor,
  taskId: string,
  date: string,
  hours: number,
  now: Date,
): Promise<void> {
  const slot = await getSlot(db, circle, actor, taskId, date);
  if (!slot.turn || slot.turn.taken_by !== actor.userId) throw Conflict('helpmatch.circle.turn.notYours');
  if (slot.turn.done_at) throw Conflict('helpmatch.circle.turn.alreadyDone');
  if (date > localDate(now)) throw BadRequest('helpmatch.circle.turn.future');
  if (!(hours > 0 && hours <= MAX.turnHours)) throw Invalid({ hours: 'helpmatch.circle.turn.badHours' });
  await inTransaction(db, async (trx) => {
    if (!(await store.completeTurn(trx, circle.tenant_id, slot.turn!.id, hours, now))) throw Conflict('helpmatch.circle.turn.alreadyDone');
    await audit(trx, circle.tenant_id, actor, 'complete', 'helpmatch_circle_task', taskId, { circleId: circle.id, date, hours });
  });
}

/** The owner removes a member: their membership and the turns they had not done yet go. */
export async function removeMember(db: DbOrTrx, circle: MemberCircle, actor: Actor, userId: string): Promise<void> {
  assertOwner(circle, actor);
  if (!isUuid(userId)) throw NotFound();
  if (userId === actor.userId) throw Conflict('helpmatch.circle.ownerCannotLeave');
  await inTransaction(db, async (trx) => {
    if (!(await store.deleteMember(trx, circle.tenant_id, circle.id, userId))) throw NotFound();
    const released = await store.deleteOpenTurnsOf(trx, circle.tenant_id, circle.id, userId);
    await audit(trx, circle.tenant_id, actor, 'remove', 'helpmatch_circle_member', userId, {
      circleId: circle.id,
      releasedTurns: released,
    });
  });
}

/** A member leaves the circle (the owner cannot: they close the circle instead). */
export async function leaveCircle(db: DbOrTrx, circle: MemberCircle, actor: Actor): Promise<void> {
  assertMember(circle, actor);
  if (circle.role === 'owner') throw Conflict('helpmatch.circle.ownerCannotLeave');
  await inTransaction(db, async (trx) => {
    await store.deleteMember(trx, circle.tenant_id, circle.id, actor.userId);
    const released = await store.deleteOpenTurnsOf(trx, circle.tenant_id, circle.id, actor.userId);
    await audit(trx, circle.tenant_id, actor, 'leave', 'helpmatch_circle_member', actor.userId, {
      circleId: circle.id,
      releasedTurns: released,
    });
  });
}

/** The owner closes the circle: it is deleted with its tasks, turns and invitations. */
export async function closeCircle(db: DbOrTrx, circle: MemberCircle, actor: Actor): Promise<void> {
  assertOwner(circle, actor);
  await inTransaction(db, async (trx) => {
    await store.deleteCircle(trx, circle.tenant_id, circle.id);
    await audit(trx, circle.tenant_id, actor, 'delete', 'helpmatch_circle', circle.id);
  });
}
