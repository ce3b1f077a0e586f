import type { Migration } from 'kysely';

/** Migrations of the signals photos part (frozen once landed: never edit, add new ones). */
export const photosMigrations: Record<string, Migration> = {};
