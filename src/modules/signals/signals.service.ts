/**
 * The signals core: create a signal (create.service.ts: validated, located, routed, numbered, with
 * its confirmation mail in the same transaction), read and list signals, and move them through the
 * workflow. Used by the resident and professional pages and by the Open311 API.
 */
import { inTransaction, type DbOrTrx } from '../../platform/db/database.ts';
import { AppError, Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import * as store from './signals.store.ts';
import { mailUpdate, type LinkBase } from './tracking/tracking.service.ts';
import { closingMessage, recordClosingFeedback } from './section/section.service.ts';
/** Dutch working days (weekends and public holidays off), also for other modules' deadlines (initiatives review). */
export { addWorkingDays, isWorkingDay } from './workdays.ts';
import { canTransition, isClosed, isPublicState, nextStates, type SignalState } from './workflow.ts';
import { MAX_NOTE } from './signals.schemas.ts';
import { authorize, type Principal } from '../../platform/principal.ts';
import { can, signalFacts } from './policies.ts';
import { signalAccess, visibleFilter, type SignalAccess } from './access.ts';

export { nextStates, canTransition, isClosed, isPublicState };

export { MAX_ADDRESS, MAX_DESCRIPTION } from './signals.schemas.ts';

export { createSignal, type AlsoHook, type CreatedSignal, type NewSignal } from './create.service.ts';
import { clean } from './create.service.ts';

/**
 * A signal by its public id (SIG-2026-000001) with what the principal may do with it (access.ts);
 * NotFound when unknown or not visible to them (`signal.view`). Jobs pass `systemPrincipal`.
 */
export async function openSignal(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  publicId: string,
): Promise<{ signal: store.SignalRow; access: SignalAccess }> {
  const s = await store.findSignalByPublicId(db, tenantId, publicId);
  if (!s) throw NotFound('signals.error.notFound');
  return { signal: s, access: await signalAccess(db, principal, s) };
}

/** A signal by its public id, or NotFound when unknown or not visible to the principal (`signal.view`). */
export async function getSignal(db: DbOrTrx, principal: Principal, tenantId: string, publicId: string): Promise<store.SignalRow> {
  return (await openSignal(db, principal, tenantId, publicId)).signal;
}

/** A signal by its internal id, or NotFound when unknown or not visible to the principal (`signal.view`). */
export async function getSignalById(db: DbOrTrx, principal: Principal, tenantId: string, id: string): Promise<store.SignalRow> {
  const s = await store.findSignalById(db, tenantId, id);
  if (!s) throw NotFound('signals.error.notFound');
  await signalAccess(db, principal, s);
  return s;
}

/**
 * Signals of a tenant matching the filter (with category name, code and sensitivity), newest
 * first, narrowed to what the principal may list (`signal.list`; Forbidden without it).
 */
export async function listSignals(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  filter: store.SignalFilter = {},
): Promise<store.SignalListRow[]> {
  return store.querySignals(db, tenantId, visibleFilter(principal, 'signal.list', tenantId, filter));
}

/** The steps of a history a reporter may see, without internal notes or who acted. */
export function publicSteps(rows: readonly store.TransitionRow[]): store.TransitionRow[] {
  return (
    rows
      // Internal-only rows (reassigning, network actions: same state, no message) are not steps for the reporter.
      .filter(
        (r) =>
          r.reason !== 'reassign' && !(r.from_state === r.to_state && !r.public_message) && (isPublicState(r.to_state) || r.public_message),
      )
      .map((r) => ({ ...r, internal_note: null, actor_user_id: null }))
  );
}

/**
 * The history of a signal the principal may see (`signal.view`; NotFound otherwise), oldest first;
 * `publicOnly` keeps the steps a reporter may see (publicSteps).
 */
export async function signalHistory(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  signalId: string,
  opts: { publicOnly?: boolean } = {},
): Promise<store.TransitionRow[]> {
  await getSignalById(db, principal, tenantId, signalId);
  const rows = await store.listTransitions(db, tenantId, signalId);
  return opts.publicOnly ? publicSteps(rows) : rows;
}

export interface TransitionInput {
  tenantId: string;
  signalId: string;
  to: SignalState;
  internalNote?: string | null;
  /** Sent to the reporter and followers. */
  publicMessage?: string | null;
  actorUserId: string | null;
  /** Why, when not a person's choice: `feedback`, `open311`, … */
  reason?: string | null;
  ip?: string | null;
  locale: Locale;
  links: LinkBase;
  now: Date;
  /** Who acts (checked: `signal.handle`); the platform's own steps (feedback, Open311, jobs, demo) pass `systemPrincipal`. */
  principal: Principal;
}

/** Move a signal to another state when the workflow allows it; records history, audits and mails the reporter and followers on public steps. */
export async function transitionSignal(db: DbOrTrx, input: TransitionInput): Promise<store.SignalRow> {
  return inTransaction(db, async (trx) => {
    const s = await store.lockSignal(trx, input.tenantId, input.signalId);
    if (!s) throw NotFound('signals.error.notFound');
    authorize(can(input.principal, 'signal.handle', signalFacts(s)));
    if (!canTransition(s.state, input.to)) {
      throw new AppError(
        409,
        'illegal_transition',
        'signals.error.illegalTransition',
        { state: 'signals.error.illegalTransition' },
        { from: s.state, to: input.to },
      );
    }
    const note = clean(input.internalNote);
    let message = clean(input.publicMessage);
    if ((note?.length ?? 0) > MAX_NOTE || (message?.length ?? 0) > MAX_NOTE) {
      throw Invalid({ publicMessage: 'signals.error.tooLong' });
    }
    if (input.to === 'afgehandeld') {
      const open = await trx
        .selectFrom('signals_actions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', input.tenantId)
        .where('signal_id', '=', s.id)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      if (Number(open.n) > 0) throw Conflict('signals.error.openActions');
    }
    // Every closure tells a reporter with contact details what was done (section.service.ts).
    message = await closingMessage(trx, s, input, message);
    const closedAt = isClosed(input.to) ? input.now : null;
    await store.updateSignal(trx, input.tenantId, s.id, { state: input.to, closed_at: closedAt, updated_at: input.now });
    await store.insertTransition(trx, {
      tenant_id: input.tenantId,
      signal_id: s.id,
      from_state: s.state,
      to_state: input.to,
      internal_note: note,
      public_message: message,
      actor_user_id: input.actorUserId,
      reason: input.reason ?? null,
      created_at: input.now,
    });
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: input.actorUserId,
      action: 'update',
      entity: 'signal',
      entityId: s.id,
      ip: input.ip ?? null,
      detail: { from: s.state, to: input.to, reason: input.reason ?? null },
    });
    const updated = { ...s, state: input.to, closed_at: closedAt, updated_at: input.now };
    if (isPublicState(input.to) || message) {
      await mailUpdate(trx, updated, { state: input.to, message, links: input.links, locale: input.locale, now: input.now });
    }
    if (closedAt) updated.feedback_sent_at = await recordClosingFeedback(trx, updated, input.to, input.now);
    return updated;
  });
}

