import { buildApp } from '../app.ts';
import type { Command } from './commands.ts';
import { startWorker } from '../platform/jobs/worker.ts';
import { ensureRecurringJobs } from '../platform/jobs/recurring.ts';
import { allJobHandlers } from '../platform/jobs/handlers.ts';
import { MODULES } from '../modules/index.ts';
import { definedDemoAccounts, demoAccountsText, hasDemoAccounts, isEmpty, runDemoSeed } from '../seed/demo.ts';

/** Serve the app until SIGINT/SIGTERM, then finish in-flight requests and close the database. */
export const serve: Command = async ({ config, database, clock }) => {
  if (config.seed === 'demo' && (await isEmpty(database.db))) {
    process.stdout.write('Empty database: loading the demo data from the seeds…\n');
    await runDemoSeed(database.db, config, (step) => process.stdout.write(`  ${step}\n`), clock.now());
  }
  const app = await buildApp({ config, database, clock });
  // The signal handlers are in place before the server listens: a SIGTERM right after /ready
  // answers (an orchestrator stopping a fresh instance) still stops cleanly.
  let worker: ReturnType<typeof startWorker> | undefined;
  const starting = (async () => {
    await app.listen({ port: config.port, host: config.host });
    await ensureRecurringJobs(database.db, app.clock.now(), MODULES);
    worker = startWorker({
      db: database.db,
      config,
      clock: app.clock,
      handlers: allJobHandlers(MODULES),
      log: { warn: (m) => app.log.warn(m), error: (m) => app.log.error(m) },
    });
  })();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal} received: finishing requests and closing the database…\n`);
    const force = setTimeout(() => {
      process.stderr.write('Shutdown took too long; exiting.\n');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await starting.catch(() => undefined); // a start that failed is reported by serve itself
      await worker?.stop();
      await app.close();
      await database.close();
      process.stdout.write('Stopped cleanly.\n');
      process.exitCode = 0;
    } catch (err) {
      process.stderr.write(`Error while stopping: ${(err as Error).message}\n`);
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await starting;
  if (closing) return -1;
  const mode = database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  if (config.seed === 'demo' && (await hasDemoAccounts(database.db))) {
    process.stdout.write(`\n${demoAccountsText(definedDemoAccounts())}\n`);
  }
  process.stdout.write(`\nSamenhang is running at ${config.baseUrl} (${mode}).\nPress Ctrl-C to stop.\n`);
  return -1;
};
