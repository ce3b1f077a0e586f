import { createTransport } from 'nodemailer';
import type { JobHandlerArgs } from '../module.ts';
import { PermanentJobError, type JobRunArgs } from '../jobs/worker.ts';
import { isUuid } from '../ids.ts';

/** Job kind that delivers one outbox mail. */
export const MAIL_SEND_JOB = 'mail.send';

/**
 * The `mail.send` job: deliver one outbox mail through SMTP when SMTP_URL is set, otherwise keep
 * it in the outbox (status `kept`), where administrators can read it.
 */
export async function sendOutboxMail(args: JobHandlerArgs & Partial<Pick<JobRunArgs, 'attempt' | 'maxAttempts'>>): Promise<void> {
  const { db, config, payload, now } = args;
  const mailId = payload.mailId;
  if (typeof mailId !== 'string' || !isUuid(mailId)) throw new PermanentJobError('Payload has no valid mailId');
  const mail = await db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'status'])
    .where('id', '=', mailId)
    .executeTakeFirst();
  if (!mail) throw new PermanentJobError(`Mail ${mailId} is not in the outbox`);
  // Sent or kept already (a retry after a crash): never send twice.
  if (mail.status !== 'queued') return;

  if (!config.smtpUrl) {
    await db.updateTable('mail_outbox').set({ status: 'kept' }).where('id', '=', mail.id).execute();
    return;
  }

  const transport = createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  try {
    await transport.sendMail({ from: config.mailFrom, to: mail.to_address, subject: mail.subject, text: mail.text_body });
  } catch (err) {
    const last = args.attempt !== undefined && args.maxAttempts !== undefined && args.attempt >= args.maxAttempts;
    if (last) await db.updateTable('mail_outbox').set({ status: 'failed' }).where('id', '=', mail.id).execute();
    throw err;
  } finally {
    transport.close();
  }
  await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: now }).where('id', '=', mail.id).execute();
}
