/**
 * The facade of the initiatives module ("samen doen", issue 15): what the module's other features
 * (review, voting, youth, joined) and other modules read. Plain data in, plain data out; no
 * principal: the caller authorizes (these functions show only what the public fund pages show,
 * except getApplication/listApplications, which a caller must guard with its own policy).
 * Money in integer cents; days 'YYYY-MM-DD'.
 */
import type { DbOrTrx } from '../../platform/db/database.ts';
import { descendantCodes, getArea } from '../areas/areas.service.ts';
import type { ApplicationStatus } from './initiatives.tables.ts';
import * as funds from './funds/funds.store.ts';
import * as apps from './apply/apply.store.ts';

export type { ApplicationStatus } from './initiatives.tables.ts';

export interface Fund {
  id: string;
  tenantId: string;
  slug: string;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  ownerText: string;
  maxPerInitiativeCents: number | null;
  minCosigners: number;
  ownContribution: 'none' | 'money' | 'money_or_kind';
  eligibilityNl: string;
  eligibilityEn: string;
  leadTimeDays: number;
  acknowledgeWorkingDays: number;
  decideWeeks: number;
  spotCheckPercent: number;
  status: 'active' | 'closed';
  sourceNote: string;
  isDemo: boolean;
}

export interface Round {
  id: string;
  fundId: string;
  budgetId: string | null;
  nameNl: string;
  nameEn: string;
  kind: 'dated' | 'rolling';
  opensOn: string;
  closesOn: string | null;
  voting: 'none' | 'approval' | 'knapsack';
  votingOpensOn: string | null;
  votingClosesOn: string | null;
  votingBudgetCents: number | null;
  areaCodes: string[];
  isDemo: boolean;
}

export interface Cosigner {
  id: string;
  displayName: string;
  postcode: string;
  areaCode: string | null;
  confirmedOn: string | null;
}

export interface Application {
  id: string;
  tenantId: string;
  reference: string;
  fundId: string;
  roundId: string | null;
  callId: string | null;
  youthIdeaId: string | null;
  applicantUserId: string | null;
  enteredBy: string | null;
  /** The organisation of who entered it on someone's behalf ('' when none); never a person's name. */
  enteredByOrg: string;
  groupName: string;
  title: string;
  what: string;
  forWhom: string;
  areaCode: string;
  startsOn: string | null;
  endsOn: string | null;
  budgetLines: { label: string; amount_cents: number }[];
  requestedCents: number;
  ownMoneyCents: number;
  ownInKind: string;
  status: ApplicationStatus;
  submittedAt: Date | null;
  acknowledgedAt: Date | null;
  feasibility: { point: string; ok: boolean; reason: string }[];
  decision: 'full' | 'partial' | 'rejected' | null;
  grantedCents: number | null;
  decisionLetter: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  paidCents: number;
  paidOn: string | null;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ApplicationWithCosigners extends Application {
  cosigners: Cosigner[];
  /** Confirmed co-signers ≥ the fund's minimum. */
  cosignersComplete: boolean;
}

export function toFund(r: funds.FundRow): Fund {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    slug: r.slug,
    nameNl: r.name_nl,
    nameEn: r.name_en,
    descriptionNl: r.description_nl,
    descriptionEn: r.description_en,
    ownerText: r.owner_text,
    maxPerInitiativeCents: r.max_per_initiative_cents,
    minCosigners: r.min_cosigners,
    ownContribution: r.own_contribution,
    eligibilityNl: r.eligibility_nl,
    eligibilityEn: r.eligibility_en,
    leadTimeDays: r.lead_time_days,
    acknowledgeWorkingDays: r.acknowledge_working_days,
    decideWeeks: r.decide_weeks,
    spotCheckPercent: r.spot_check_percent,
    status: r.status,
    sourceNote: r.source_note,
    isDemo: r.is_demo,
  };
}

export function toRound(r: funds.RoundRow): Round {
  return {
    id: r.id,
    fundId: r.fund_id,
    budgetId: r.budget_id,
    nameNl: r.name_nl,
    nameEn: r.name_en,
    kind: r.kind,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    voting: r.voting,
    votingOpensOn: r.voting_opens_on,
    votingClosesOn: r.voting_closes_on,
    votingBudgetCents: r.voting_budget_cents,
    areaCodes: r.area_codes ?? [],
    isDemo: r.is_demo,
  };
}

