import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue 12 (the resident gets through): a small synonym list per municipality for the search
 * ("koffie" also finds "inloop"), English texts stored with the categories (taxonomies and terms),
 * and plain Dutch names for the default basic functions where the municipality had not renamed
 * them (the codes stay). Frozen in time once landed.
 */
const PLAIN: readonly (readonly [code: string, oldName: string, name: string, nameEn: string, descriptionEn: string])[] = [
  [
    'functie.informatie-advies',
    'Informatie en advies',
    'Vragen en advies',
    'Questions and advice',
    'A place where you can go with questions, such as a Stip or walk-in hour.',
  ],
  [
    'functie.signalering',
    'Signalering',
    'Een oogje in het zeil',
    'Keeping an eye out',
    'People who notice worries and pass them on, such as home visits and a neighbourhood network.',
  ],
  [
    'functie.ontmoeting',
    'Ontmoeting',
    'Mensen ontmoeten',
    'Meeting people',
    'Places and activities to meet other people, such as a community centre or shared meal.',
  ],
  [
    'functie.beweging-gezondheid',
    'Beweging en gezondheid',
    'Bewegen en gezond blijven',
    'Exercise and staying healthy',
    'Staying active and healthy, such as fall prevention and walking groups.',
  ],
  [
    'functie.informele-ondersteuning',
    'Informele ondersteuning',
    'Hulp van vrijwilligers en buren',
    'Help from volunteers and neighbours',
    'Help from volunteers, neighbours and carers.',
  ],
  [
    'functie.zorgondersteuning',
    'Zorgondersteuning',
    'Hulp bij zorg',
    'Help with care',
    'Support with care, for example for people with a disability.',
  ],
  ['doelgroep.jeugd', 'Jeugd', 'Kinderen en jongeren', 'Children and young people', 'Children and young people.'],
  ['doelgroep.ouderen', 'Ouderen', 'Ouderen', 'Older people', 'People aged 65 and over.'],
  [
    'doelgroep.beperking',
    'Mensen met een beperking',
    'Mensen met een beperking',
    'People with a disability',
    'People with a physical, intellectual or mental disability.',
  ],
  ['doelgroep.mantelzorgers', 'Mantelzorgers', 'Mantelzorgers', 'Carers', 'People who care for someone close to them.'],
  [
    'doelgroep.nieuwkomers',
    'Nieuwkomers',
    'Nieuwkomers',
    'Newcomers',
    'People who have just come to the Netherlands or to the neighbourhood.',
  ],
  ['doelgroep.iedereen', 'Iedereen', 'Iedereen', 'Everyone', 'For all residents.'],
  [
    'toegankelijkheid.rolstoeltoegankelijk',
    'Rolstoeltoegankelijk',
    'Rolstoeltoegankelijk',
    'Wheelchair accessible',
    'You can get in and around with a wheelchair.',
  ],
  [
    'toegankelijkheid.aangepast-toilet',
    'Aangepast toilet',
    'Aangepast toilet',
    'Accessible toilet',
    'There is a toilet for people with a disability.',
  ],
  ['toegankelijkheid.ringleiding', 'Ringleiding', 'Ringleiding', 'Hearing loop', 'There is a hearing loop for people with a hearing aid.'],
  ['toegankelijkheid.prikkelarm', 'Prikkelarm', 'Prikkelarm', 'Quiet (low stimulus)', 'A calm place with little noise and few people.'],
  [
    'toegankelijkheid.parkeerplaats-dichtbij',
    'Parkeerplaats dichtbij',
    'Parkeerplaats dichtbij',
    'Parking nearby',
    'You can park close to the entrance.',
  ],
  [
    'toegankelijkheid.bereikbaar-met-ov',
    'Bereikbaar met ov',
    'Bereikbaar met ov',
    'Reachable by public transport',
    'There is a bus stop or station nearby.',
  ],
];
const TAXONOMIES_EN: readonly (readonly [code: string, nameEn: string])[] = [
  ['functie', 'Basic functions'],
  ['doelgroep', 'Target groups'],
  ['toegankelijkheid', 'Accessibility'],
];

export const findMigrations: Record<string, Migration> = {
  '20261207T0100_socialmap_synonyms_and_english': {
    async up(db: Kysely<any>) {
      await sql`
        create table socialmap_synonyms (
          tenant_id text not null references tenants(id) on delete cascade,
          id uuid not null default gen_random_uuid(),
          word text not null,
          alternatives text not null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (tenant_id, id)
        );
        create unique index socialmap_synonyms_word on socialmap_synonyms (tenant_id, lower(word));
        alter table socialmap_taxonomies add column name_en text;
        alter table socialmap_taxonomy_terms add column name_en text;
        alter table socialmap_taxonomy_terms add column description_en text;
      `.execute(db);
      for (const [code, oldName, name, nameEn, descriptionEn] of PLAIN) {
        await sql`update socialmap_taxonomy_terms set name = ${name} where code = ${code} and name = ${oldName}`.execute(db);
        await sql`update socialmap_taxonomy_terms set name_en = ${nameEn}, description_en = ${descriptionEn}
          where code = ${code} and name_en is null`.execute(db);
      }
      for (const [code, nameEn] of TAXONOMIES_EN) {
        await sql`update socialmap_taxonomies set name_en = ${nameEn} where code = ${code} and name_en is null`.execute(db);
      }
    },
  },
  '20261207T1900_socialmap_search_covering_indexes': {
    // Issue 17: the resident search's distance and term look-ups read only these columns, so the
    // indexes carry them (index-only scans instead of a heap visit per location, link and term).
    // Each replaces an index with the same leading columns.
    async up(db: Kysely<any>) {
      await sql`
        create index socialmap_locations_point_id on socialmap_locations (tenant_id, latitude, longitude) include (id);
        drop index socialmap_locations_point;
        create index socialmap_sal_location_service on socialmap_service_at_locations (tenant_id, location_id) include (service_id);
        drop index socialmap_sal_location;
        create index socialmap_attributes_link_term on socialmap_attributes (tenant_id, link_id, taxonomy_term_id);
        drop index socialmap_attributes_link;
      `.execute(db);
    },
  },
};
