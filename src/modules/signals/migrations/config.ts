import type { Migration } from 'kysely';

/** Migrations of the signals config part (frozen once landed: never edit, add new ones). */
export const configMigrations: Record<string, Migration> = {};
