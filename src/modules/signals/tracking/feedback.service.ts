/**
 * What a reporter or follower may do through a tracking link: see the public state and history,
 * give the satisfaction answer after closure, and follow nearby signals instead of filing a duplicate.
 */
import { MAX_REASON } from '../signals.schemas.ts';
import { authorize, systemPrincipal, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { AppError, Conflict, Invalid } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { distanceMeters } from '../../../platform/geo.ts';
import * as cats from '../config/categories.store.ts';
import * as store from '../signals.store.ts';
import * as tracking from './tracking.store.ts';
import { resolveTrackingToken, type LinkBase } from './tracking.service.ts';
import { publicSteps, transitionSignal } from '../signals.service.ts';
import { OPEN_STATES, type SignalState } from '../workflow.ts';
import { getDissatisfiedPolicy, requestReopen } from '../actions/actions.reopen.ts';

/** One public step of a signal's history on the tracking page. */
export interface PublicStep {
  toState: SignalState;
  createdAt: Date;
  publicMessage: string | null;
}

/** What the tracking page shows: no reporter details, no internal notes. */
export interface TrackingView {
  signal: {
    publicId: string;
    state: SignalState;
    createdAt: Date;
    /** Shown to the reporter only. */
    description: string;
    photoCount: number;
    closed: boolean;
  };
  categoryName: string;
  /** '' when no English name is stored. */
  categoryNameEn: string;
  reporter: boolean;
  history: PublicStep[];
  /** The signal this one was merged into, read from the public merge step (null when not merged). */
  mergedInto: string | null;
  /** True when the reporter can now say whether they are satisfied. */
  canGiveFeedback: boolean;
  feedbackGiven: boolean;
}

/** Resolve a tracking link (a clear 404 when unknown, forged or expired): the signal, its public history and the feedback state. */
async function trackingState(db: DbOrTrx, tenantId: string, token: string, now: Date) {
  const resolved = await resolveTrackingToken(db, tenantId, token, now);
  if (!resolved) throw new AppError(404, 'invalid_token', 'signals.error.token');
  const signal = await store.findSignalById(db, tenantId, resolved.signalId);
  if (!signal) throw new AppError(404, 'invalid_token', 'signals.error.token');
  const category = await cats.findCategoryById(db, tenantId, signal.category_id);
  // The link holder's view (its callers check `signal.track`): the steps a reporter may see.
  const history = publicSteps(await store.listTransitions(db, tenantId, signal.id));
  const feedback = await tracking.listFeedback(db, tenantId, signal.id);
  const feedbackGiven = !!signal.closed_at && feedback.some((f) => f.created_at.getTime() >= signal.closed_at!.getTime());
  const canGiveFeedback = resolved.reporter && signal.state === 'afgehandeld' && !feedbackGiven;
  return { signal, category, reporter: resolved.reporter, history, canGiveFeedback, feedbackGiven };
}

/** Resolve a tracking link (a clear 404 when unknown, forged or expired) and the public view of its signal for whoever holds it (`signal.track`). */
export async function trackingView(db: DbOrTrx, principal: Principal, tenantId: string, token: string): Promise<TrackingView> {
  const { signal, category, reporter, history, canGiveFeedback, feedbackGiven } = await trackingState(db, tenantId, token, principal.now);
  authorize(can(principal, 'signal.track', { tenantId: signal.tenant_id, link: reporter ? 'reporter' : 'follower' }));
  return {
    signal: {
      publicId: signal.public_id,
      state: signal.state,
      createdAt: signal.created_at,
      description: signal.description,
      photoCount: signal.photo_count,
      closed: signal.closed_at !== null,
    },
    categoryName: category?.name ?? '',
    categoryNameEn: category?.name_en ?? '',
    reporter,
    history: history.map((h) => ({ toState: h.to_state, createdAt: h.created_at, publicMessage: h.public_message })),
    mergedInto: mergedIntoOf(signal, history),
    canGiveFeedback,
    feedbackGiven,
  };
}

/** The public id of the signal this one was merged into, from the last merge step's texts (not its own id). */
function mergedIntoOf(signal: store.SignalRow, history: readonly store.TransitionRow[]): string | null {
  if (!signal.merged_into_id) return null;
  const step = [...history].reverse().find((h) => h.reason === 'merged');
  const text = `${step?.internal_note ?? ''} ${step?.public_message ?? ''}`;
  return [...text.matchAll(/SIG-\d{4}-\d{6}/g)].map((m) => m[0]).find((id) => id !== signal.public_id) ?? null;
}

export interface FeedbackInput {
  tenantId: string;
  token: string;
  satisfied: boolean;
  /** Only with "niet tevreden": false means the problem is not solved. */
  solved: boolean | null;
  reason: string | null;
  locale: Locale;
  links: LinkBase;
  now: Date;
  /** Who answers (checked: `signal.feedback`, the reporter's own link). */
  principal: Principal;
}

/** Record the reporter's satisfaction after closure; "niet tevreden" + "not solved" reopens the signal (reason `feedback`) or, by the tenant's policy, asks the coordinator. */
export async function submitFeedback(db: DbOrTrx, input: FeedbackInput): Promise<{ reopened: boolean; requested: boolean }> {
  return inTransaction(db, async (trx) => {
    const view = await trackingState(trx, input.tenantId, input.token, input.now);
    if (view.feedbackGiven) throw Conflict('signals.error.feedbackGiven');
    if (!view.canGiveFeedback) throw Conflict('signals.error.feedbackNotNow');
    authorize(can(input.principal, 'signal.feedback', { tenantId: view.signal.tenant_id, link: view.reporter ? 'reporter' : 'follower' }));
    const reason = (input.reason ?? '').trim() || null;
    if (reason && reason.length > MAX_REASON) throw Invalid({ reason: 'signals.error.tooLong' });
    const solved = input.satisfied ? null : input.solved;
    await tracking.insertFeedback(trx, {
      tenantId: input.tenantId,
      signalId: view.signal.id,
      satisfied: input.satisfied,
      solved,
      reason,
      now: input.now,
    });
    await recordAudit(trx, {
      tenantId: input.tenantId,
      actorUserId: null,
      action: 'feedback',
      entity: 'signal',
      entityId: view.signal.id,
      detail: { satisfied: input.satisfied, solved },
    });
    if (!input.satisfied && solved === false) {
      if ((await getDissatisfiedPolicy(trx, input.tenantId)) === 'coordinator') {
        await requestReopen(trx, {
          tenantId: input.tenantId,
          signal: view.signal,
          reason,
          locale: input.locale,
          links: input.links,
          now: input.now,
        });
        return { reopened: false, requested: true };
      }
      await transitionSignal(trx, {
        tenantId: input.tenantId,
        signalId: view.signal.id,
        to: 'heropend',
        internalNote: reason ? `Melder niet tevreden, niet opgelost: ${reason}` : 'Melder niet tevreden, niet opgelost.',
        actorUserId: null,
        reason: 'feedback',
        locale: input.locale,
        links: input.links,
        now: input.now,
        // The reporter's own link (checked above) reopens it: the platform acts on their answer.
        principal: systemPrincipal(input.tenantId, input.now),
      });
      return { reopened: true, requested: false };
    }
    return { reopened: false, requested: false };
  });
}

/** Radius and period for "is this already reported?" while reporting. */
export const NEARBY_METRES = 50;
export const NEARBY_WEEKS = 12;

/** Open, non-sensitive signals of the category within 50 m reported in the last 12 weeks, nearest first. */
export async function nearbySignals(db: DbOrTrx, tenantId: string, categoryId: string, lat: number, lon: number, now: Date) {
  const category = await cats.findCategoryById(db, tenantId, categoryId);
  if (!category || category.sensitive) return [];
  const since = new Date(now.getTime() - NEARBY_WEEKS * 7 * 86_400_000);
  const rows = await store.nearbyOpenSignals(db, tenantId, categoryId, lat, lon, since, OPEN_STATES);
  return rows
    .map((r) => ({ ...r, distance: Math.round(distanceMeters({ lat, lon }, { lat: r.latitude!, lon: r.longitude! })) }))
    .filter((r) => r.distance <= NEARBY_METRES)
    .sort((a, b) => a.distance - b.distance);
}
