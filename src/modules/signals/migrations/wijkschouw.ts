import type { Migration } from 'kysely';

/** Migrations of the signals wijkschouw part (frozen once landed: never edit, add new ones). */
export const wijkschouwMigrations: Record<string, Migration> = {};
