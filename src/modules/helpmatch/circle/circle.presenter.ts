/** The circle pages' view models: tasks, turns and the week as the views show them (camelCase, no rows). */
import type { TaskRow, TurnRow } from './circle.store.ts';
import type { Slot } from './circle.schedule.ts';
import type { CircleRecurrence } from './circle.tables.ts';

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