export function toApplication(r: apps.ApplicationRow): Application {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    reference: r.reference,
    fundId: r.fund_id,
    roundId: r.round_id,
    callId: r.call_id,
    youthIdeaId: r.youth_idea_id,
    applicantUserId: r.applicant_user_id,
    enteredBy: r.entered_by,
    enteredByOrg: r.entered_by_org,
    groupName: r.group_name,
    title: r.title,
    what: r.what,
    forWhom: r.for_whom,
    areaCode: r.area_code,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    budgetLines: r.budget_lines ?? [],
    requestedCents: r.requested_cents,
    ownMoneyCents: r.own_money_cents,
    ownInKind: r.own_in_kind,
    status: r.status,
    submittedAt: r.submitted_at,
    acknowledgedAt: r.acknowledged_at,
    feasibility: r.feasibility ?? [],
    decision: r.decision,
    grantedCents: r.granted_cents,
    decisionLetter: r.decision_letter,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    paidCents: r.paid_cents,
    paidOn: r.paid_on,
    isDemo: r.is_demo,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A round takes applications on `day`: opened, and not closed (a rolling round never closes). */
export function roundIsOpen(r: Pick<Round, 'opensOn' | 'closesOn'>, day: string): boolean {
  return r.opensOn <= day && (r.closesOn === null || day <= r.closesOn);
}

/** The municipality's funds, by name. */
export async function listFunds(db: DbOrTrx, tenantId: string): Promise<Fund[]> {
  return (await funds.listFunds(db, tenantId)).map(toFund);
}

export async function getFund(db: DbOrTrx, tenantId: string, slug: string): Promise<Fund | null> {
  const r = await funds.fundBySlug(db, tenantId, slug);
  return r ? toFund(r) : null;
}

export async function getFundById(db: DbOrTrx, tenantId: string, id: string): Promise<Fund | null> {
  const r = await funds.fundById(db, tenantId, id);
  return r ? toFund(r) : null;
}

/** A fund's rounds, newest opening first. */
export async function listRounds(db: DbOrTrx, tenantId: string, fundId: string): Promise<Round[]> {
  return (await funds.roundsOf(db, tenantId, fundId)).map(toRound);
}

export async function getRound(db: DbOrTrx, tenantId: string, id: string): Promise<Round | null> {
  const r = await funds.roundById(db, tenantId, id);
  return r ? toRound(r) : null;
}

/** Whether an area list covers a code: the code itself or its wijk is listed (empty list: everywhere). */
async function covers(db: DbOrTrx, tenantId: string, areaCodes: readonly string[], code: string): Promise<boolean> {
  if (areaCodes.length === 0 || areaCodes.includes(code)) return true;
  const area = await getArea(db, tenantId, code);
  return area?.parentCode ? areaCodes.includes(area.parentCode) : false;
}

/** Rounds of active funds open on `day` for residents of an area (buurt or wijk code). */
export async function openRoundsFor(db: DbOrTrx, tenantId: string, areaCode: string, day: string): Promise<(Round & { fund: Fund })[]> {
  const active = new Map((await funds.listFunds(db, tenantId)).filter((f) => f.status === 'active').map((f) => [f.id, toFund(f)]));
  const out: (Round & { fund: Fund })[] = [];
  for (const r of (await funds.roundsOf(db, tenantId)).map(toRound)) {
    const fund = active.get(r.fundId);
    if (fund && roundIsOpen(r, day) && (await covers(db, tenantId, r.areaCodes, areaCode))) out.push({ ...r, fund });
  }
  return out;
}

function toCosigner(c: apps.CosignerRow): Cosigner {
  return { id: c.id, displayName: c.display_name, postcode: c.postcode, areaCode: c.area_code, confirmedOn: c.confirmed_on };
}

/** One application with its co-signers (the caller authorizes). */
export async function getApplication(db: DbOrTrx, tenantId: string, id: string): Promise<ApplicationWithCosigners | null> {
  const r = await apps.applicationById(db, tenantId, id);
  if (!r) return null;
  const fund = await funds.fundById(db, tenantId, r.fund_id);
  const cosigners = (await apps.cosignersOf(db, tenantId, [r.id])).map(toCosigner);
  const confirmed = cosigners.filter((c) => c.confirmedOn !== null).length;
  return { ...toApplication(r), cosigners, cosignersComplete: confirmed >= (fund?.min_cosigners ?? 0) };
}

/** Applications of the municipality, newest first; areaCode may be a wijk (its buurten count). The caller authorizes. */
export async function listApplications(
  db: DbOrTrx,
  tenantId: string,
  f: { fundId?: string; roundId?: string; areaCode?: string; status?: ApplicationStatus | readonly ApplicationStatus[] } = {},
): Promise<Application[]> {
  const areaCodes = f.areaCode ? await descendantCodes(db, tenantId, f.areaCode) : undefined;
  const filter: apps.ApplicationFilter = {};
  if (f.fundId) filter.fundId = f.fundId;
  if (f.roundId) filter.roundId = f.roundId;
  if (areaCodes) filter.areaCodes = areaCodes;
  if (f.status !== undefined) filter.status = f.status;
  return (await apps.listApplications(db, tenantId, filter)).map(toApplication);
}

/**
 * Internal (review, payout, accountability): move an application to a status and set the fields
 * that go with it. Returns false when the application does not exist in this municipality.
 */
export async function setApplicationStatus(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  status: ApplicationStatus,
  at: Date,
  extra: Partial<{
    acknowledgedAt: Date;
    feasibility: { point: string; ok: boolean; reason: string }[];
    decision: 'full' | 'partial' | 'rejected';
    grantedCents: number | null;
    decisionLetter: string;
    decidedAt: Date;
    decidedBy: string | null;
    paidCents: number;
    paidOn: string;
  }> = {},
): Promise<boolean> {
  const set: Parameters<typeof apps.updateApplication>[3] = { status, updated_at: at };
  if (extra.acknowledgedAt !== undefined) set.acknowledged_at = extra.acknowledgedAt;
  if (extra.feasibility !== undefined) set.feasibility = extra.feasibility;
  if (extra.decision !== undefined) set.decision = extra.decision;
  if (extra.grantedCents !== undefined) set.granted_cents = extra.grantedCents;
  if (extra.decisionLetter !== undefined) set.decision_letter = extra.decisionLetter;
  if (extra.decidedAt !== undefined) set.decided_at = extra.decidedAt;
  if (extra.decidedBy !== undefined) set.decided_by = extra.decidedBy;
  if (extra.paidCents !== undefined) set.paid_cents = extra.paidCents;
  if (extra.paidOn !== undefined) set.paid_on = extra.paidOn;
  return (await apps.updateApplication(db, tenantId, id, set)) === 1;
}

export interface BudgetLeft {
  /** The budget that covers the area that year (the most specific one), or null when none. */
  budgetId: string | null;
  label: string;
  /** Budget plus co-funding for the same areas and year. */
  totalCents: number;
  /** Granted (full or partial decisions) to applications in the budget's areas for that year. */
  grantedCents: number;
  leftCents: number;
}

/** The year an application spends its money in: its start day's year, else the year it was made. */
export function applicationYear(a: Pick<Application, 'startsOn' | 'createdAt'>): number {
  return a.startsOn ? Number(a.startsOn.slice(0, 4)) : a.createdAt.getUTCFullYear();
}

/**
 * What is left of a fund's budget for an area in a year: the budget covering the area (one naming
 * the buurt or its wijk; else the municipality-wide one), plus co-funding for the same areas, minus
 * what was granted to applications in those areas that year. Null when no budget covers the area.
 */
export async function fundBudgetLeft(
  db: DbOrTrx,
  tenantId: string,
  fundId: string,
  year: number,
  areaCode: string,
): Promise<BudgetLeft | null> {
  const budgets = await funds.budgetsOf(db, tenantId, fundId, year);
  let budget: funds.BudgetRow | undefined;
  for (const b of budgets) if (b.area_codes.length > 0 && (await covers(db, tenantId, b.area_codes, areaCode))) budget = b;
  budget ??= budgets.find((b) => b.area_codes.length === 0);
  if (!budget) return null;
  const codes = budget.area_codes;
  const same = (xs: readonly string[]) => xs.length === codes.length && xs.every((x) => codes.includes(x));
  const cofunding = (await funds.cofundingOf(db, tenantId, fundId, year)).filter((c) => same(c.area_codes));
  const others = budgets.filter((b) => b.id !== budget.id && b.area_codes.length > 0);
  let granted = 0;
  for (const a of (await apps.grantedApplications(db, tenantId, fundId)).map(toApplication)) {
    if (applicationYear(a) !== year) continue;
    const inThis =
      codes.length > 0
        ? await covers(db, tenantId, codes, a.areaCode)
        : !(await Promise.all(others.map((o) => covers(db, tenantId, o.area_codes, a.areaCode)))).some(Boolean);
    if (inThis) granted += a.grantedCents ?? 0;
  }
  const total = budget.amount_cents + cofunding.reduce((s, c) => s + c.amount_cents, 0);
  return { budgetId: budget.id, label: budget.label_nl, totalCents: total, grantedCents: granted, leftCents: total - granted };
}
