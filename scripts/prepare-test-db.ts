/** Build the migrated test templates once per run (PGlite dump; PostgreSQL template database). */
import { existsSync, mkdirSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { allMigrations } from '../src/modules/migrations.ts';
import { templatePaths } from '../test/helpers/template.ts';

const paths = templatePaths();
mkdirSync(resolve('.tmp'), { recursive: true });

if (!existsSync(paths.pgliteDump)) {
  for (const f of readdirSync(resolve('.tmp'))) if (f.startsWith('pglite-template-')) unlinkSync(resolve('.tmp', f));
  const handle = await openDatabase({ databaseUrl: null, memory: {} });
  await migrateToLatest(handle.db, allMigrations());
  const dump = await handle.pglite!.dumpDataDir('none');
  writeFileSync(paths.pgliteDump, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  process.stdout.write(`PGlite test template ready (${paths.hash}).\n`);
}

const url = process.env.TEST_DATABASE_URL;
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [paths.pgTemplateName]);
  if (!exists.rowCount) {
    // Old templates only: test databases (sh_test_*) belong to runs that may still be going on the
    // same server (another checkout, another engineer) and are dropped by their own test files.
    // A template being cloned right now is in use: it is left for a later run to drop.
    const old = await admin.query("select datname from pg_database where datname like 'sh_template_%' and datname <> $1", [
      paths.pgTemplateName,
    ]);
    for (const row of old.rows as { datname: string }[]) {
      try {
        await admin.query(`update pg_database set datistemplate = false where datname = $1`, [row.datname]);
        await admin.query(`drop database if exists "${row.datname}"`);
      } catch {
        // in use: keep it
      }
    }
    const building = `${paths.pgTemplateName}_build`;
    await admin.query(`drop database if exists "${building}" with (force)`);
    await admin.query(`create database "${building}"`);
    const u = new URL(url);
    u.pathname = `/${building}`;
    const handle = await openDatabase({ databaseUrl: u.toString(), poolSize: 1 });
    await migrateToLatest(handle.db, allMigrations());
    await handle.close();
    await admin.query(`alter database "${building}" rename to "${paths.pgTemplateName}"`);
    process.stdout.write(`PostgreSQL test template ready (${paths.hash}).\n`);
  }
  await admin.end();
}
