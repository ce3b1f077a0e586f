/**
 * The signals core: create a signal (validated, located, routed, numbered, with its confirmation
 * mail in the same transaction), read and list signals, and move them through the workflow.
 * Used by the resident and professional pages and by the Open311 API.
 */
import { DateTime } from 'luxon';
import { inTransaction, type Db, type DbOrTrx, type Trx } from '../../platform/db/database.ts';
import { AppError, Conflict, Invalid, NotFound, type FieldErrors } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { auditWrite, recordAudit } from '../../platform/audit/audit.service.ts';
import { writeTogether, type Write } from '../../platform/db/together.ts';
import { locatePoint } from '../areas/areas.service.ts';
import * as cats from './config/categories.store.ts';
import * as store from './signals.store.ts';
import { publicNumber } from './public-id.ts';
import { claimNumber, releaseNumber, type ClaimedNumber } from './numbers.ts';
import { checkAnswers, findHardStop } from './config/questions.ts';
import { routeSignal } from './config/routing.ts';
import { confirmationMailWrites, mailUpdate, trackingTokenWrite, type LinkBase } from './tracking/tracking.service.ts';
import { closingMessage, recordClosingFeedback } from './section/section.service.ts';
import type { SignalSource } from './signals.tables.ts';
import { addWorkingDays } from './workdays.ts';
/** Dutch working days (weekends and public holidays off), also for other modules' deadlines (initiatives review). */
export { addWorkingDays, isWorkingDay } from './workdays.ts';
import { ZONE } from '../../platform/time.ts';
import { canTransition, isClosed, isPublicState, nextStates, type SignalState } from './workflow.ts';
import { MAX_ADDRESS, MAX_DESCRIPTION, MAX_EMAIL, MAX_NAME, MAX_NOTE } from './signals.schemas.ts';
import { authorize, type Principal } from '../../platform/principal.ts';
import { can, signalFacts } from './policies.ts';
import { signalAccess, visibleFilter, type SignalAccess } from './access.ts';

export { nextStates, canTransition, isClosed, isPublicState };

export { MAX_ADDRESS, MAX_DESCRIPTION } from './signals.schemas.ts';

export interface NewSignal {
  tenantId: string;
  /** The category's id or its service_code. */
  category: { id: string } | { serviceCode: string };
  description: string;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
  reporter?: { name?: string | null; email?: string | null; phone?: string | null };
  wantsFeedback?: boolean;
  reporterUserId?: string | null;
  createdBy?: string | null;
  source?: SignalSource;
  /** Raw answers to the extra questions by question key. */
  answers?: Readonly<Record<string, unknown>>;
  idempotencyKey?: string | null;
  locale: Locale;
  links: LinkBase;
  now: Date;
  isDemo?: boolean;
}

export interface CreatedSignal {
  signal: store.SignalRow;
  /** The reporter's tracking token (plain); null when the submission was a replay. */
  trackingToken: string | null;
  replayed: boolean;
}

/** What a caller stores with a new signal, in its transaction: it may write itself, or return writes to go with the signal's own. */
export type AlsoHook = (trx: Trx, created: CreatedSignal) => Promise<readonly Write[] | void>;

