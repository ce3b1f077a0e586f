import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Public signal numbers without order or gaps (security review, finding 4; see public-id.ts): a
 * random key per tenant and year, and the count up to which numbers were given out in sequence
 * (those signals keep their numbers: they are in mails, messages and other systems already; later
 * numbers avoid them). Frozen once landed: never edit, add new ones.
 */
export const publicIdMigrations: Record<string, Migration> = {
  '20261125T0900_signals_public_ids': {
    async up(db: Kysely<any>) {
      await sql`
        -- A volatile default: every existing row gets its own key, as does every new year.
        alter table signals_counters
          add column id_key text not null default (replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));
        alter table signals_counters add column permuted_from int not null default 0;
        update signals_counters set permuted_from = last_number;
      `.execute(db);
    },
  },
};
