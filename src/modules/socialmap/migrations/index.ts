import type { Migration } from 'kysely';

/** Tables of the socialmap module. Frozen in time once landed: never edit, add new ones. */
export const socialmapMigrations: Record<string, Migration> = {};
