import type { Migration } from 'kysely';

/** Migrations of the signals list part (frozen once landed: never edit, add new ones). */
export const listMigrations: Record<string, Migration> = {};
