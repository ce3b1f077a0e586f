/** Notices shown after a redirect (`?melding=code`); only these codes are accepted. */
const NOTICES: Record<string, string> = {
  'organisatie-toegevoegd': 'people.org.created',
  'uitnodiging-verstuurd': 'people.invite.sent',
  'rol-gegeven': 'people.users.added',
  'rol-weggehaald': 'people.users.removed',
  opgeslagen: 'people.account.saved',
  'uitnodiging-aangenomen': 'people.account.inviteAccepted',
};

/** The i18n key of the notice named in the query string, or null. */
export function noticeKey(query: unknown): string | null {
  const code = (query as { melding?: unknown } | undefined)?.melding;
  return typeof code === 'string' ? (NOTICES[code] ?? null) : null;
}
