/**
 * Network actions on a signal: several organisations each take on a part ("woningcorporatie brengt
 * huisbezoek", "Stip belt maandag") with an owner, a due date and a result. The signal can only be
 * closed when every action is done or dropped (checked in transitionSignal). Every change is
 * audited and kept in the signal's internal history; a new action is mailed to its organisation.
 */
import './actions.messages.ts';
import { DateTime } from 'luxon';
import { inTransaction, type DbOrTrx, type Trx } from '../../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { translator, type Locale } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { getOrganisation, listMembers } from '../../people/people.service.ts';
import * as store from './actions.store.ts';
import * as signals from '../signals.store.ts';
import type { LinkBase } from '../tracking/tracking.service.ts';
import { isClosed } from '../workflow.ts';
import { localDate, ZONE } from '../../../platform/time.ts';
import { MAX_ACTION_TEXT } from './actions.schemas.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can, signalFacts } from '../policies.ts';
import { MAX_NOTE } from '../signals.schemas.ts';

export { MAX_ACTION_TEXT };

/** True when the principal may add actions (`signal.action.add`): coordinators and staff of the organisation the signal is routed to. */
export function mayAddAction(principal: Principal, signal: Pick<signals.SignalRow, 'tenant_id' | 'organisation_id'>): boolean {
  return can(principal, 'signal.action.add', signalFacts(signal));
}

/** True when the principal may update an action (`signal.action.update`): coordinators, the routed organisation and the action's own organisation. */
export function mayUpdateAction(
  principal: Principal,
  signal: Pick<signals.SignalRow, 'tenant_id' | 'organisation_id'>,
  action: Pick<store.ActionRow, 'organisation_id'>,
): boolean {
  return can(principal, 'signal.action.update', {
    ...signalFacts(signal),
    organisationIds: [signal.organisation_id, action.organisation_id],
  });
}

/** The actions of a signal, oldest first, for a principal who may see the signal (`signal.view`; NotFound otherwise). */
export async function listSignalActions(
  db: DbOrTrx,
  principal: Principal,
  signal: Pick<signals.SignalRow, 'id' | 'tenant_id' | 'organisation_id'>,
): Promise<store.ActionRow[]> {
  const actions = await store.listActions(db, signal.tenant_id, signal.id);
  const facts = signalFacts(signal, { actionOrganisations: actions.map((a) => a.organisation_id) });
  if (!can(principal, 'signal.view', facts)) throw NotFound('signals.error.notFound');
  return actions;
}

/** True when an open action's due date has passed. */
export function isOverdue(action: Pick<store.ActionRow, 'status' | 'due_date'>, now: Date): boolean {
  return action.status === 'open' && !!action.due_date && action.due_date < localDate(now);
}

const clean = (s: string | null | undefined) => (s ?? '').trim() || null;

/** A due date from a form: empty → null; otherwise a real date, not in the past. */
function checkDueDate(raw: string | null | undefined, now: Date, errors: FieldErrors): string | null {
  const v = clean(raw);
  if (!v) return null;
  const d = DateTime.fromISO(v, { zone: ZONE });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !d.isValid) errors.dueDate = 'signals.actions.error.date';
  else if (v < localDate(now)) errors.dueDate = 'signals.actions.error.datePast';
  else if (d.year > 2100) errors.dueDate = 'signals.actions.error.date';
  return v;
}

/** The owner must be a member of the action's organisation. */
async function checkOwner(trx: Trx, tenantId: string, organisationId: string, raw: string | null | undefined, errors: FieldErrors) {
  const ownerId = clean(raw);
  if (!ownerId) return null;
  const member = (await listMembers(trx, tenantId, { organisationId, userId: ownerId }))[0];
  if (!member) {
    errors.ownerUserId = 'signals.actions.error.owner';
    return null;
  }
  return member;
}

interface Common {
  tenantId: string;
  /** Who acts: checked against the signals' rules (policies.ts) before anything is read or changed. */
  principal: Principal;
  ip?: string | null;
  locale: Locale;
  links: LinkBase;
  now: Date;
}

