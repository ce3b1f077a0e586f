/**
 * "Niet tevreden" + "niet opgelost" per tenant: reopen at once (policy `reopen`, the default) or
 * put a reopen request on the signal for a coordinator (policy `coordinator`), who then reopens
 * it or tells the reporter why not.
 */
import './actions.messages.ts';
import { inTransaction, type DbOrTrx, type Trx } from '../../../platform/db/database.ts';
import { Conflict, Invalid, NotFound } from '../../../platform/errors.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { listMembers } from '../../people/people.service.ts';
import * as store from './actions.store.ts';
import * as signals from '../signals.store.ts';
import { transitionSignal } from '../signals.service.ts';
import { mailUpdate, type LinkBase } from '../tracking/tracking.service.ts';
import { isClosed } from '../workflow.ts';
import { DISSATISFIED_POLICIES, MAX_REOPEN_MESSAGE } from './actions.schemas.ts';
import { actorOf } from './actions.service.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can, signalFacts } from '../policies.ts';

export type { DissatisfiedPolicy } from './actions.store.ts';
export { DISSATISFIED_POLICIES };

/** The tenant's "niet tevreden" policy ('reopen' unless set). */
export function getDissatisfiedPolicy(db: DbOrTrx, tenantId: string): Promise<store.DissatisfiedPolicy> {
  return store.getDissatisfiedPolicy(db, tenantId);
}

/** Set the tenant's "niet tevreden" policy (coordinators, administrators); audited. */
export async function setDissatisfiedPolicy(
  db: DbOrTrx,
  input: { tenantId: string; policy: store.DissatisfiedPolicy; principal: Principal; ip?: string | null; now: Date },
): Promise<void> {
  authorize(can(input.principal, 'signal.settings', { tenantId: input.tenantId }));
  if (!DISSATISFIED_POLICIES.includes(input.policy)) throw Invalid({ policy: 'form.invalidValue' });
  await inTransaction(db, async (trx) => {
    const before = await store.getDissatisfiedPolicy(trx, input.tenantId);
    await store.setDissatisfiedPolicy(trx, input.tenantId, input.policy, input.now);
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: actorOf(input.principal),
      action: 'update',
      entity: 'signals_settings',
      entityId: input.tenantId,
      ip: input.ip ?? null,
      detail: { dissatisfiedPolicy: { from: before, to: input.policy } },
    });
  });
}

/**
 * Called by the feedback service (inside its transaction) for "niet tevreden, niet opgelost" when the
 * policy is `coordinator`: marks the request, notes it internally and mails the tenant's coordinators
 * (a link only: no reporter details, no reason text).
 */
export async function requestReopen(
  trx: Trx,
  input: { tenantId: string; signal: signals.SignalRow; reason: string | null; locale: Locale; links: LinkBase; now: Date },
): Promise<void> {
  const s = input.signal;
  await store.setReopenRequest(trx, input.tenantId, s.id, { at: input.now, reason: input.reason }, input.now);
  const t = translator('nl');
  await signals.insertTransition(trx, {
    tenant_id: input.tenantId,
    signal_id: s.id,
    from_state: s.state,
    to_state: s.state,
    internal_note: input.reason
      ? t('signals.reopen.history.requestedReason', { reason: input.reason })
      : t('signals.reopen.history.requested'),
    public_message: null,
    actor_user_id: null,
    reason: 'reopen_request',
    created_at: input.now,
  });
  await recordAudit(trx, {
    tenantId: input.tenantId,
    actorUserId: null,
    action: 'reopen_request',
    entity: 'signal',
    entityId: s.id,
    detail: { policy: 'coordinator' },
  });
  const mt = translator(input.locale);
  const url = `${input.links.baseUrl}/${input.links.tenantSlug}/meldingen/behandelen/${s.public_id}`;
  const coordinators = await listMembers(trx, input.tenantId, { role: 'coordinator' });
  for (const to of new Set(coordinators.map((m) => m.email).filter((e): e is string => !!e))) {
    await queueMail(trx, {
      to,
      subject: t('signals.reopen.mail.subject', { id: s.public_id }),
      text: mt('signals.reopen.mail.text', { id: s.public_id, url }),
      locale: input.locale,
      tenantId: input.tenantId,
      now: input.now,
    });
  }
}

/** A coordinator decides on a reopen request: reopen (transition to heropend) or not (a message to the reporter through the update mail). */
export async function decideReopen(
  db: DbOrTrx,
  input: {
    tenantId: string;
    signalId: string;
    principal: Principal;
    reopen: boolean;
    message: string | null;
    ip?: string | null;
    locale: Locale;
    links: LinkBase;
    now: Date;
  },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const s = await signals.lockSignal(trx, input.tenantId, input.signalId);
    if (!s) throw NotFound('signals.error.notFound');
    authorize(can(input.principal, 'signal.reopen.decide', signalFacts(s)));
    if (!s.reopen_requested_at || !isClosed(s.state)) throw Conflict('signals.reopen.error.none');
    const message = (input.message ?? '').trim() || null;
    if (message && message.length > MAX_REOPEN_MESSAGE) throw Invalid({ message: 'signals.error.tooLong' });
    if (!input.reopen && !message) throw Invalid({ message: 'signals.reopen.error.message' });
    await store.setReopenRequest(trx, input.tenantId, s.id, null, input.now);
    const t = translator('nl');
    if (input.reopen) {
      await transitionSignal(trx, {
        tenantId: input.tenantId,
        signalId: s.id,
        to: 'heropend',
        publicMessage: message,
        internalNote: t('signals.reopen.history.accepted'),
        actorUserId: actorOf(input.principal),
        reason: 'feedback',
        ip: input.ip ?? null,
        locale: input.locale,
        links: input.links,
        now: input.now,
        principal: input.principal,
      });
      return;
    }
    await signals.insertTransition(trx, {
      tenant_id: input.tenantId,
      signal_id: s.id,
      from_state: s.state,
      to_state: s.state,
      internal_note: t('signals.reopen.history.declined'),
      public_message: message,
      actor_user_id: actorOf(input.principal),
      reason: 'reopen_declined',
      created_at: input.now,
    });
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: actorOf(input.principal),
      action: 'update',
      entity: 'signal',
      entityId: s.id,
      ip: input.ip ?? null,
      detail: { reopenRequest: 'declined' },
    });
    await mailUpdate(trx, s, { state: s.state, message, links: input.links, locale: input.locale, now: input.now, askSatisfaction: false });
  });
}
