/**
 * "We have not found anyone yet" (issue 12): when an open request has waited a few days
 * (`HELP_NOBODY_FOUND_DAYS`, default 3) without a volunteer who said yes, the asking side gets an
 * e-mail once, and the request page says what they can do (widen the distance, another moment,
 * call the coordinator). Run by the recurring job `helpmatch.nobodyYet`.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { findTenantById } from '../../../platform/tenants/tenants.service.ts';
import { getUserProfile } from '../../people/people.service.ts';
import { listNobodyYet, markNobodyNotice } from './requests.store.ts';
import { requesterSide } from './requests.service.ts';

const DAY_MS = 86_400_000;

/** Tell the asking side of every request that waited `days` without a helper; returns how many requests. */
export async function notifyNobodyFound(db: DbOrTrx, opts: { now: Date; days: number; baseUrl: string }): Promise<number> {
  const due = await listNobodyYet(db, new Date(opts.now.getTime() - opts.days * DAY_MS));
  let told = 0;
  for (const r of due) {
    const tenant = await findTenantById(db, r.tenant_id);
    if (!tenant) continue;
    await inTransaction(db, async (trx) => {
      if (!(await markNobodyNotice(trx, r.tenant_id, r.id, opts.now))) return;
      const url = `${opts.baseUrl}/${tenant.slug}/hulp/vragen/${r.id}`;
      for (const userId of requesterSide(r)) {
        let profile: Awaited<ReturnType<typeof getUserProfile>>;
        try {
          profile = await getUserProfile(trx, userId);
        } catch {
          continue; // a deleted account: nobody to tell
        }
        if (!profile.email) continue;
        const t = translator(profile.locale);
        await queueMail(trx, {
          to: profile.email,
          subject: t('helpmatch.mail.nobodyYet.subject'),
          text: t('helpmatch.mail.nobodyYet.body', { url }),
          locale: profile.locale,
          tenantId: r.tenant_id,
          userId,
          now: opts.now,
        });
      }
      await recordAudit(trx, {
        actorUserId: null,
        tenantId: r.tenant_id,
        ip: null,
        action: 'nobody_notice',
        entity: 'help_request',
        entityId: r.id,
      });
      told += 1;
    });
  }
  return told;
}

/** Whether the request page should say that nobody has been found yet (open, and the notice was sent or is due). */
export function nobodyYet(r: { state: string; created_at: Date; nobody_notice_at: Date | null }, now: Date, days: number): boolean {
  return r.state === 'open' && (r.nobody_notice_at !== null || now.getTime() - r.created_at.getTime() >= days * DAY_MS);
}
