/**
 * Command line: `samenhang serve | migrate | seed | import-areas | create-user`.
 * `npm start` runs `serve`: migrate, load the demo data into an empty database, and listen.
 */
import { parseArgs } from 'node:util';
import { systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { openDatabase, type DbHandle } from './platform/db/database.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { allMigrations } from './modules/migrations.ts';
import { commands } from './cli/commands.ts';
import { needsPreparation, prepareInChild } from './cli/prepare.ts';

const USAGE = `Samenhang

Usage: samenhang <command> [options]

Commands:
  serve                      migrate, load demo data into an empty database (SEED=demo), and serve
  migrate                    run database migrations
  seed [--demo]              load the demo data (only into an empty database)
  import-areas <file> [--tenant GMxxxx] [--level district|neighbourhood] [--year YYYY]
                             import wijken/buurten from CBS GeoJSON or a municipality's GeoJSON (RD New is converted)
  import-addresses <file.csv|file.gpkg> --tenant SLUG|GMxxxx
                             import the BAG address extract (CSV or GeoPackage) for the geocoder (docs/geocoding.md)
  import-monitor <file> --tenant SLUG|GMxxxx [--format csv|xlsx|cbs] [--period YYYY]
                             import monitor figures, all or nothing (docs/monitor-import.md)
  create-user --email E --name N [--tenant GMxxxx --role R] [--password-stdin]
                             create a user (and a membership)
  help                       show this text

Configuration comes from environment variables: PORT, HOST, DATA_DIR, BASE_URL, DATABASE_URL,
SMTP_URL, MAIL_FROM, SESSION_SECRET, SEED, NODE_ENV, LOG_LEVEL, TRUST_PROXY, HELP_WAVE_HOURS,
HELP_WAVE_URGENT_HOURS, GEOCODER_PDOK, PDOK_LOCATIESERVER_URL, GEOCODER_TIMEOUT_MS,
AREA_SUMMARIES_MINUTES, DATABASE_POOL_SIZE. See README.md.
`;

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const handler = commands[command];
  if (!handler) {
    process.stderr.write(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  if (command === 'serve' && needsPreparation(config)) {
    try {
      await prepareInChild(config, (line) => process.stdout.write(`${line}\n`));
    } catch (err) {
      process.stderr.write(`${(err as Error).message}\n`);
      return 1;
    }
  }
  let database: DbHandle;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    process.stderr.write(`Cannot open the database: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    await migrateToLatest(database.db, allMigrations());
    return await handler({ config, database, clock: systemClock, args: rest, parseArgs });
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Error: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
