/**
 * Review of initiative applications by the coordinator: the work list with deadlines, the receipt,
 * the feasibility review (per point ok or not, with a reason), and the decision full / partial /
 * rejected with a letter from the standard texts (letters.ts). The letter is kept on the
 * application (the applicant reads it on their pages) and mailed through the outbox, in the same
 * transaction. A partial approval is below the amount asked; a full one is the amount asked.
 */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { AppError, Conflict, NotFound } from '../../../platform/errors.ts';
import { translator, type Locale, type MessageKey } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { localDate } from '../../../platform/time.ts';
import { findTenantById } from '../../../platform/tenants/tenants.service.ts';
import { getUserProfile } from '../../people/people.service.ts';
import { applicationYear, fundBudgetLeft } from '../initiatives.service.ts';
import { can } from '../policies.ts';
import * as store from './review.store.ts';
import { deadlineState, type DeadlineState } from './deadlines.ts';
import { fillLetter, formatDay, formatEuro, type Decision, type LetterTemplate } from './letters.ts';

/** The points of the feasibility review (each ok or not, with a reason). */
export const FEASIBILITY_POINTS = ['rules', 'budget', 'open', 'safe'] as const;
export type FeasibilityPoint = (typeof FEASIBILITY_POINTS)[number];
export const MAX_REASON = 500;
export const MAX_LETTER = 8000;

export type ReviewRow = store.ReviewRow;

export interface WorkListItem {
  reference: string;
  title: string;
  group: string;
  areaCode: string;
  fundName: string;
  requestedCents: number;
  status: string;
  submittedOn: string;
  deadlines: DeadlineState;
  isDemo: boolean;
}

function guard(principal: Principal, tenantId: string, action: 'initiative.review' | 'initiative.decide' | 'initiative.pay'): void {
  authorize(can(principal, action, { tenantId }));
}

/** The coordinator's work list: every application still in review, decided or paid, oldest first, with its deadlines. */
export async function reviewWorkList(db: DbOrTrx, principal: Principal, tenantId: string): Promise<WorkListItem[]> {
  guard(principal, tenantId, 'initiative.review');
  const rows = await store.listByStatus(db, tenantId, store.OPEN_STATUSES);
  return rows.map((r) => ({
    reference: r.reference,
    title: r.title,
    group: r.group_name,
    areaCode: r.area_code,
    fundName: r.fund_name_nl,
    requestedCents: r.requested_cents,
    status: r.status,
    submittedOn: localDate(r.submitted_at!),
    deadlines: deadlineState({ ...r, submitted_at: r.submitted_at! }, r, principal.now),
    isDemo: r.is_demo,
  }));
}

/** One application for the review page (coordinator); NotFound when unknown or not yet submitted. */
export async function reviewApplication(db: DbOrTrx, principal: Principal, tenantId: string, reference: string) {
  guard(principal, tenantId, 'initiative.review');
  const row = await store.byReference(db, tenantId, reference);
  if (!row || !row.submitted_at || row.status === 'draft') throw NotFound('initiatives.review.error.notFound');
  const payouts = await store.payoutsOf(db, tenantId, row.id);
  return {
    row,
    deadlines: deadlineState({ ...row, submitted_at: row.submitted_at }, row, principal.now),
    payouts: payouts.map((p) => ({ paidOn: p.paid_on, amountCents: p.amount_cents })),
  };
}
export type ReviewApplication = Awaited<ReturnType<typeof reviewApplication>>;

/** The applicant's account (or, for an application made on their behalf, the helper's) to mail. */
export async function applicantContact(db: DbOrTrx, row: { applicant_user_id: string | null; entered_by: string | null }) {
  const userId = row.applicant_user_id ?? row.entered_by;
  if (!userId) return null;
  try {
    const p = await getUserProfile(db, userId);
    return p.email ? { userId, email: p.email, locale: (p.locale === 'en' ? 'en' : 'nl') as Locale } : null;
  } catch {
    return null;
  }
}

