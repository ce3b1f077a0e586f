import { z } from 'zod';
import type { MessageKey } from '../../platform/i18n/index.ts';

/** Notices shown after a redirect (`?melding=code`); only these codes are accepted. */
const NOTICES: Record<string, MessageKey> = {
  'organisatie-toegevoegd': 'people.org.created',
  'uitnodiging-verstuurd': 'people.invite.sent',
  'rol-gegeven': 'people.users.added',
  'rol-weggehaald': 'people.users.removedUndo',
  'rol-teruggegeven': 'people.users.restored',
  opgeslagen: 'people.account.saved',
  'uitnodiging-aangenomen': 'people.account.inviteAccepted',
};

/** The query string of a page that shows a notice: `?melding=code` (anything else is ignored). */
export const noticeQuery = z.object({ melding: z.string().optional().catch(undefined) });

/** The i18n key of the notice named in the query string, or null. */
export function noticeKey(code: string | undefined): MessageKey | null {
  return code !== undefined && Object.hasOwn(NOTICES, code) ? NOTICES[code]! : null;
}
