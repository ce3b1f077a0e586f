/** View models of the review pages: only what the pages show, camelCase. */
import { localDate } from '../../../platform/time.ts';
import type { ReviewApplication } from './review.service.ts';
import type { Decision } from './letters.ts';

export interface ReviewPageModel {
  reference: string;
  title: string;
  group: string;
  areaCode: string;
  what: string;
  forWhom: string;
  startsOn: string | null;
  endsOn: string | null;
  budgetLines: { label: string; amountCents: number }[];
  requestedCents: number;
  ownMoneyCents: number;
  ownInKind: string;
  status: string;
  fundName: string;
  submittedOn: string;
  acknowledgedOn: string | null;
  acknowledgeBy: string;
  decideBy: string;
  acknowledgeOverdue: boolean;
  decideOverdue: boolean;
  feasibility: { point: string; ok: boolean; reason: string }[];
  decision: Decision | null;
  grantedCents: number | null;
  letter: string;
  decidedOn: string | null;
  paidCents: number;
  payouts: { paidOn: string; amountCents: number }[];
  isDemo: boolean;
}

export function reviewPageModel(a: ReviewApplication): ReviewPageModel {
  const r = a.row;
  return {
    reference: r.reference,
    title: r.title,
    group: r.group_name,
    areaCode: r.area_code,
    what: r.what,
    forWhom: r.for_whom,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    budgetLines: r.budget_lines.map((l) => ({ label: l.label, amountCents: l.amount_cents })),
    requestedCents: r.requested_cents,
    ownMoneyCents: r.own_money_cents,
    ownInKind: r.own_in_kind,
    status: r.status,
    fundName: r.fund_name_nl,
    submittedOn: localDate(r.submitted_at!),
    acknowledgedOn: r.acknowledged_at ? localDate(r.acknowledged_at) : null,
    acknowledgeBy: localDate(a.deadlines.acknowledgeBy),
    decideBy: localDate(a.deadlines.decideBy),
    acknowledgeOverdue: a.deadlines.acknowledgeOverdue,
    decideOverdue: a.deadlines.decideOverdue,
    feasibility: r.feasibility,
    decision: r.decision,
    grantedCents: r.granted_cents,
    letter: r.decision_letter,
    decidedOn: r.decided_at ? localDate(r.decided_at) : null,
    paidCents: r.paid_cents,
    payouts: a.payouts,
    isDemo: r.is_demo,
  };
}
