import { sql, type Kysely, type Migration } from 'kysely';

/** Migrations of the signals config part (frozen once landed: never edit, add new ones). */
export const configMigrations: Record<string, Migration> = {
  /** English texts stored with the data (issue 12): empty means "use the Dutch one". Questions carry `labelEn`/`optionsEn` in their JSON. */
  '20261207T0300_signals_english_texts': {
    async up(db: Kysely<any>) {
      await sql`
        alter table signals_category_groups
          add column name_en text not null default '' check (length(name_en) <= 200),
          add column description_en text not null default '' check (length(description_en) <= 1000);
        alter table signals_categories
          add column name_en text not null default '' check (length(name_en) <= 200),
          add column description_en text not null default '' check (length(description_en) <= 1000);
        alter table signals_standard_texts
          add column text_en text not null default '' check (length(text_en) <= 5000);
      `.execute(db);
    },
  },
};