async function mailApplicant(
  db: DbOrTrx,
  tenantId: string,
  row: { applicant_user_id: string | null; entered_by: string | null },
  subject: (t: ReturnType<typeof translator>) => string,
  text: (t: ReturnType<typeof translator>, locale: Locale) => string,
  now: Date,
): Promise<number> {
  const to = await applicantContact(db, row);
  if (!to) return 0;
  const t = translator(to.locale);
  await queueMail(db, { to: to.email, subject: subject(t), text: text(t, to.locale), locale: to.locale, tenantId, userId: to.userId, now });
  return 1;
}

/** Confirm receipt: the applicant gets a receipt by mail with the day the decision is due. */
export async function acknowledge(db: DbOrTrx, principal: Principal, tenantId: string, reference: string): Promise<void> {
  const { row, deadlines } = await reviewApplication(db, principal, tenantId, reference);
  const now = principal.now;
  await inTransaction(db, async (trx) => {
    if (
      !(await store.updateWhen(trx, tenantId, row.id, ['submitted'], { status: 'acknowledged', acknowledged_at: now, updated_at: now }))
    ) {
      throw Conflict('initiatives.review.error.alreadyAcknowledged');
    }
    const mails = await mailApplicant(
      trx,
      tenantId,
      row,
      (t) => t('initiatives.review.mail.receipt.subject', { reference: row.reference }),
      (t, locale) =>
        t('initiatives.review.mail.receipt.text', {
          reference: row.reference,
          title: row.title,
          decideBy: formatDay(localDate(deadlines.decideBy), locale),
        }),
      now,
    );
    await recordAudit(trx, {
      tenantId,
      actorUserId: principal.userId,
      action: 'acknowledge',
      entity: 'initiative_application',
      entityId: row.id,
      detail: { mails },
    });
  });
}

export interface FeasibilityInput {
  points: { point: FeasibilityPoint; ok: boolean; reason: string }[];
}

/** Save the feasibility review: every point ok or not; a point that is not ok needs a reason. */
export async function saveFeasibility(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
  input: FeasibilityInput,
): Promise<void> {
  const { row } = await reviewApplication(db, principal, tenantId, reference);
  const missing = Object.fromEntries(
    input.points
      .filter((p) => !p.ok && p.reason.trim() === '')
      .map((p) => [`reason_${p.point}`, 'initiatives.review.error.reasonNeeded' as MessageKey]),
  );
  if (Object.keys(missing).length > 0) throw new AppError(422, 'invalid', 'error.invalid', missing);
  if (row.status === 'submitted') {
    throw Conflict('initiatives.review.error.acknowledgeFirst', { points: 'initiatives.review.error.acknowledgeFirst' });
  }
  const now = principal.now;
  await inTransaction(db, async (trx) => {
    const ok = await store.updateWhen(trx, tenantId, row.id, ['acknowledged', 'in_review'], {
      status: 'in_review',
      feasibility: input.points.map((p) => ({ point: p.point, ok: p.ok, reason: p.reason.trim() })),
      updated_at: now,
    });
    if (!ok) throw Conflict('initiatives.review.error.alreadyDecided', { points: 'initiatives.review.error.alreadyDecided' });
    await recordAudit(trx, {
      tenantId,
      actorUserId: principal.userId,
      action: 'feasibility',
      entity: 'initiative_application',
      entityId: row.id,
      detail: { notOk: input.points.filter((p) => !p.ok).map((p) => p.point) },
    });
  });
}

export interface DecisionInput {
  decision: Decision;
  /** For a partial approval: the amount granted (cents); ignored otherwise. */
  grantedCents: number | null;
  reasons: string;
  template: LetterTemplate;
  locale: Locale;
}

function invalid(field: string, key: MessageKey, vars?: Record<string, string>): AppError {
  return new AppError(422, 'invalid', 'error.invalid', { [field]: key }, vars);
}

/** The amount granted by a decision, or a refusal with a message beside the field. */
export function grantedFor(row: { requested_cents: number }, input: Pick<DecisionInput, 'decision' | 'grantedCents' | 'reasons'>): number {
  if (input.decision !== 'full' && input.reasons.trim() === '') throw invalid('reasons', 'initiatives.review.error.reasonsNeeded');
  if (input.decision === 'full') return row.requested_cents;
  if (input.decision === 'rejected') return 0;
  const g = input.grantedCents;
  if (g === null || !Number.isInteger(g) || g <= 0) throw invalid('granted', 'initiatives.review.error.grantedNeeded');
  if (g > row.requested_cents) {
    throw invalid('granted', 'initiatives.review.error.partialAboveRequested', { requested: formatEuro(row.requested_cents) });
  }
  if (g === row.requested_cents) {
    throw invalid('granted', 'initiatives.review.error.partialIsFull', { requested: formatEuro(row.requested_cents) });
  }
  return g;
}

