/**
 * Tracking links (no account needed), followers and the mails that keep reporters and followers
 * informed. Tokens are random; only their SHA-256 is stored.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import { mailWrites, queueMail } from '../../../platform/mail/mail.service.ts';
import type { Write } from '../../../platform/db/together.ts';
import * as tracking from './tracking.store.ts';
import { findSignalByPublicId, type SignalRow } from '../signals.store.ts';
import { findCategoryById } from '../config/categories.store.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { isClosed, type SignalState } from '../workflow.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';

/** How long a tracking link works. */
export const TOKEN_TTL_DAYS = 730;

/** Where links in mails point: the app's base URL and the tenant's slug. */
export interface LinkBase {
  baseUrl: string;
  tenantSlug: string;
}

/** The path of a tracking page for a token. */
export function trackingPath(tenantSlug: string, token: string): string {
  return `/${tenantSlug}/meldingen/volgen/${token}`;
}

/** Create a tracking token for the reporter (followerId null) or a follower; returns the plain token. */
export async function createTrackingToken(
  db: DbOrTrx,
  args: { tenantId: string; signalId: string; followerId: string | null; now: Date },
): Promise<string> {
  const { token, write } = trackingTokenWrite(db, args);
  await write.execute();
  return token;
}

/** A new tracking token and its insert, not yet run (for `writeTogether`); only the token's hash is stored. */
export function trackingTokenWrite(db: DbOrTrx, args: { tenantId: string; signalId: string; followerId: string | null; now: Date }) {
  const token = newToken();
  const write = tracking.tokenWrite(db, {
    tokenHash: hashToken(token),
    tenantId: args.tenantId,
    signalId: args.signalId,
    followerId: args.followerId,
    now: args.now,
    expiresAt: new Date(args.now.getTime() + TOKEN_TTL_DAYS * 86_400_000),
  });
  return { token, write };
}

/** The token's signal id and whether it is the reporter's; null when unknown, malformed or expired. */
export async function resolveTrackingToken(
  db: DbOrTrx,
  tenantId: string,
  token: string,
  now: Date,
): Promise<{ signalId: string; reporter: boolean } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await tracking.findToken(db, tenantId, hashToken(token));
  if (!row || row.expires_at.getTime() <= now.getTime()) return null;
  return { signalId: row.signal_id, reporter: row.follower_id === null };
}

/**
 * The writes that mail the reporter the confirmation with the tracking link, not yet run: the
 * caller sends them in its transaction, together with its own (`writeTogether`). None without an
 * e-mail address.
 */
export function confirmationMailWrites(
  db: DbOrTrx,
  signal: SignalRow,
  args: { categoryName: string; links: LinkBase; locale: Locale; token: string; now: Date },
): Write[] {
  if (!signal.reporter_email) return [];
  const t = translator(args.locale);
  const url = args.links.baseUrl + trackingPath(args.links.tenantSlug, args.token);
  return mailWrites(db, {
    to: signal.reporter_email,
    subject: t('signals.mail.confirm.subject', { id: signal.public_id }),
    text: t('signals.mail.confirm.text', { id: signal.public_id, category: args.categoryName, url }),
    locale: args.locale,
    tenantId: signal.tenant_id,
    userId: signal.reporter_user_id,
    now: args.now,
  }).writes;
}

/**
 * Whether the reporter is mailed about a step: when they asked to hear back, and at closure always
 * when they left an e-mail address (closing is the feedback every reporter with contact gets).
 */
export function reporterGetsUpdate(signal: Pick<SignalRow, 'reporter_email' | 'wants_feedback'>, state: SignalState): boolean {
  return !!signal.reporter_email && (signal.wants_feedback || isClosed(state));
}

/**
 * Tell the reporter (see reporterGetsUpdate) and every follower about a public step or
 * message. Each mail carries a fresh tracking link; at closure the reporter's asks for satisfaction.
 */
