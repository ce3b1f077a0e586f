import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue 17: the occurrences of every service's schedules on the days around today, precomputed by
 * the job `socialmap.occurrences` (and per service right after an edit), so searches for "nu",
 * "vandaag" and "de komende 7 dagen" and the leaflet never expand schedules on a request.
 */
export const occurrenceMigrations: Record<string, Migration> = {
  '20261207T1515_socialmap_occurrences': {
    async up(db: Kysely<any>) {
      await sql`
        create table socialmap_occurrences (
          tenant_id text not null,
          service_id uuid not null,
          schedule_id uuid not null,
          starts_at timestamptz not null,
          ends_at timestamptz not null,
          date text not null,
          all_day boolean not null,
          cancelled boolean not null,
          primary key (tenant_id, service_id, schedule_id, starts_at),
          foreign key (tenant_id, service_id) references socialmap_services (tenant_id, id) on delete cascade,
          foreign key (tenant_id, schedule_id) references socialmap_schedules (tenant_id, id) on delete cascade
        );
        create index socialmap_occurrences_schedule on socialmap_occurrences (tenant_id, schedule_id);
        create index socialmap_occurrences_ends on socialmap_occurrences (tenant_id, ends_at);

        create table socialmap_occurrence_windows (
          tenant_id text not null references tenants(id) on delete cascade,
          first_day text not null,
          last_day text not null,
          computed_at timestamptz not null,
          primary key (tenant_id)
        );
      `.execute(db);
    },
  },
  /**
   * The days a running job is filling (a whole window, or the new last days): until it is done,
   * an edit rewrites its services' dates over the stored window and these days together, so the
   * job never leaves dates from before an edit (occurrences.service.ts).
   */
  '20261207T1830_socialmap_occurrence_fill': {
    async up(db: Kysely<any>) {
      await sql`
        alter table socialmap_occurrence_windows
          add column fill_first_day text,
          add column fill_last_day text;
      `.execute(db);
    },
  },
};
