/**
 * Merge and split (coordinators and handlers): merge a duplicate into a main signal so that every
 * reporter keeps hearing back, and split a part of a signal off into a new signal for another
 * organisation. Each runs in one transaction with its mails (outbox) and audit records.
 */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { AppError, Invalid, NotFound } from '../../../platform/errors.ts';
import { translator, type Locale, type MessageKey } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { getOrganisation } from '../../people/people.service.ts';
import * as cats from '../config/categories.store.ts';
import * as store from '../signals.store.ts';
import * as tracking from '../tracking/tracking.store.ts';
import * as merges from './merge.store.ts';
import { NEARBY_METRES, NEARBY_WEEKS } from '../tracking/feedback.service.ts';
import { distanceMeters } from '../../../platform/geo.ts';
import { createSignal, MAX_DESCRIPTION } from '../signals.service.ts';
import { createTrackingToken, trackingPath, type LinkBase } from '../tracking/tracking.service.ts';
import { routeSignal } from '../config/routing.ts';
import { recordClosingFeedback } from '../section/section.service.ts';
import { canTransition, isClosed, OPEN_STATES } from '../workflow.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { actorOf } from '../actions/actions.service.ts';
import { can, signalFacts } from '../policies.ts';

const refuse = (status: 409 | 422, key: MessageKey, vars?: Record<string, string>) =>
  new AppError(status, 'merge_refused', key, undefined, vars);
const clean = (s: string | null | undefined) => (s ?? '').trim() || null;
const joinNote = (...parts: (string | null)[]) => parts.filter(Boolean).join('\n').slice(0, MAX_DESCRIPTION);

export interface MergeCandidate {
  id: string;
  public_id: string;
  description: string;
  address: string | null;
  buurt_code: string | null;
  state: store.SignalRow['state'];
  created_at: Date;
  /** Metres from the signal, when both have a point. */
  distance: number | null;
}

/**
 * Likely duplicates of a signal: open, not merged signals of the same category from the last 12 weeks
 * within 50 m or in the same buurt, nearest first. Only for who may merge the signal (`signal.merge`).
 */
export async function mergeCandidatesFor(db: DbOrTrx, principal: Principal, signal: store.SignalRow, now: Date): Promise<MergeCandidate[]> {
  authorize(can(principal, 'signal.merge', signalFacts(signal)));
  const point = signal.latitude !== null && signal.longitude !== null ? { lat: signal.latitude, lon: signal.longitude } : null;
  if (!point && !signal.buurt_code) return [];
  const since = new Date(now.getTime() - NEARBY_WEEKS * 7 * 86_400_000);
  const rows = await merges.mergeCandidates(db, signal.tenant_id, {
    excludeId: signal.id,
    categoryId: signal.category_id,
    since,
    states: OPEN_STATES,
    buurtCode: signal.buurt_code,
    point,
  });
  return rows
    .map((r) => ({
      ...r,
      distance:
        point && r.latitude !== null && r.longitude !== null
          ? Math.round(distanceMeters(point, { lat: r.latitude, lon: r.longitude }))
          : null,
    }))
    .filter((r) => (r.distance !== null && r.distance <= NEARBY_METRES) || (!!signal.buurt_code && r.buurt_code === signal.buurt_code))
    .map(({ latitude: _lat, longitude: _lon, ...r }) => r)
    .sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || b.created_at.getTime() - a.created_at.getTime());
}

