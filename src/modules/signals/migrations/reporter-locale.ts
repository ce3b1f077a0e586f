import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The reporter's language, stored with the signal (issue 12, "English that is English"): the mails to
 * the reporter and the standard texts they get are in it. Existing signals are Dutch. Frozen once
 * landed: never edit, add new ones.
 */
export const reporterLocaleMigrations: Record<string, Migration> = {
  '20261207T0600_signals_reporter_locale': {
    async up(db: Kysely<any>) {
      await sql`
        alter table signals_signals
          add column reporter_locale text not null default 'nl' check (reporter_locale in ('nl', 'en'));
      `.execute(db);
    },
  },
};