/**
 * A grant may not exceed what is left of the budget that covers the buurt in the application's year
 * (`fundBudgetLeft`: budget plus co-funding minus what was granted). With no budget for the area
 * the fund's budget is unknown and nothing is checked.
 */
async function checkBudgetLeft(
  db: DbOrTrx,
  tenantId: string,
  row: ReviewRow,
  input: Pick<DecisionInput, 'decision'>,
  granted: number,
  now: Date,
) {
  if (granted <= 0) return;
  const year = applicationYear({ startsOn: row.starts_on, createdAt: row.submitted_at ?? now });
  const left = await fundBudgetLeft(db, tenantId, row.fund_id, year, row.area_code);
  if (left && granted > left.leftCents) {
    throw invalid(input.decision === 'full' ? 'decision' : 'granted', 'initiatives.review.error.overBudget', {
      left: formatEuro(Math.max(0, left.leftCents)),
      budget: left.label,
    });
  }
}

/** The standard letter for a decision, filled in (the coordinator may edit it before sending). */
export async function previewLetter(db: DbOrTrx, principal: Principal, tenantId: string, reference: string, input: DecisionInput) {
  guard(principal, tenantId, 'initiative.decide');
  const { row } = await reviewApplication(db, principal, tenantId, reference);
  const granted = grantedFor(row, input);
  await checkBudgetLeft(db, tenantId, row, input, granted, principal.now);
  const tenant = await findTenantById(db, tenantId);
  return fillLetter(
    input.decision,
    input.template,
    {
      group: row.group_name,
      title: row.title,
      reference: row.reference,
      fund: input.locale === 'en' && row.fund_name_en ? row.fund_name_en : row.fund_name_nl,
      municipality: tenant?.name ?? '',
      requestedCents: row.requested_cents,
      grantedCents: granted,
      reasons: input.reasons,
      day: localDate(principal.now),
    },
    input.locale,
  );
}

/**
 * Decide: full, partial (below the amount asked) or rejected, with the letter as the coordinator
 * left it. Only after the receipt and only once. The letter is mailed to the applicant.
 */
export async function decide(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
  input: DecisionInput & { letter: string },
): Promise<void> {
  guard(principal, tenantId, 'initiative.decide');
  const { row } = await reviewApplication(db, principal, tenantId, reference);
  const granted = grantedFor(row, input);
  const letter = input.letter.trim();
  if (letter === '' || letter.length > MAX_LETTER) throw invalid('letter', 'initiatives.review.error.letter');
  if (row.status === 'submitted') {
    throw Conflict('initiatives.review.error.acknowledgeFirst', { decision: 'initiatives.review.error.acknowledgeFirst' });
  }
  const now = principal.now;
  await inTransaction(db, async (trx) => {
    await checkBudgetLeft(trx, tenantId, row, input, granted, now);
    const ok = await store.updateWhen(trx, tenantId, row.id, ['acknowledged', 'in_review'], {
      status: 'decided',
      decision: input.decision,
      granted_cents: granted,
      decision_letter: letter,
      decided_at: now,
      decided_by: principal.userId,
      updated_at: now,
    });
    if (!ok) throw Conflict('initiatives.review.error.alreadyDecided', { decision: 'initiatives.review.error.alreadyDecided' });
    const mails = await mailApplicant(
      trx,
      tenantId,
      row,
      (t) => t('initiatives.review.mail.decision.subject', { reference: row.reference }),
      () => letter,
      now,
    );
    await recordAudit(trx, {
      tenantId,
      actorUserId: principal.userId,
      action: 'decide',
      entity: 'initiative_application',
      entityId: row.id,
      detail: { decision: input.decision, grantedCents: granted, mails, edited: letter !== '' },
    });
  });
}