/** Throws the reason (409/422) why a duplicate cannot be merged into a main signal; both of the same tenant. */
export async function checkMerge(db: DbOrTrx, duplicate: store.SignalRow, main: store.SignalRow): Promise<void> {
  if (duplicate.tenant_id !== main.tenant_id) throw NotFound('signals.error.notFound');
  if (duplicate.id === main.id) throw refuse(422, 'signals.merge.error.self');
  if (duplicate.merged_into_id) throw refuse(409, 'signals.merge.error.alreadyMerged', { id: duplicate.public_id });
  if (main.merged_into_id) throw refuse(409, 'signals.merge.error.alreadyMerged', { id: main.public_id });
  if (isClosed(duplicate.state) || !canTransition(duplicate.state, 'geannuleerd')) {
    throw refuse(409, 'signals.merge.error.closed', { id: duplicate.public_id });
  }
  if (isClosed(main.state)) throw refuse(409, 'signals.merge.error.closed', { id: main.public_id });
  const [a, b] = await Promise.all([
    cats.findCategoryById(db, duplicate.tenant_id, duplicate.category_id),
    cats.findCategoryById(db, main.tenant_id, main.category_id),
  ]);
  if (!!a?.sensitive !== !!b?.sensitive) throw refuse(422, 'signals.merge.error.sensitivity');
}

export interface MergeInput {
  tenantId: string;
  duplicateId: string;
  mainId: string;
  note?: string | null;
  /** Who acts: checked against the signals' rules (policies.ts) before anything is read or changed. */
  principal: Principal;
  ip?: string | null;
  locale: Locale;
  links: LinkBase;
  now: Date;
}

export interface MergeResult {
  duplicate: store.SignalRow;
  main: store.SignalRow;
  /** People (reporter and followers of the duplicate) now following the main signal, each mailed a link. */
  mailed: number;
  actionsMoved: number;
}

/**
 * Merge a duplicate into a main signal: the duplicate is cancelled (reason `merged`) with a link to
 * the main one, its reporter (when they left an e-mail address) and followers follow the main signal
 * with fresh tracking links (mailed), its open network actions move to the main signal.
 */
export async function mergeSignals(db: DbOrTrx, input: MergeInput): Promise<MergeResult> {
  authorize(can(input.principal, 'signal.merge', { tenantId: input.tenantId }));
  return inTransaction(db, async (trx) => {
    if (input.duplicateId === input.mainId) throw refuse(422, 'signals.merge.error.self');
    // Lock both rows in a fixed order so two concurrent merges cannot deadlock.
    const locked = new Map<string, store.SignalRow>();
    for (const id of [input.duplicateId, input.mainId].sort()) {
      const row = await store.lockSignal(trx, input.tenantId, id);
      if (!row) throw NotFound('signals.error.notFound');
      locked.set(id, row);
    }
    const duplicate = locked.get(input.duplicateId)!;
    const main = locked.get(input.mainId)!;
    for (const s of [duplicate, main]) authorize(can(input.principal, 'signal.merge', signalFacts(s)));
    await checkMerge(trx, duplicate, main);
    const t = translator(input.locale);
    const note = clean(input.note);
    const dupSensitive = (await cats.findCategoryById(trx, input.tenantId, duplicate.category_id))?.sensitive ?? false;

    const actionsMoved = await merges.moveOpenActions(trx, input.tenantId, duplicate.id, main.id, input.now);
    const actionsNote = actionsMoved ? t('signals.merge.note.actionsMoved', { n: actionsMoved, main: main.public_id }) : null;
    await store.updateSignal(trx, input.tenantId, duplicate.id, { state: 'geannuleerd', closed_at: input.now, updated_at: input.now });
    await merges.setMergedInto(trx, input.tenantId, duplicate.id, main.id);
    await store.insertTransition(trx, {
      tenant_id: input.tenantId,
      signal_id: duplicate.id,
      from_state: duplicate.state,
      to_state: 'geannuleerd',
      internal_note: joinNote(t('signals.merge.note.mergedInto', { main: main.public_id }), actionsNote, note),
      public_message: t('signals.merge.publicMessage', { id: duplicate.public_id, main: main.public_id }),
      actor_user_id: actorOf(input.principal),
      reason: 'merged',
      created_at: input.now,
    });
    await store.insertTransition(trx, {
      tenant_id: input.tenantId,
      signal_id: main.id,
      from_state: main.state,
      to_state: main.state,
      internal_note: joinNote(t('signals.merge.note.mergedFrom', { id: duplicate.public_id }), actionsNote, note),
      public_message: t('signals.merge.publicMessageMain', { id: duplicate.public_id }),
      actor_user_id: actorOf(input.principal),
      reason: 'merge',
      created_at: input.now,
    });
    await store.updateSignal(trx, input.tenantId, main.id, { updated_at: input.now });

    // Everyone who heard about the duplicate now follows the main signal. Sensitive signals have
    // no public followers: only their reporter moves (to another sensitive signal, checkMerge).
    const recipients = new Map<string, string | null>();
    if (duplicate.reporter_email) recipients.set(duplicate.reporter_email, duplicate.reporter_user_id);
    if (!dupSensitive) {
      for (const f of await tracking.listFollowers(trx, input.tenantId, duplicate.id)) {
        if (f.email && !recipients.has(f.email)) recipients.set(f.email, f.user_id);
      }
    }
    for (const [email, userId] of recipients) {
      const { row } = await tracking.upsertFollower(trx, { tenantId: input.tenantId, signalId: main.id, email, userId, now: input.now });
      const token = await createTrackingToken(trx, { tenantId: input.tenantId, signalId: main.id, followerId: row.id, now: input.now });
      await queueMail(trx, {
        to: email,
        subject: t('signals.merge.mail.subject', { id: duplicate.public_id, main: main.public_id }),
        text: t('signals.merge.mail.text', {
          id: duplicate.public_id,
          main: main.public_id,
          url: input.links.baseUrl + trackingPath(input.links.tenantSlug, token),
        }),
        locale: input.locale,
        tenantId: input.tenantId,
        userId,
        now: input.now,
      });
    }
    // The merge mail is the duplicate's closing message (share fed back, section.service.ts).
    const feedbackSentAt = await recordClosingFeedback(trx, { ...duplicate, state: 'geannuleerd' }, 'geannuleerd', input.now);
    const detail = { into: main.id, followers: recipients.size, actionsMoved };
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: actorOf(input.principal),
      action: 'update',
      entity: 'signal',
      entityId: duplicate.id,
      ip: input.ip ?? null,
      detail: { merged: detail, from: duplicate.state, to: 'geannuleerd' },
    });
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: actorOf(input.principal),
      action: 'update',
      entity: 'signal',
      entityId: main.id,
      ip: input.ip ?? null,
      detail: { merged: { from: duplicate.id } },
    });
    return {
      duplicate: {
        ...duplicate,
        state: 'geannuleerd',
        closed_at: input.now,
        merged_into_id: main.id,
        feedback_sent_at: feedbackSentAt,
        updated_at: input.now,
      },
      main,
      mailed: recipients.size,
      actionsMoved,
    };
  });
}