/** The person acting (actions are always a person's). */
export function actorOf(principal: Principal): string {
  if (!principal.userId) throw Forbidden();
  return principal.userId;
}

/** Lock the signal row and check it is the one the caller saw. */
async function lockedSignal(trx: Trx, tenantId: string, signalId: string): Promise<signals.SignalRow> {
  const s = await signals.lockSignal(trx, tenantId, signalId);
  if (!s) throw NotFound('signals.error.notFound');
  return s;
}

/** Mail an organisation about a new action: to its owner when set, else to its professionals. No reporter details, no texts that might hold them. */
async function mailActionOrganisation(
  trx: Trx,
  signal: signals.SignalRow,
  action: store.ActionRow,
  orgName: string,
  ownerEmail: string | null,
  args: Common,
): Promise<number> {
  const t = translator(args.locale);
  const recipients = ownerEmail
    ? [ownerEmail]
    : [
        ...new Set(
          (await listMembers(trx, args.tenantId, { organisationId: action.organisation_id, role: 'professional' }))
            .map((m) => m.email)
            .filter((e): e is string => !!e),
        ),
      ];
  const url = `${args.links.baseUrl}/${args.links.tenantSlug}/meldingen/behandelen/${signal.public_id}`;
  for (const to of recipients) {
    await queueMail(trx, {
      to,
      subject: t('signals.actions.mail.subject', { id: signal.public_id }),
      text: [
        t('signals.actions.mail.text', { id: signal.public_id, organisation: orgName }),
        action.due_date ? t('signals.actions.mail.due', { date: action.due_date }) : '',
        t('signals.actions.mail.link', { url }),
      ]
        .filter(Boolean)
        .join('\n\n'),
      locale: args.locale,
      tenantId: args.tenantId,
      now: args.now,
    });
  }
  return recipients.length;
}

/** A history row that only staff see (same state; no message to the reporter). */
async function note(trx: Trx, signal: signals.SignalRow, text: string, actorUserId: string, now: Date): Promise<void> {
  await signals.insertTransition(trx, {
    tenant_id: signal.tenant_id,
    signal_id: signal.id,
    from_state: signal.state,
    to_state: signal.state,
    internal_note: text.slice(0, MAX_NOTE),
    public_message: null,
    actor_user_id: actorUserId,
    reason: 'action',
    created_at: now,
  });
}

export interface NewAction extends Common {
  signalId: string;
  organisationId: string;
  description: string;
  ownerUserId?: string | null;
  dueDate?: string | null;
}

/** Add an action for an organisation of the tenant: validated, audited, noted in the history and mailed to the organisation, in one transaction. */
export async function addAction(db: DbOrTrx, input: NewAction): Promise<store.ActionRow> {
  return inTransaction(db, async (trx) => {
    const signal = await lockedSignal(trx, input.tenantId, input.signalId);
    authorize(can(input.principal, 'signal.action.add', signalFacts(signal)));
    if (isClosed(signal.state)) throw Conflict('signals.actions.error.closed');
    const errors: FieldErrors = {};
    const org = await getOrganisation(trx, input.tenantId, input.organisationId).catch(() => null);
    if (!org) errors.organisationId = 'signals.actions.error.organisation';
    const description = clean(input.description);
    if (!description) errors.description = 'signals.actions.error.description';
    else if (description.length > MAX_ACTION_TEXT) errors.description = 'signals.error.tooLong';
    const owner = org ? await checkOwner(trx, input.tenantId, org.id, input.ownerUserId, errors) : null;
    const dueDate = checkDueDate(input.dueDate, input.now, errors);
    if (Object.keys(errors).length) throw Invalid(errors);
    const action = await store.insertAction(trx, {
      tenantId: input.tenantId,
      signalId: signal.id,
      organisationId: org!.id,
      description: description!,
      ownerUserId: owner?.userId ?? null,
      dueDate,
      createdBy: actorOf(input.principal),
      now: input.now,
    });
    const t = translator('nl');
    await note(
      trx,
      signal,
      t('signals.actions.history.added', { organisation: org!.name, description: description! }),
      actorOf(input.principal),
      input.now,
    );
    const mailed = await mailActionOrganisation(trx, signal, action, org!.name, owner?.email ?? null, input);
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: actorOf(input.principal),
      action: 'create',
      entity: 'signal_action',
      entityId: action.id,
      ip: input.ip ?? null,
      detail: { signalId: signal.id, organisationId: org!.id, owner: !!owner, dueDate: !!dueDate, mailed },
    });
    return action;
  });
}

