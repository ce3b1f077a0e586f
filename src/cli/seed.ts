import type { Command } from './commands.ts';
import { demoAccountsText, isEmpty, runDemoSeed } from '../seed/demo.ts';

/**
 * `samenhang seed [--demo] [--quiet]`: load the demo data into an empty database. `--quiet` leaves
 * out the list of demo accounts (used when `serve` prepares a new data directory in a child
 * process and prints the accounts itself once it runs, see prepare.ts).
 */
export const seed: Command = async ({ config, database, clock, args, parseArgs }) => {
  let quiet = false;
  try {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, quiet: { type: 'boolean' } }, allowPositionals: false });
    quiet = values.quiet === true;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nUsage: samenhang seed [--demo] [--quiet]\n`);
    await database.close();
    return 2;
  }
  try {
    if (!(await isEmpty(database.db))) {
      process.stderr.write('The database already has data; the demo data is only loaded into an empty database.\n');
      return 1;
    }
    const started = Date.now();
    const accounts = await runDemoSeed(database.db, config, (step) => process.stdout.write(`  ${step}\n`), clock.now());
    const took = `Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`;
    process.stdout.write(quiet ? took : `${took}${demoAccountsText(accounts)}\n`);
    return 0;
  } finally {
    await database.close();
  }
};