/** The organisation the routing rules choose for a category at a signal's place (the default of the split form; `signal.split`). */
export async function routedOrganisation(
  db: DbOrTrx,
  principal: Principal,
  signal: store.SignalRow,
  categoryId: string,
): Promise<string | null> {
  authorize(can(principal, 'signal.split', signalFacts(signal)));
  const category = await cats.findCategoryById(db, signal.tenant_id, categoryId);
  if (!category) return null;
  const rules = await cats.listRoutingRules(db, signal.tenant_id);
  return routeSignal(
    rules.map((r) => ({ groupId: r.group_id, categoryId: r.category_id, areaCode: r.area_code, organisationId: r.organisation_id })),
    { categoryId: category.id, groupId: category.group_id, buurtCode: signal.buurt_code, wijkCode: signal.wijk_code },
    await cats.getDefaultOrganisation(db, signal.tenant_id),
  );
}

export interface SplitInput {
  tenantId: string;
  originalId: string;
  categoryId: string;
  /** Null: what the routing rules choose. */
  organisationId: string | null;
  description: string;
  /** The form's one-time id: submitting twice creates one signal. */
  submissionId: string;
  note?: string | null;
  /** Who acts: checked against the signals' rules (policies.ts) before anything is read or changed. */
  principal: Principal;
  ip?: string | null;
  locale: Locale;
  links: LinkBase;
  now: Date;
}

/**
 * Split a part off a signal: a new signal (same place, reporter and source; `split_from_id`) is
 * created through `createSignal` in this transaction (it mails the reporter the new tracking link),
 * routed to the chosen organisation; both histories get an entry; audited.
 */
