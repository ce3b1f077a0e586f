import { buildApp } from '../app.ts';
import type { Command } from './commands.ts';

/** Serve the app until SIGINT/SIGTERM, then finish in-flight requests and close the database. */
export const serve: Command = async ({ config, database }) => {
  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  const mode = database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(`\nSamenhang is running at ${config.baseUrl} (${mode}).\nPress Ctrl-C to stop.\n`);

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
  return -1;
};
