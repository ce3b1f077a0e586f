import type { ModuleDefinition } from '../module.ts';
import { MAIL_SEND_JOB, sendOutboxMail } from '../mail/sender.ts';
import type { JobHandlers } from './worker.ts';

/** Every job handler of the app: the platform's own (`mail.send`) and those the given modules bring. */
export function allJobHandlers(modules: readonly Pick<ModuleDefinition, 'jobs'>[]): JobHandlers {
  const handlers: Record<string, JobHandlers[string]> = { [MAIL_SEND_JOB]: sendOutboxMail };
  for (const mod of modules) {
    for (const [kind, handler] of Object.entries(mod.jobs ?? {})) {
      if (kind in handlers) throw new Error(`Job kind handled twice: ${kind}`);
      handlers[kind] = handler;
    }
  }
  return handlers;
}
