import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { AddressesTable } from './geocode.tables.ts';

/** Queries on `addresses`, the municipality's BAG addresses; the only place that touches the table. */

export type AddressRow = Selectable<AddressesTable>;
export type NewAddress = Insertable<AddressesTable>;

/** Escape LIKE wildcards in user text. */
function likePrefix(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/** Every address with this postcode ('9712AB'), by number. */
export function addressesAtPostcode(db: DbOrTrx, tenantId: string, postcode: string, limit = 500): Promise<AddressRow[]> {
  return db
    .selectFrom('addresses')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('postcode', '=', postcode)
    .orderBy('house_number')
    .orderBy('house_letter')
    .orderBy('house_addition')
    .limit(limit)
    .execute();
}

/**
 * Addresses on a street: the exact name (case-insensitive) when it exists, else names that start
 * with it; optionally one house number and one place.
 */
export async function addressesOnStreet(
  db: DbOrTrx,
  tenantId: string,
  street: string,
  opts: { houseNumber?: number; place?: string; limit?: number } = {},
): Promise<AddressRow[]> {
  const query = (exact: boolean) => {
    let q = db
      .selectFrom('addresses')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(sql<string>`lower(street)`, exact ? '=' : 'like', exact ? street.toLowerCase() : likePrefix(street));
    if (opts.houseNumber !== undefined) q = q.where('house_number', '=', opts.houseNumber);
    if (opts.place) q = q.where(sql<string>`lower(place)`, '=', opts.place.toLowerCase());
    return q
      .orderBy('street')
      .orderBy('house_number')
      .orderBy('house_letter')
      .orderBy('house_addition')
      .limit(opts.limit ?? 500)
      .execute();
  };
  const exact = await query(true);
  return exact.length > 0 ? exact : query(false);
}

/** Whether a street of this name (exact, case-insensitive) exists, optionally in one place. */
export async function streetExists(db: DbOrTrx, tenantId: string, street: string, place?: string): Promise<boolean> {
  let q = db
    .selectFrom('addresses')
    .select('postcode')
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`lower(street)`, '=', street.toLowerCase());
  if (place) q = q.where(sql<string>`lower(place)`, '=', place.toLowerCase());
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

/** Suggestions for a street prefix (and optional house-number prefix): distinct addresses, by street and number. */
export function suggestAddresses(
  db: DbOrTrx,
  tenantId: string,
  street: string,
  houseNumber: number | null,
  limit: number,
): Promise<AddressRow[]> {
  let q = db
    .selectFrom('addresses')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`lower(street)`, 'like', likePrefix(street));
  if (houseNumber !== null) q = q.where('house_number', '=', houseNumber);
  return q.orderBy('street').orderBy('house_number').orderBy('house_letter').orderBy('house_addition').limit(limit).execute();
}

/** Number of addresses of a tenant. */
export async function countAddresses(db: DbOrTrx, tenantId: string): Promise<number> {
  const r = await db
    .selectFrom('addresses')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The keys of the tenant's addresses that already exist among these (for created/updated counts). */
export async function existingKeys(db: DbOrTrx, tenantId: string, postcodes: readonly string[]): Promise<Set<string>> {
  if (postcodes.length === 0) return new Set();
  const rows = await db
    .selectFrom('addresses')
    .select(['postcode', 'house_number', 'house_letter', 'house_addition'])
    .where('tenant_id', '=', tenantId)
    .where('postcode', 'in', [...new Set(postcodes)])
    .execute();
  return new Set(rows.map((r) => addressKey(r)));
}

export function addressKey(a: { postcode: string; house_number: number; house_letter: string; house_addition: string }): string {
  return `${a.postcode}|${a.house_number}|${a.house_letter}|${a.house_addition}`;
}

/** Insert or update addresses (by postcode + number + letter + addition). */
export async function upsertAddresses(db: DbOrTrx, rows: readonly NewAddress[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('addresses')
    .values([...rows])
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'postcode', 'house_number', 'house_letter', 'house_addition']).doUpdateSet((eb) => ({
        street: eb.ref('excluded.street'),
        place: eb.ref('excluded.place'),
        lat: eb.ref('excluded.lat'),
        lon: eb.ref('excluded.lon'),
        bag_id: eb.ref('excluded.bag_id'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