export async function splitSignal(db: DbOrTrx, input: SplitInput): Promise<{ child: store.SignalRow; replayed: boolean }> {
  return inTransaction(db, async (trx) => {
    const original = await store.lockSignal(trx, input.tenantId, input.originalId);
    if (!original) throw NotFound('signals.error.notFound');
    authorize(can(input.principal, 'signal.split', signalFacts(original)));
    const category = await cats.findCategoryById(trx, input.tenantId, input.categoryId);
    if (!category || !category.active) throw Invalid({ categoryId: 'signals.error.category' });
    const organisation = input.organisationId ? await getOrganisation(trx, input.tenantId, input.organisationId) : null;
    if (category.sensitive && !original.reporter_email) throw Invalid({ categoryId: 'signals.merge.error.splitNeedsEmail' });
    const created = await createSignal(trx, {
      tenantId: input.tenantId,
      category: { id: category.id },
      description: input.description,
      latitude: original.latitude,
      longitude: original.longitude,
      address: original.address,
      reporter: { name: original.reporter_name, email: original.reporter_email, phone: original.reporter_phone },
      wantsFeedback: original.wants_feedback,
      reporterUserId: original.reporter_user_id,
      createdBy: actorOf(input.principal),
      source: original.source,
      answers: original.answers,
      idempotencyKey: `split:${input.submissionId}`,
      locale: input.locale,
      links: input.links,
      now: input.now,
    }).catch((e: unknown) => {
      // Required extra questions or a hard stop of the chosen category: the handler cannot answer those here.
      if (e instanceof AppError && (e.code === 'hard_stop' || Object.keys(e.fields ?? {}).some((k) => k.startsWith('answer_')))) {
        throw Invalid({ categoryId: 'signals.merge.error.splitQuestions' });
      }
      throw e;
    });
    if (created.replayed) return { child: created.signal, replayed: true };
    if (isClosed(original.state)) throw refuse(409, 'signals.merge.error.closed', { id: original.public_id });
    let child = created.signal;
    if (organisation && organisation.id !== child.organisation_id) {
      await merges.setOrganisation(trx, input.tenantId, child.id, organisation.id);
      child = { ...child, organisation_id: organisation.id };
    }
    await merges.setSplitFrom(trx, input.tenantId, child.id, original.id);
    child = { ...child, split_from_id: original.id };
    const t = translator(input.locale);
    const note = clean(input.note);
    await store.insertTransition(trx, {
      tenant_id: input.tenantId,
      signal_id: original.id,
      from_state: original.state,
      to_state: original.state,
      internal_note: joinNote(t('signals.merge.note.splitTo', { id: child.public_id, category: category.name }), note),
      public_message: t('signals.merge.split.publicOriginal', { id: child.public_id }),
      actor_user_id: actorOf(input.principal),
      reason: 'split',
      created_at: input.now,
    });
    await store.insertTransition(trx, {
      tenant_id: input.tenantId,
      signal_id: child.id,
      from_state: 'gemeld',
      to_state: 'gemeld',
      internal_note: joinNote(t('signals.merge.note.splitFrom', { id: original.public_id }), note),
      public_message: t('signals.merge.split.publicChild', { id: original.public_id }),
      actor_user_id: actorOf(input.principal),
      reason: 'split_from',
      created_at: input.now,
    });
    await store.updateSignal(trx, input.tenantId, original.id, { updated_at: input.now });
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: actorOf(input.principal),
      action: 'update',
      entity: 'signal',
      entityId: original.id,
      ip: input.ip ?? null,
      detail: { split: { child: child.id, organisationId: child.organisation_id } },
    });
    return { child, replayed: false };
  });
}

/** How many followers a signal has (shown when comparing two signals; `signal.merge`). */
export async function followerCount(db: DbOrTrx, principal: Principal, signal: store.SignalRow): Promise<number> {
  authorize(can(principal, 'signal.merge', signalFacts(signal)));
  return merges.countFollowers(db, signal.tenant_id, signal.id);
}
