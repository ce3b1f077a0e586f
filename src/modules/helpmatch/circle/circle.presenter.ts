/** The circle pages' view models: the circle, its invitations, tasks, turns and the week as the views show them (camelCase, no rows). */
import type { TaskRow, TurnRow } from './circle.store.ts';
import type { Slot } from './circle.schedule.ts';
import type { CircleMemberRole, CircleRecurrence } from './circle.tables.ts';

/** A circle as its pages show it to one member: who it is around, and the member's own role in it. */
export interface CircleView {
  id: string;
  personName: string;
  personDetails: string;
  role: CircleMemberRole;
}

/** A member of the circle with their name, for the members page (and the names on the week). */
export interface CircleMember {
  userId: string;
  name: string;
  role: CircleMemberRole;
  joinedAt: Date;
}

/** One of "my circles" on the list page. */
export interface CircleListItem {
  id: string;
  personName: string;
  role: CircleMemberRole;
}

/** An open invitation, as the owner sees it on the members page. */
export interface CircleInvitationView {
  id: string;
  email: string;
  name: string;
  expiresAt: Date;
}

export function circleView(c: { id: string; person_name: string; person_details: string; role: CircleMemberRole }): CircleView {
  return { id: c.id, personName: c.person_name, personDetails: c.person_details, role: c.role };
}

export function circleListItem(c: { id: string; person_name: string; role: CircleMemberRole }): CircleListItem {
  return { id: c.id, personName: c.person_name, role: c.role };
}

export function circleInvitationView(i: { id: string; email: string; name: string; expires_at: Date }): CircleInvitationView {
  return { id: i.id, email: i.email, name: i.name, expiresAt: i.expires_at };
}

export interface CircleTask {
  id: string;
  title: string;
  notes: string;
  recurrence: CircleRecurrence;
  /** The first date, 'YYYY-MM-DD'. */
  startsOn: string;
  /** 'HH:MM', or null for any time of the day. */
  timeOfDay: string | null;
}

/** Who took an occurrence, and when it was done with how many hours. */
export interface CircleTurn {
  takenBy: string | null;
  doneAt: Date | null;
  hours: number | null;
}

export interface CircleSlot {
  task: CircleTask;
  date: string;
  turn: CircleTurn | null;
}

export interface CircleWeek {
  today: string;
  monday: string;
  tasks: CircleTask[];
  slots: CircleSlot[];
}

export function circleTask(t: TaskRow): CircleTask {
  return { id: t.id, title: t.title, notes: t.notes, recurrence: t.recurrence, startsOn: t.starts_on, timeOfDay: t.time_of_day };
}

export function circleTurn(t: TurnRow): CircleTurn {
  return { takenBy: t.taken_by, doneAt: t.done_at, hours: t.hours };
}

export function circleWeekView(w: {
  today: string;
  monday: string;
  tasks: readonly TaskRow[];
  slots: readonly Slot<TaskRow>[];
}): CircleWeek {
  return {
    today: w.today,
    monday: w.monday,
    tasks: w.tasks.map(circleTask),
    slots: w.slots.map((s) => ({ task: circleTask(s.task), date: s.date, turn: s.turn })),
  };
}
