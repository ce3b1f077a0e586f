import type { Migration } from 'kysely';

/** Migrations of the signals section part (frozen once landed: never edit, add new ones). */
export const sectionMigrations: Record<string, Migration> = {};
