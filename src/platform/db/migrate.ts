import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';

/**
 * Run every module's migrations in key order. Keys start with a timestamp
 * (`20261123T0100_areas_…`), so modules can add migrations independently.
 */
export async function migrateToLatest(db: Db, migrations: Record<string, Migration>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String((result.error as Error).message ?? result.error)}`);
    (err as Error & { cause?: unknown }).cause = result.error;
    throw err;
  }
  return result;
}

/** True when every known migration has run (used by /ready). */
export async function migrationsPending(db: Db, migrations: Record<string, Migration>): Promise<number> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt && migrations[m.name]).length;
}
