/**
 * Queries of the suggestions table (ours): suggestions left on a service page, their handling,
 * and the retention and personal-data requests on the suggester's e-mail address. Every query is
 * scoped to one tenant, except the ones on a person's address (export, deletion, retention).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SuggestionStatus } from './keep.tables.ts';

export async function insertSuggestion(
  db: DbOrTrx,
  s: { tenantId: string; serviceId: string; message: string; email: string | null; locale: 'nl' | 'en'; now: Date },
): Promise<{ id: string }> {
  return db
    .insertInto('socialmap_suggestions')
    .values({ tenant_id: s.tenantId, service_id: s.serviceId, message: s.message, email: s.email, locale: s.locale, created_at: s.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface SuggestionRow {
  id: string;
  service_id: string;
  service_name: string;
  people_organisation_id: string | null;
  message: string;
  has_email: boolean;
  status: SuggestionStatus;
  reason: string | null;
  created_at: Date;
  handled_at: Date | null;
}

function suggestionQuery(db: DbOrTrx, tenantId: string) {
  return db
    .selectFrom('socialmap_suggestions as g')
    .innerJoin('socialmap_services as s', (j) => j.onRef('s.tenant_id', '=', 'g.tenant_id').onRef('s.id', '=', 'g.service_id'))
    .innerJoin('socialmap_organizations as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.organization_id'))
    .select([
      'g.id',
      'g.service_id',
      's.name as service_name',
      'o.people_organisation_id',
      'g.message',
      sql<boolean>`g.email is not null`.as('has_email'),
      'g.status',
      'g.reason',
      'g.created_at',
      'g.handled_at',
    ])
    .where('g.tenant_id', '=', tenantId);
}

/** Suggestions of the tenant (open ones, or all of one service), newest first, optionally for some people organisations. */
export async function listSuggestions(
  db: DbOrTrx,
  tenantId: string,
  opts: { status?: SuggestionStatus; serviceId?: string; peopleOrganisationIds: readonly string[] | null },
): Promise<SuggestionRow[]> {
  if (opts.peopleOrganisationIds && opts.peopleOrganisationIds.length === 0) return [];
  return suggestionQuery(db, tenantId)
    .$if(opts.status !== undefined, (q) => q.where('g.status', '=', opts.status!))
    .$if(opts.serviceId !== undefined, (q) => q.where('g.service_id', '=', opts.serviceId!))
    .$if(opts.peopleOrganisationIds !== null, (q) => q.where('o.people_organisation_id', 'in', opts.peopleOrganisationIds!))
    .orderBy('g.created_at', 'desc')
    .orderBy('g.id')
    .execute();
}

/** One suggestion with the suggester's address (for the reply), locked for handling. */
export async function findSuggestionForUpdate(db: DbOrTrx, tenantId: string, id: string) {
  return db
    .selectFrom('socialmap_suggestions as g')
    .innerJoin('socialmap_services as s', (j) => j.onRef('s.tenant_id', '=', 'g.tenant_id').onRef('s.id', '=', 'g.service_id'))
    .select(['g.id', 'g.service_id', 's.name as service_name', 'g.email', 'g.locale', 'g.status'])
    .where('g.tenant_id', '=', tenantId)
    .where('g.id', '=', id)
    .forUpdate('g')
    .executeTakeFirst();
}

/** Mark an open suggestion handled; false when it was handled already. */
export async function handleSuggestion(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  h: { status: 'accepted' | 'rejected'; reason: string | null; userId: string; now: Date },
): Promise<boolean> {
  const res = await db
    .updateTable('socialmap_suggestions')
    .set({ status: h.status, reason: h.reason, handled_by: h.userId, handled_at: h.now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Remove the suggester's e-mail from suggestions handled before `before` (retention); returns the count. */
export async function forgetHandledEmails(db: DbOrTrx, before: Date): Promise<number> {
  const res = await db
    .updateTable('socialmap_suggestions')
    .set({ email: null })
    .where('email', 'is not', null)
    .where('status', '<>', 'open')
    .where('handled_at', '<', before)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Suggestions left with this e-mail address (a person's data export), any tenant. */
export async function suggestionsByEmail(db: DbOrTrx, email: string) {
  return db
    .selectFrom('socialmap_suggestions')
    .select(['tenant_id', 'service_id', 'message', 'status', 'reason', 'created_at', 'handled_at'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .orderBy('created_at')
    .execute();
}

/** Remove this e-mail address from every suggestion (account deletion); returns the count. */
export async function forgetEmail(db: DbOrTrx, email: string): Promise<number> {
  const res = await db
    .updateTable('socialmap_suggestions')
    .set({ email: null })
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
