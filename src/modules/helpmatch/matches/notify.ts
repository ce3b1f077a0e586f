import type { DbOrTrx } from '../../../platform/db/database.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { getUserProfile } from '../../people/people.service.ts';

/** Tenant, clock and base address for actions that send mail. */
export interface MatchCtx {
  tenantId: string;
  tenantSlug: string;
  baseUrl: string;
  now: Date;
}

/**
 * Mail a user about a match: only a fixed sentence and a link to the match page. Never an address,
 * contact details or message text (those stay on the site, behind sign-in).
 */
export async function notifyUser(
  db: DbOrTrx,
  ctx: MatchCtx,
  userId: string,
  kind: 'proposed' | 'message' | 'choose' | 'chosen' | 'notChosen' | 'responded' | 'cancelled' | 'hours' | 'ended',
  matchId: string,
): Promise<void> {
  let profile: Awaited<ReturnType<typeof getUserProfile>>;
  try {
    profile = await getUserProfile(db, userId);
  } catch {
    return; // deleted account: nobody to tell
  }
  if (!profile.email) return;
  const t = translator(profile.locale);
  const url = `${ctx.baseUrl}/${ctx.tenantSlug}/hulp/match/${matchId}`;
  await queueMail(db, {
    to: profile.email,
    subject: t(`helpmatch.mail.${kind}.subject`),
    text: t(`helpmatch.mail.${kind}.body`, { url }),
    locale: profile.locale,
    tenantId: ctx.tenantId,
    userId,
    now: ctx.now,
  });
}
