import type { ModuleDefinition, SummarySection } from '../../../platform/module.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import { refreshAllSummaries } from './summaries.service.ts';

export const SUMMARIES_JOB = 'areas.summaries';

const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * The area-summaries job as a module of its own, last in src/modules/index.ts: it needs the
 * `summarySections` of every module, which it gets through `sections` (called at run time, so the
 * list is complete). Recurring every `config.areaSummariesMinutes` (AREA_SUMMARIES_MINUTES,
 * default 10); also run at the end of the demo seed, so a fresh `npm start` shows data at once.
 * Reads that do not depend on the area are shared by the areas of a run, and on PostgreSQL three
 * areas are computed at a time (DATABASE_POOL_SIZE / 3, at most 4): issue 17, docs/scaling.md.
 */
export function areaSummariesModule(sections: () => readonly SummarySection[]): ModuleDefinition {
  return {
    name: 'area-summaries',
    jobs: {
      [SUMMARIES_JOB]: async ({ db, now, config, signal }) => {
        // On PostgreSQL a few areas at a time, a third of the process's pool (the pages keep the rest).
        const concurrency = config.databaseUrl ? Math.max(1, Math.min(4, Math.floor(config.databasePoolSize / 3))) : 1;
        await refreshAllSummaries(db, { sections: sections(), now, log, concurrency, ...(signal ? { signal } : {}) });
        // Stopped half-way (the worker stops): the next run starts as soon as a worker runs again.
        const next = signal?.aborted ? now : new Date(now.getTime() + config.areaSummariesMinutes * 60_000);
        await enqueueJob(db, { kind: SUMMARIES_JOB, runAt: next });
      },
    },
    recurringJobs: [SUMMARIES_JOB],
    demoSeed: async (trx, { now }) => {
      await refreshAllSummaries(trx, { sections: sections(), now, log });
    },
  };
}