const clean = (s: string | null | undefined) => {
  const v = (s ?? '').trim();
  return v ? v : null;
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Create a signal: checks category, answers, contact and location, routes it and queues the
 * confirmation mail, all in one transaction; `also` runs in that same transaction after a new
 * signal (not after a replay), for what the caller stores with it. Replays of an idempotency key
 * return the first signal. Round trips: the signal and its first step are one statement; its
 * tracking token, confirmation mail and job, audit record and the writes `also` returns are one
 * more (`writeTogether`).
 *
 * Numbering (numbers.ts): given the database, the signal's count comes from this process's block,
 * claimed before the transaction begins, so signals of one tenant never wait on the counter row.
 * Given a transaction (a caller that writes more in it), the count is taken one by one inside it,
 * as before: correct, but concurrent signals of the tenant then wait for that transaction's commit.
 */
export async function createSignal(db: DbOrTrx, input: NewSignal, also?: AlsoHook): Promise<CreatedSignal> {
  const year = DateTime.fromJSDate(input.now, { zone: ZONE }).year;
  if (db.isTransaction) return createIn(db as Trx, input, year, null, also);
  const claimed = await claimNumber(db as Db, input.tenantId, year);
  const use = { used: false };
  try {
    return await (db as Db).transaction().execute((trx) => createIn(trx, input, year, { claimed, use }, also));
  } finally {
    // Refused or replayed before the insert: the count was never stored, so it may be handed out again.
    if (!use.used) releaseNumber(db as Db, claimed);
  }
}

async function createIn(
  trx: Trx,
  input: NewSignal,
  year: number,
  numbering: { claimed: ClaimedNumber; use: { used: boolean } } | null,
  also: AlsoHook | undefined,
): Promise<CreatedSignal> {
  const key = clean(input.idempotencyKey);
  // One query: the category, its routing, and whether the key was seen before (a replay).
  const found = await cats.findCategoryWithRouting(trx, input.tenantId, input.category, key);
  if (key && (!found || found.replayOf)) {
    // A replay gives the first signal back, even when its category has gone since.
    const existing = await store.findSignalByIdempotencyKey(trx, input.tenantId, key);
    if (existing) return { signal: existing, trackingToken: null, replayed: true };
  }
  const category = found?.category;
  if (!found || !category || !category.active) throw Invalid({ category: 'signals.error.category' }, 'signals.error.category');

  const errors: FieldErrors = {};
  const description = clean(input.description);
  if (!description) errors.description = 'signals.error.descriptionRequired';
  else if (description.length > MAX_DESCRIPTION) errors.description = 'signals.error.descriptionTooLong';
  const hard = findHardStop(
    category.questions,
    Object.fromEntries(Object.entries(input.answers ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : ''])),
  );
  if (hard?.hardStop) throw new AppError(422, 'hard_stop', 'signals.error.hardStop', undefined, { message: hard.hardStop.message });
  const { answers, errors: answerErrors } = checkAnswers(category.questions, input.answers ?? {});
  Object.assign(errors, answerErrors);

  const name = clean(input.reporter?.name);
  const email = clean(input.reporter?.email)?.toLowerCase() ?? null;
  const phone = clean(input.reporter?.phone);
  const wantsFeedback = input.wantsFeedback ?? false;
  if (email && (email.length > MAX_EMAIL || !EMAIL.test(email))) errors.email = 'signals.error.email';
  if ((name?.length ?? 0) > MAX_NAME) errors.name = 'signals.error.tooLong';
  if (phone && !/^[+0-9 ()-]{6,20}$/.test(phone)) errors.phone = 'signals.error.phone';
  if ((wantsFeedback || category.sensitive) && !email && !errors.email) {
    errors.email = category.sensitive ? 'signals.error.emailSensitive' : 'signals.error.emailFeedback';
  }

  const address = clean(input.address);
  if (address && address.length > MAX_ADDRESS) errors.address = 'signals.error.tooLong';
  const lat = input.latitude ?? null;
  const lon = input.longitude ?? null;
  if (
    (lat === null) !== (lon === null) ||
    (lat !== null && (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon!) > 180))
  ) {
    errors.location = 'signals.error.coordinates';
  } else if (lat === null && !address) errors.location = 'signals.error.locationRequired';
  let buurt: string | null = null;
  let wijk: string | null = null;
  if (lat !== null && lon !== null && !errors.location) {
    const where = await locatePoint(trx, input.tenantId, lon, lat);
    if (!where.district && !where.neighbourhood) errors.location = 'signals.error.outside';
    buurt = where.neighbourhood?.code ?? null;
    wijk = where.district?.code ?? null;
  }
  if (Object.keys(errors).length) throw Invalid(errors);

  const organisationId = routeSignal(
    found.rules.map((r) => ({ groupId: r.group_id, categoryId: r.category_id, areaCode: r.area_code, organisationId: r.organisation_id })),
    { categoryId: category.id, groupId: category.group_id, buurtCode: buurt, wijkCode: wijk },
    found.defaultOrganisationId,
  );
  // Unique, but neither order nor gaps tell how many signals (sensitive ones too) there are (public-id.ts).
  let count: { number: number; key: string; from: number };
  if (numbering) {
    numbering.use.used = true;
    count = numbering.claimed;
  } else count = await store.nextNumber(trx, input.tenantId, year);
  // The signal and its first step (gemeld) in one statement.
  const signal = await store.insertSignalWithFirstStep(
    trx,
    {
      tenant_id: input.tenantId,
      public_id: `SIG-${year}-${publicNumber(count.number, count.key, count.from)}`,
      category_id: category.id,
      description: description!,
      latitude: lat,
      longitude: lon,
      address,
      buurt_code: buurt,
      wijk_code: wijk,
      reporter_name: name,
      reporter_email: email,
      reporter_phone: phone,
      wants_feedback: wantsFeedback && !!email,
      reporter_user_id: input.reporterUserId ?? null,
      reporter_locale: input.locale,
      created_by: input.createdBy ?? null,
      source: input.source ?? 'web',
      state: 'gemeld',
      organisation_id: organisationId,
      deadline_at: addWorkingDays(input.now, category.deadline_days),
      answers,
      idempotency_key: key,
      is_demo: input.isDemo ?? false,
      created_at: input.now,
      updated_at: input.now,
    },
    { actorUserId: input.createdBy ?? input.reporterUserId ?? null, reason: input.source ?? 'web' },
  );
  if (!signal) {
    const existing = key ? await store.findSignalByIdempotencyKey(trx, input.tenantId, key) : null;
    if (!existing) throw Conflict();
    return { signal: existing, trackingToken: null, replayed: true };
  }
  const { token: trackingToken, write: tokenWrite } = trackingTokenWrite(trx, {
    tenantId: input.tenantId,
    signalId: signal.id,
    followerId: null,
    now: input.now,
  });
  const created = { signal, trackingToken, replayed: false };
  const alsoWrites = (also ? await also(trx, created) : undefined) ?? [];
  // The token, the mail and its job, the audit record and the caller's writes: one statement.
  await writeTogether(trx, [
    tokenWrite,
    ...confirmationMailWrites(trx, signal, {
      categoryName: category.name,
      links: input.links,
      locale: input.locale,
      token: trackingToken,
      now: input.now,
    }),
    auditWrite(trx, {
      tenantId: input.tenantId,
      actorUserId: input.createdBy ?? input.reporterUserId ?? null,
      action: 'create',
      entity: 'signal',
      entityId: signal.id,
      detail: { source: signal.source, onBehalf: !!input.createdBy },
    }),
    ...alsoWrites,
  ]);
  return created;
}

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