/** Route a signal to another organisation of the tenant (coordinators); audited, kept in the internal history. */
export async function reassignSignal(
  db: DbOrTrx,
  input: {
    tenantId: string;
    signalId: string;
    organisationId: string;
    organisationName: string;
    note: string | null;
    actorUserId: string;
    ip?: string | null;
    now: Date;
    /** Who acts (checked: `signal.assign`); the platform's own steps pass `systemPrincipal`. */
    principal: Principal;
  },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const s = await store.lockSignal(trx, input.tenantId, input.signalId);
    if (!s) throw NotFound('signals.error.notFound');
    authorize(can(input.principal, 'signal.assign', signalFacts(s)));
    if (s.organisation_id === input.organisationId) return;
    await store.updateSignal(trx, input.tenantId, s.id, { organisation_id: input.organisationId, updated_at: input.now });
    const note = [`→ ${input.organisationName}`, clean(input.note)].filter(Boolean).join(': ');
    await store.insertTransition(trx, {
      tenant_id: input.tenantId,
      signal_id: s.id,
      from_state: s.state,
      to_state: s.state,
      internal_note: note.slice(0, MAX_NOTE),
      public_message: null,
      actor_user_id: input.actorUserId,
      reason: 'reassign',
      created_at: input.now,
    });
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: input.actorUserId,
      action: 'reassign',
      entity: 'signal',
      entityId: s.id,
      ip: input.ip ?? null,
      detail: { from: s.organisation_id, to: input.organisationId },
    });
  });
}