export async function mailUpdate(
  db: DbOrTrx,
  signal: SignalRow,
  args: { state: SignalState; message: string | null; links: LinkBase; locale: Locale; now: Date; askSatisfaction?: boolean },
): Promise<number> {
  // The reporter reads their mail in the language they reported in; followers in the caller's.
  const textsIn = (locale: Locale) => {
    const t = translator(locale);
    return { t, stateName: t(`signals.state.${args.state}`) };
  };
  const body = (url: string, reporter: boolean) => {
    const { t, stateName } = textsIn(reporter ? signal.reporter_locale : args.locale);
    return [
      t('signals.mail.update.text', { id: signal.public_id, state: stateName }),
      args.message ? `\n${args.message}\n` : '',
      reporter && args.state === 'afgehandeld' && args.askSatisfaction !== false ? t('signals.mail.update.satisfaction') : '',
      t('signals.mail.update.link', { url }),
    ]
      .filter(Boolean)
      .join('\n');
  };
  let sent = 0;
  const send = async (to: string, followerId: string | null, userId: string | null) => {
    const token = await createTrackingToken(db, { tenantId: signal.tenant_id, signalId: signal.id, followerId, now: args.now });
    const url = args.links.baseUrl + trackingPath(args.links.tenantSlug, token);
    const locale = followerId === null ? signal.reporter_locale : args.locale;
    const { t, stateName } = textsIn(locale);
    await queueMail(db, {
      to,
      subject: t('signals.mail.update.subject', { id: signal.public_id, state: stateName }),
      text: body(url, followerId === null),
      locale,
      tenantId: signal.tenant_id,
      userId,
      now: args.now,
    });
    sent++;
  };
  if (reporterGetsUpdate(signal, args.state)) await send(signal.reporter_email!, null, signal.reporter_user_id);
  for (const f of await tracking.listFollowers(db, signal.tenant_id, signal.id)) {
    if (f.email && f.email !== signal.reporter_email) await send(f.email, f.id, f.user_id);
  }
  return sent;
}

/**
 * A signal someone wants to follow (`signal.follow`): NotFound when unknown, and for a sensitive
 * signal (it cannot be followed by others and does not reveal that it exists).
 */
export async function signalToFollow(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  publicId: string,
): Promise<{ signal: SignalRow; sensitive: boolean }> {
  const s = await findSignalByPublicId(db, tenantId, publicId);
  if (!s) throw NotFound('signals.error.notFound');
  const sensitive = (await findCategoryById(db, tenantId, s.category_id))?.sensitive ?? false;
  if (!can(principal, 'signal.follow', { tenantId: s.tenant_id, sensitive })) throw NotFound('signals.error.notFound');
  return { signal: s, sensitive };
}

/** Follow a signal by e-mail (or account): records the follower and mails them a tracking link. Not for closed or sensitive signals. */
export async function followSignal(
  db: DbOrTrx,
  signal: SignalRow,
  args: { email: string; userId: string | null; sensitive: boolean; links: LinkBase; locale: Locale; now: Date },
): Promise<{ created: boolean }> {
  if (args.sensitive || isClosed(signal.state)) return { created: false };
  const email = args.email.trim().toLowerCase();
  const { row, created } = await tracking.upsertFollower(db, {
    tenantId: signal.tenant_id,
    signalId: signal.id,
    email,
    userId: args.userId,
    now: args.now,
  });
  if (!created) return { created };
  const token = await createTrackingToken(db, { tenantId: signal.tenant_id, signalId: signal.id, followerId: row.id, now: args.now });
  const t = translator(args.locale);
  await queueMail(db, {
    to: email,
    subject: t('signals.mail.follow.subject', { id: signal.public_id }),
    text: t('signals.mail.follow.text', { id: signal.public_id, url: args.links.baseUrl + trackingPath(args.links.tenantSlug, token) }),
    locale: args.locale,
    tenantId: signal.tenant_id,
    userId: args.userId,
    now: args.now,
  });
  return { created };
}
