import type { DbOrTrx } from '../db/database.ts';

/** Mails sent to a user (by user id or address), newest first (for the personal-data export). */
export async function listMailsTo(db: DbOrTrx, to: { userId: string; email: string | null }, limit = 10_000) {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['created_at', 'tenant_id', 'to_address', 'subject', 'text_body', 'status', 'sent_at'])
    .where((eb) => {
      const byUser = eb('user_id', '=', to.userId);
      return to.email ? eb.or([byUser, eb('to_address', '=', to.email.toLowerCase())]) : byUser;
    })
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    createdAt: r.created_at,
    tenantId: r.tenant_id,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    status: r.status,
    sentAt: r.sent_at,
  }));
}
