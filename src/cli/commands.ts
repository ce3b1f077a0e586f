import type { parseArgs } from 'node:util';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { DbHandle } from '../platform/db/database.ts';
import { serve } from './serve.ts';
import { importAreasCommand } from './import-areas.ts';
import { seed } from './seed.ts';
import { createUser } from './create-user.ts';
import { importHsdsCommand } from './import-hsds.ts';
import { importAddressesCommand } from './import-addresses.ts';
import { importMonitorCommand } from './import-monitor.ts';

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

/** One line per command; each lives in its own file under src/cli/. */
export const commands: Record<string, Command> = {
  serve,
  seed,
  // (more commands below)
  'create-user': createUser,
  'import-areas': importAreasCommand,
  'import-hsds': importHsdsCommand,
  'import-addresses': importAddressesCommand,
  'import-monitor': importMonitorCommand,
  migrate: async ({ database }) => {
    process.stdout.write('Migrations are up to date.\n');
    await database.close();
    return 0;
  },
};
