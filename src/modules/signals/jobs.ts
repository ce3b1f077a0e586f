import type { ModuleDefinition } from '../../platform/module.ts';

/** Job handlers of the signals module (deadlines, reminders, escalation, retention). */
export const signalsJobs: NonNullable<ModuleDefinition['jobs']> = {};

/** Job kinds of `signalsJobs` that run periodically (each run enqueues the next). */
export const signalsRecurringJobs: string[] = [];
