/** Writes of the HSDS import: which ids exist, and upserts by (tenant_id, id) in chunks. */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

/** Table and stored columns (besides tenant_id) per import kind. */
export const IMPORT_TABLES = {
  taxonomy: { table: 'socialmap_taxonomies', columns: ['id', 'name', 'description', 'uri', 'version'] },
  taxonomy_term: {
    table: 'socialmap_taxonomy_terms',
    columns: ['id', 'taxonomy_id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'term_uri'],
  },
  organization: {
    table: 'socialmap_organizations',
    columns: ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'logo', 'uri', 'parent_organization_id', 'updated_at'],
  },
  location: {
    table: 'socialmap_locations',
    columns: [
      'id',
      'organization_id',
      'location_type',
      'url',
      'name',
      'alternate_name',
      'description',
      'transportation',
      'latitude',
      'longitude',
      'external_identifier',
      'external_identifier_type',
      'buurt_code',
      'wijk_code',
      'updated_at',
    ],
  },
  address: {
    table: 'socialmap_addresses',
    columns: [
      'id',
      'location_id',
      'attention',
      'address_1',
      'address_2',
      'city',
      'region',
      'state_province',
      'postal_code',
      'country',
      'address_type',
    ],
  },
  accessibility: { table: 'socialmap_accessibility', columns: ['id', 'location_id', 'description', 'details', 'url'] },
  service: {
    table: 'socialmap_services',
    columns: [
      'id',
      'organization_id',
      'name',
      'alternate_name',
      'description',
      'url',
      'email',
      'status',
      'interpretation_services',
      'application_process',
      'fees_description',
      'wait_time',
      'fees',
      'accreditations',
      'eligibility_description',
      'minimum_age',
      'maximum_age',
      'assured_date',
      'assurer_email',
      'licenses',
      'alert',
      'updated_at',
    ],
  },
  service_at_location: { table: 'socialmap_service_at_locations', columns: ['id', 'service_id', 'location_id', 'description'] },
  phone: {
    table: 'socialmap_phones',
    columns: [
      'id',
      'organization_id',
      'service_id',
      'location_id',
      'service_at_location_id',
      'contact_id',
      'number',
      'extension',
      'type',
      'description',
    ],
  },
  language: { table: 'socialmap_languages', columns: ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note'] },
  schedule: {
    table: 'socialmap_schedules',
    columns: [
      'id',
      'service_id',
      'location_id',
      'service_at_location_id',
      'valid_from',
      'valid_to',
      'dtstart',
      'timezone',
      'until',
      'count',
      'wkst',
      'freq',
      'interval',
      'byday',
      'byweekno',
      'bymonthday',
      'byyearday',
      'description',
      'opens_at',
      'closes_at',
      'schedule_link',
      'attending_type',
      'notes',
      'updated_at',
    ],
  },
  attribute: { table: 'socialmap_attributes', columns: ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id', 'value'] },
} as const;
export type ImportKind = keyof typeof IMPORT_TABLES;

/** The ids among these that exist in this tenant's table. */
export async function existingIds(db: DbOrTrx, tenantId: string, table: string, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const r = await sql<{
      id: string;
    }>`select id::text as id from ${sql.table(table)} where tenant_id = ${tenantId} and id::text in (${sql.join(chunk)})`.execute(db);
    for (const row of r.rows) out.add(row.id);
  }
  return out;
}

/** Insert or update rows by (tenant_id, id); `columns` are the stored columns (id first). */
export async function upsertRows(
  db: DbOrTrx,
  tenantId: string,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const cols = ['tenant_id', ...columns];
  const updates = columns.filter((c) => c !== 'id').map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`);
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const values = chunk.map((r) => sql`(${sql.join(cols.map((c) => (c === 'tenant_id' ? tenantId : (r[c] ?? null))))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${sql.join(values)}
      on conflict (tenant_id, id) do update set ${sql.join(updates)}`.execute(db);
  }
}

/** Set parent_id of imported terms (after every term exists). */
export async function setTermParents(db: DbOrTrx, tenantId: string, parents: readonly { id: string; parent_id: string }[]): Promise<void> {
  for (const p of parents) {
    await db
      .updateTable('socialmap_taxonomy_terms')
      .set({ parent_id: p.parent_id })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', p.id)
      .execute();
  }
}

/** Cancelled dates: one per schedule and date. */
export async function upsertExceptions(
  db: DbOrTrx,
  tenantId: string,
  rows: readonly { schedule_id: string; date: string; note: string | null }[],
): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('socialmap_schedule_exceptions')
      .values({ tenant_id: tenantId, schedule_id: r.schedule_id, date: r.date, note: r.note, kind: 'cancelled' })
      .onConflict((oc) => oc.columns(['tenant_id', 'schedule_id', 'date']).doUpdateSet({ note: r.note }))
      .execute();
  }
}
