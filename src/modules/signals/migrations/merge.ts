import type { Migration } from 'kysely';

/** Migrations of the signals merge part (frozen once landed: never edit, add new ones). */
export const mergeMigrations: Record<string, Migration> = {};
