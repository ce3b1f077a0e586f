import type { Migration } from 'kysely';

/** Tables of the helpmatch module. Frozen in time once landed: never edit, add new ones. */
export const helpmatchMigrations: Record<string, Migration> = {};
