import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { HelpOffersTable, HelpLatentContactsTable } from '../helpmatch.tables.ts';

export type OfferRow = Selectable<HelpOffersTable>;
export type LatentRow = Selectable<HelpLatentContactsTable>;

export interface OfferValues {
  talents: string;
  categories: string[];
  slots: unknown[];
  reach: OfferRow['reach'];
  max_per_month: number;
  languages: string[];
  lon: number;
  lat: number;
  buurt_code: string | null;
  wijk_code: string | null;
  active: boolean;
}

/** Create the user's offer or replace its fields (one offer per user per tenant). */
export async function upsertOffer(
  db: DbOrTrx,
  tenantId: string,
  userId: string,
  v: OfferValues,
  now: Date,
  extra: Partial<Pick<Insertable<HelpOffersTable>, 'is_demo' | 'vog_seen_on' | 'vog_recorded_by'>> = {},
): Promise<OfferRow> {
  const values = {
    ...v,
    categories: JSON.stringify(v.categories) as never,
    slots: JSON.stringify(v.slots) as never,
    languages: JSON.stringify(v.languages) as never,
  };
  return db
    .insertInto('help_offers')
    .values({ tenant_id: tenantId, user_id: userId, ...values, ...extra, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ ...values, updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOffer(db: DbOrTrx, tenantId: string, id: string): Promise<OfferRow | undefined> {
  return db.selectFrom('help_offers').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function findOfferOfUser(db: DbOrTrx, tenantId: string, userId: string): Promise<OfferRow | undefined> {
  return db.selectFrom('help_offers').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
}

export async function listOffers(db: DbOrTrx, tenantId: string, opts: { activeOnly?: boolean; limit?: number } = {}): Promise<OfferRow[]> {
  let q = db.selectFrom('help_offers').selectAll().where('tenant_id', '=', tenantId);
  if (opts.activeOnly) q = q.where('active', '=', true);
  return q
    .orderBy('created_at', 'desc')
    .limit(opts.limit ?? 100_000)
    .execute();
}

export async function setVog(
  db: DbOrTrx,
  tenantId: string,
  offerId: string,
  seenOn: string | null,
  by: string,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('help_offers')
    .set({ vog_seen_on: seenOn, vog_recorded_by: seenOn ? by : null, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', offerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setOfferActive(db: DbOrTrx, tenantId: string, userId: string, active: boolean, now: Date): Promise<void> {
  await db
    .updateTable('help_offers')
    .set({ active, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteOffersOf(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('help_offers').where('user_id', '=', userId).execute();
}

export async function offersOfUserAll(db: DbOrTrx, userId: string): Promise<OfferRow[]> {
  return db.selectFrom('help_offers').selectAll().where('user_id', '=', userId).execute();
}

/** Per volunteer: matches since a moment, reliability and hours, from the match table. */
export interface VolunteerStatsRow {
  volunteer_user_id: string;
  since_month: number;
  since_recent: number;
  done: number;
  failed: number;
  hours_given: number;
}

/** The hours of a match count: confirmed by both sides, and it is done or a weekly arrangement (its confirmed weeks). */
const HOURS_COUNT = sql`(state = 'done' or exists (select 1 from help_requests r where r.tenant_id = help_matches.tenant_id and r.id = help_matches.request_id and r.schedule_kind = 'weekly'))
  and hours is not null and hours_confirmed_volunteer_at is not null and hours_confirmed_requester_at is not null`;

export async function volunteerStats(db: DbOrTrx, tenantId: string, monthStart: Date, recentStart: Date): Promise<VolunteerStatsRow[]> {
  const rows = await db
    .selectFrom('help_matches')
    .select([
      'volunteer_user_id',
      sql<number>`count(*) filter (where state in ('accepted','done') and accepted_at >= ${monthStart})`.as('since_month'),
      sql<number>`count(*) filter (where state in ('accepted','done') and accepted_at >= ${recentStart})`.as('since_recent'),
      sql<number>`count(*) filter (where state = 'done')`.as('done'),
      sql<number>`count(*) filter (where state in ('no_show','cancelled') and accepted_at is not null)`.as('failed'),
      sql<number>`coalesce(sum(hours) filter (where ${HOURS_COUNT}), 0)`.as('hours_given'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('volunteer_user_id', 'is not', null)
    .groupBy('volunteer_user_id')
    .execute();
  return rows.map((r) => ({
    volunteer_user_id: r.volunteer_user_id!,
    since_month: Number(r.since_month),
    since_recent: Number(r.since_recent),
    done: Number(r.done),
    failed: Number(r.failed),
    hours_given: Number(r.hours_given),
  }));
}

/** Hours received per requester (done matches of their own requests, and the confirmed weeks of weekly arrangements). */
export async function hoursReceived(db: DbOrTrx, tenantId: string): Promise<{ user_id: string; hours: number }[]> {
  const rows = await db
    .selectFrom('help_matches as m')
    .innerJoin('help_requests as r', (j) => j.onRef('r.tenant_id', '=', 'm.tenant_id').onRef('r.id', '=', 'm.request_id'))
    .select(['r.requester_user_id as user_id', sql<number>`coalesce(sum(m.hours), 0)`.as('hours')])
    .where('m.tenant_id', '=', tenantId)
    .where(
      sql<boolean>`(m.state = 'done' or r.schedule_kind = 'weekly') and m.hours_confirmed_requester_at is not null and m.hours_confirmed_volunteer_at is not null`,
    )
    .where('r.requester_user_id', 'is not', null)
    .groupBy('r.requester_user_id')
    .execute();
  return rows.map((r) => ({ user_id: r.user_id!, hours: Number(r.hours) }));
}

export async function upsertLatent(db: DbOrTrx, row: Insertable<HelpLatentContactsTable>): Promise<LatentRow> {
  return db
    .insertInto('help_latent_contacts')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'buurt_code']).doUpdateSet({ note: row.note ?? '', active: true }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listLatent(
  db: DbOrTrx,
  tenantId: string,
  opts: { buurtCodes?: readonly string[]; userId?: string } = {},
): Promise<LatentRow[]> {
  let q = db.selectFrom('help_latent_contacts').selectAll().where('tenant_id', '=', tenantId).where('active', '=', true);
  if (opts.buurtCodes) {
    if (opts.buurtCodes.length === 0) return [];
    q = q.where('buurt_code', 'in', [...opts.buurtCodes]);
  }
  if (opts.userId) q = q.where('user_id', '=', opts.userId);
  return q.orderBy('created_at').execute();
}

export async function deleteLatent(db: DbOrTrx, tenantId: string, userId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('help_latent_contacts')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function deleteLatentOf(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('help_latent_contacts').where('user_id', '=', userId).execute();
}

export async function latentOfUserAll(db: DbOrTrx, userId: string): Promise<LatentRow[]> {
  return db.selectFrom('help_latent_contacts').selectAll().where('user_id', '=', userId).execute();
}
