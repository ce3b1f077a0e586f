import type { Migration } from 'kysely';

/** Migrations of the signals actions part (frozen once landed: never edit, add new ones). */
export const actionsMigrations: Record<string, Migration> = {};
