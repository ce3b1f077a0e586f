import type { Command } from './commands.ts';
import { demoAccountsText, isEmpty, runDemoSeed } from '../seed/demo.ts';

/** `samenhang seed [--demo]`: load the demo data into an empty database. */
export const seed: Command = async ({ config, database, clock, args, parseArgs }) => {
  try {
    parseArgs({ args, options: { demo: { type: 'boolean' } }, allowPositionals: false });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nUsage: samenhang seed [--demo]\n`);
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
    process.stdout.write(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.\n${demoAccountsText(accounts)}\n`);
    return 0;
  } finally {
    await database.close();
  }
};
