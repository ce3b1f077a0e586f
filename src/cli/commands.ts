import type { parseArgs } from 'node:util';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { DbHandle } from '../platform/db/database.ts';

export interface CommandArgs {
  config: Config;
  database: DbHandle;
  /** The clock every command takes its time from (the system clock; a fixed one in tests). */
  clock: Clock;
  args: string[];
  parseArgs: typeof parseArgs;
}

/** A command returns its exit code, or -1 when it keeps running (serve). */
export type Command = (args: CommandArgs) => Promise<number>;

/**
 * A command loaded when it runs: `help`, an unknown command or a bad setting answer at once,
 * without loading (and compiling) the whole app first.
 */
const lazy =
  (load: () => Promise<Command>): Command =>
  async (args) =>
    (await load())(args);

/** One line per command; each lives in its own file under src/cli/. */
export const commands: Record<string, Command> = {
  serve: lazy(async () => (await import('./serve.ts')).serve),
  seed: lazy(async () => (await import('./seed.ts')).seed),
  // (more commands below)
  'create-user': lazy(async () => (await import('./create-user.ts')).createUser),
  'import-areas': lazy(async () => (await import('./import-areas.ts')).importAreasCommand),
  'import-hsds': lazy(async () => (await import('./import-hsds.ts')).importHsdsCommand),
  'import-addresses': lazy(async () => (await import('./import-addresses.ts')).importAddressesCommand),
  'import-monitor': lazy(async () => (await import('./import-monitor.ts')).importMonitorCommand),
  migrate: async ({ database }) => {
    process.stdout.write('Migrations are up to date.\n');
    await database.close();
    return 0;
  },
};