export type ActionChange =
  | { kind: 'done'; result: string }
  | { kind: 'drop'; reason: string }
  | { kind: 'edit'; ownerUserId: string | null; dueDate: string | null };

/** Mark an action done (with a result), drop it (with a reason) or change its owner and due date; audited and noted in the history. */
export async function updateSignalAction(
  db: DbOrTrx,
  input: Common & { signalId: string; actionId: string; change: ActionChange },
): Promise<store.ActionRow> {
  return inTransaction(db, async (trx) => {
    const signal = await lockedSignal(trx, input.tenantId, input.signalId);
    const action = /^[0-9a-f-]{36}$/.test(input.actionId) ? await store.findAction(trx, input.tenantId, signal.id, input.actionId) : null;
    if (!action) throw NotFound('signals.actions.error.notFound');
    // The routed organisation, the action's own organisation, coordinators.
    authorize(
      can(input.principal, 'signal.action.update', {
        ...signalFacts(signal),
        organisationIds: [signal.organisation_id, action.organisation_id],
      }),
    );
    if (action.status !== 'open') throw Conflict('signals.actions.error.notOpen');
    const org = await getOrganisation(trx, input.tenantId, action.organisation_id);
    const t = translator('nl');
    const errors: FieldErrors = {};
    const c = input.change;
    let set: Parameters<typeof store.updateAction>[3];
    let history: string;
    let newOwnerEmail: string | null = null;
    if (c.kind === 'done' || c.kind === 'drop') {
      const text = clean(c.kind === 'done' ? c.result : c.reason);
      const field = c.kind === 'done' ? 'result' : 'reason';
      if (!text) errors[field] = c.kind === 'done' ? 'signals.actions.error.result' : 'signals.actions.error.reason';
      else if (text.length > MAX_ACTION_TEXT) errors[field] = 'signals.error.tooLong';
      if (Object.keys(errors).length) throw Invalid(errors);
      set = { status: c.kind === 'done' ? 'done' : 'dropped', result: text, updated_at: input.now };
      history = t(c.kind === 'done' ? 'signals.actions.history.done' : 'signals.actions.history.dropped', {
        organisation: org.name,
        description: action.description,
        text: text!,
      });
    } else {
      const owner = await checkOwner(trx, input.tenantId, action.organisation_id, c.ownerUserId, errors);
      const dueDate = checkDueDate(c.dueDate, input.now, errors);
      if (Object.keys(errors).length) throw Invalid(errors);
      set = { owner_user_id: owner?.userId ?? null, due_date: dueDate, updated_at: input.now };
      history = t('signals.actions.history.changed', {
        organisation: org.name,
        description: action.description,
        owner: owner?.name ?? '—',
        date: dueDate ?? '—',
      });
      if (owner && owner.userId !== action.owner_user_id) newOwnerEmail = owner.email;
    }
    await store.updateAction(trx, input.tenantId, action.id, set);
    await note(trx, signal, history, actorOf(input.principal), input.now);
    const updated = { ...action, ...set } as store.ActionRow;
    if (newOwnerEmail) await mailActionOrganisation(trx, signal, updated, org.name, newOwnerEmail, input);
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: actorOf(input.principal),
      action: 'update',
      entity: 'signal_action',
      entityId: action.id,
      ip: input.ip ?? null,
      detail: { signalId: signal.id, change: c.kind, status: updated.status },
    });
    return updated;
  });
}
