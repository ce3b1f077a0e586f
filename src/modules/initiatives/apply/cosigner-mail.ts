/**
 * Co-signer links by mail (issue 15, scope 2). When the applicant gives a co-signer's e-mail
 * address (optional), the link goes to it through the platform's outbox, in the transaction that
 * stores the application. The address is not kept with the application: it lives only in that
 * outbox mail, whose id the co-signer row keeps. The mail (address and link) is removed once the
 * co-signer confirmed (at once when it has left the outbox; else by the hourly job), or when the
 * round closes — for a rolling round, which never closes, when the application is decided or
 * withdrawn. Never shown publicly, never in the audit or a log line.
 */
import './apply.messages.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import { forgetMail, queueMail } from '../../../platform/mail/mail.service.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { localDate } from '../../../platform/time.ts';
import { formatEuros } from '../funds/funds.money.ts';
import * as store from './apply.store.ts';

export interface CosignerMail {
  to: string;
  displayName: string;
  url: string;
}

/** Queue one mail per co-signer with an address; returns the outbox ids, in order. */
export async function queueCosignerMails(
  trx: DbOrTrx,
  args: {
    tenantId: string;
    locale: Locale;
    now: Date;
    app: { reference: string; title: string; groupName: string; areaName: string; requestedCents: number; fundName: string };
    mails: readonly CosignerMail[];
  },
): Promise<string[]> {
  const t = translator(args.locale);
  const ids: string[] = [];
  for (const m of args.mails) {
    const vars = {
      name: m.displayName,
      title: args.app.title,
      group: args.app.groupName,
      buurt: args.app.areaName,
      amount: formatEuros(args.app.requestedCents),
      fund: args.app.fundName,
      url: m.url,
    };
    ids.push(
      await queueMail(trx, {
        to: m.to,
        subject: t('initiatives.cosign.mail.subject', vars),
        text: t('initiatives.cosign.mail.text', vars),
        locale: args.locale,
        tenantId: args.tenantId,
        now: args.now,
      }),
    );
  }
  return ids;
}

/** Remove the co-signer's mail when it has left the outbox (else the hourly run does it later). */
export async function forgetCosignerMail(db: DbOrTrx, tenantId: string, c: { id: string; mail_id: string | null }): Promise<void> {
  if (c.mail_id && (await forgetMail(db, tenantId, c.mail_id))) await store.clearCosignerMail(db, tenantId, c.id);
}

const FINISHED = new Set(['decided', 'paid', 'accounted', 'withdrawn']);

/** The hourly run (from the review deadlines job): remove link mails of co-signers who confirmed or whose round is over. */
export async function forgetCosignerMails(db: DbOrTrx, now: Date): Promise<number> {
  const today = localDate(now);
  let removed = 0;
  for (const tenant of await listTenants(db)) {
    for (const c of await store.cosignersWithMail(db, tenant.id)) {
      const over = c.closes_on !== null ? c.closes_on < today : FINISHED.has(c.status);
      if (c.confirmed_on === null && !over && c.status !== 'withdrawn') continue;
      if (await forgetMail(db, tenant.id, c.mail_id!)) {
        await store.clearCosignerMail(db, tenant.id, c.id);
        removed++;
      }
    }
  }
  return removed;
}
