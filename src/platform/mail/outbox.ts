import type { DbOrTrx } from '../db/database.ts';
import { isUuid } from '../ids.ts';

export interface OutboxListItem {
  id: string;
  createdAt: Date;
  to: string;
  subject: string;
  status: string;
}

export interface OutboxMail extends OutboxListItem {
  text: string;
  /** The account the mail was sent to, when known. */
  userId: string | null;
  locale: string;
  sentAt: Date | null;
}

/** One page of a tenant's outbox, newest first; `hasMore` tells whether a next page exists. */
export async function listOutbox(
  db: DbOrTrx,
  tenantId: string,
  opts: { page: number; pageSize: number },
): Promise<{ items: OutboxListItem[]; hasMore: boolean }> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'created_at', 'to_address', 'subject', 'status'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.pageSize + 1)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return {
    items: rows
      .slice(0, opts.pageSize)
      .map((r) => ({ id: r.id, createdAt: r.created_at, to: r.to_address, subject: r.subject, status: r.status })),
    hasMore: rows.length > opts.pageSize,
  };
}

/** One mail of the tenant's outbox, or null when the id is malformed, unknown or of another tenant. */
export async function findOutboxMail(db: DbOrTrx, tenantId: string, id: string): Promise<OutboxMail | null> {
  if (!isUuid(id)) return null;
  const r = await db.selectFrom('mail_outbox').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    createdAt: r.created_at,
    to: r.to_address,
    subject: r.subject,
    status: r.status,
    text: r.text_body,
    userId: r.user_id,
    locale: r.locale,
    sentAt: r.sent_at,
  };
}

/**
 * The token of a credential link: a link that signs someone in, sets their password or accepts an
 * invitation (sign-in, reset, invitation and care-circle invitation mails), or co-signs an
 * initiative application. Whoever holds one can act as its addressee.
 */
const CREDENTIAL_LINK = /(\/(?:aanmelden\/link|wachtwoord-herstellen|uitnodiging|samen-doen\/steun)\/)[A-Za-z0-9_-]+/g;

/** The text with the token of every credential link replaced by "…"; `hidden` tells whether there was one. */
export function maskCredentialLinks(text: string): { text: string; hidden: boolean } {
  const masked = text.replace(CREDENTIAL_LINK, '$1…');
  return { text: masked, hidden: masked !== text };
}
