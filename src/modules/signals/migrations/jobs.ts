import type { Migration } from 'kysely';

/** Migrations of the signals jobs part (frozen once landed: never edit, add new ones). */
export const jobsMigrations: Record<string, Migration> = {};
