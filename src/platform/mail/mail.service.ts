import { randomUUID } from 'node:crypto';
import type { DbOrTrx } from '../db/database.ts';
import { writeTogether, type Write } from '../db/together.ts';
import type { Locale } from '../i18n/index.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  locale: Locale;
  tenantId?: string | null;
  userId?: string | null;
  /** The app clock's now: created_at of the mail, due time of its job. */
  now: Date;
}

/**
 * Put a mail in the outbox, in the caller's transaction: the action and its mail commit together.
 * A job (`mail.send`) delivers it through SMTP when SMTP_URL is set; otherwise it is kept in the
 * outbox, where administrators can read it (this is how demo users get their sign-in links).
 * The mail and its job are one statement (`mailWrites`).
 */
export async function queueMail(db: DbOrTrx, mail: OutgoingMail): Promise<string> {
  const { id, writes } = mailWrites(db, mail);
  await writeTogether(db, writes);
  return id;
}

/**
 * The writes of `queueMail` without running them, for a caller that sends them together with its
 * own (`writeTogether`): the outbox row, with an id made here, and its `mail.send` job.
 */
export function mailWrites(db: DbOrTrx, mail: OutgoingMail): { id: string; writes: Write[] } {
  const id = randomUUID();
  return {
    id,
    writes: [
      db.insertInto('mail_outbox').values({
        id,
        to_address: mail.to.toLowerCase(),
        subject: mail.subject,
        text_body: mail.text,
        locale: mail.locale,
        tenant_id: mail.tenantId ?? null,
        user_id: mail.userId ?? null,
        status: 'queued',
        created_at: mail.now,
      }),
      db.insertInto('jobs').values({
        kind: 'mail.send',
        payload: JSON.stringify({ mailId: id }) as never,
        tenant_id: mail.tenantId ?? null,
        run_at: mail.now,
      }),
    ],
  };
}

/**
 * Forget a person's mail when their account is deleted: remove every outbox row to them (by user
 * id or address), queued ones too — nothing more should reach a deleted account. Returns the count.
 */
export async function forgetMailTo(db: DbOrTrx, to: { userId: string; email: string | null }): Promise<number> {
  const result = await db
    .deleteFrom('mail_outbox')
    .where((eb) => {
      const byUser = eb('user_id', '=', to.userId);
      return to.email ? eb.or([byUser, eb('to_address', '=', to.email.toLowerCase())]) : byUser;
    })
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Remove one mail of a tenant from the outbox once it has left (sent, kept or failed): a module
 * that mailed a one-time link to an address it may keep only for a while (a co-signer's) calls it
 * when that while is over. A mail still queued is left for the sender. True when the mail is gone.
 */
export async function forgetMail(db: DbOrTrx, tenantId: string, id: string): Promise<boolean> {
  await db.deleteFrom('mail_outbox').where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '<>', 'queued').execute();
  const left = await db.selectFrom('mail_outbox').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return left === undefined;
}
