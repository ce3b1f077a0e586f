import type { Migration } from 'kysely';
import { platformMigrations } from '../platform/migrations/index.ts';
import { areasMigrations } from './areas/migrations/index.ts';
import { peopleMigrations } from './people/migrations/index.ts';
import { socialmapMigrations } from './socialmap/migrations/index.ts';
import { helpmatchMigrations } from './helpmatch/migrations/index.ts';
import { signalsMigrations } from './signals/migrations/index.ts';
import { surveysMigrations } from './surveys/migrations/index.ts';
import { monitorMigrations } from './monitor/migrations/index.ts';
import { programmesMigrations } from './programmes/migrations/index.ts';
import { initiativesMigrations } from './initiatives/migrations/index.ts';
import { evaluationMigrations } from './evaluation/migrations/index.ts';

/**
 * Platform and module migrations together, keyed by their timestamped names. This file imports
 * migrations only (no routes, views or services), so the command line and the test-database setup
 * load the schema without the whole app; `test/lint/migrations-import.test.ts` keeps it that way.
 */
const MODULE_MIGRATIONS: readonly Record<string, Migration>[] = [
  areasMigrations,
  peopleMigrations,
  socialmapMigrations,
  helpmatchMigrations,
  signalsMigrations,
  surveysMigrations,
  monitorMigrations,
  programmesMigrations,
  initiativesMigrations,
  evaluationMigrations,
];

export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = { ...platformMigrations };
  for (const migrations of MODULE_MIGRATIONS) {
    for (const [name, migration] of Object.entries(migrations)) {
      if (name in all) throw new Error(`Migration name used twice: ${name}`);
      all[name] = migration;
    }
  }
  return all;
}
