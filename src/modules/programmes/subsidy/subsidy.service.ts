/**
 * Subsidy proposals (issue 14, Groningen §6a3): a partner organisation submits a multi-year
 * programme proposal, linked to the goals and areas it serves; the coordinator judges it against
 * the six conditions, with evidence per condition, and decides (granted / partly / refused) with
 * reasons. A decision needs every condition judged; "granted" with a condition not met needs a
 * reason. Professionals see only their own organisation's proposals.
 */
import { Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { authorize, organisationsReaching, reachOf, type Principal } from '../../../platform/principal.ts';
import { isUuid } from '../../../platform/ids.ts';
import { localDate } from '../../../platform/time.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { listOrganisations } from '../../people/people.service.ts';
import { can, RULES } from '../policies.ts';
import { CONDITIONS, MAX_YEARS, type ConditionNo, type Decision } from './subsidy.conditions.ts';
import * as store from './subsidy.store.ts';

export interface ProposalInput {
  organisationId: string;
  title: string;
  summary: string;
  startYear: number;
  endYear: number;
  /** Cents; null: not stated. */
  requestedCents: number | null;
  goalIds: string[];
  areaCodes: string[];
}

export interface ConditionJudgement {
  met: boolean | null;
  evidence: string;
}

export interface DecisionInput {
  conditions: Record<ConditionNo, ConditionJudgement>;
  decision: Decision;
  reasons: string;
  grantedCents: number | null;
}

export interface Proposal {
  id: string;
  organisationId: string | null;
  organisationName: string;
  title: string;
  summary: string;
  startYear: number;
  endYear: number;
  requestedCents: number | null;
  conditions: Record<ConditionNo, ConditionJudgement>;
  goals: { id: string; label: string }[];
  areas: { code: string; name: string }[];
  decision: 'pending' | Decision;
  grantedCents: number | null;
  reasons: string;
  decidedOn: string | null;
  isDemo: boolean;
  canDecide: boolean;
}

const emptyConditions = (): Record<ConditionNo, ConditionJudgement> =>
  Object.fromEntries(CONDITIONS.map((c) => [c, { met: null, evidence: '' }])) as Record<ConditionNo, ConditionJudgement>;

/**
 * May the principal act on proposals of this municipality at all (before a particular one is known)?
 * Without a resource can() allows any reach (the list is narrowed after); the municipality is checked here.
 */
export function mayAtAll(principal: Principal, action: 'subsidy.submit' | 'subsidy.view', tenantId: string): boolean {
  return (principal.tenantId === null || principal.tenantId === tenantId) && can(principal, action);
}

const factsOf = (tenantId: string, r: Pick<store.ProposalRow, 'organisation_id'>) => ({ tenantId, organisationIds: [r.organisation_id] });

/** The choices of the proposal form: the principal's organisations (all for the coordinator), goals and wijken. */
export async function proposalChoices(db: DbOrTrx, principal: Principal, tenantId: string, locale: string) {
  authorize(mayAtAll(principal, 'subsidy.submit', tenantId));
  const all = await listOrganisations(db, tenantId);
  const reach = reachOf(RULES, principal, 'subsidy.submit');
  const mine = reach === 'all' ? all : all.filter((o) => organisationsReaching(RULES, principal, 'subsidy.submit').includes(o.id));
  const goals = await store.goalsOfTenant(db, tenantId);
  const wijken = await listAreas(db, tenantId, { level: 'district' });
  return {
    organisations: mine.map((o) => ({ id: o.id, name: o.name })),
    goals: goals.map((g) => ({
      programmeId: g.programme_id,
      id: g.id,
      label: `${g.programme_title} · ${g.number}. ${locale === 'en' && g.title_en ? g.title_en : g.title_nl}`,
    })),
    areas: wijken.map((a) => ({ code: a.code, name: a.name })),
  };
}

/** Submit a proposal for one of the principal's organisations (the coordinator: any organisation). */
export async function submitProposal(db: DbOrTrx, principal: Principal, tenantId: string, input: ProposalInput): Promise<string> {
  const choices = await proposalChoices(db, principal, tenantId, 'nl');
  const fields: FieldErrors = {};
  const org = choices.organisations.find((o) => o.id === input.organisationId);
  if (!org) fields.organisationId = 'programmes.subsidy.error.organisation';
  if (input.endYear < input.startYear || input.endYear - input.startYear >= MAX_YEARS) fields.endYear = 'programmes.subsidy.error.years';
  if (input.requestedCents !== null && (!Number.isInteger(input.requestedCents) || input.requestedCents < 0)) {
    fields.requested = 'programmes.subsidy.error.amount';
  }
  if (input.goalIds.length === 0 || input.goalIds.some((g) => !choices.goals.some((x) => x.id === g))) {
    fields.goalIds = 'programmes.subsidy.error.goals';
  }
  if (input.areaCodes.some((c) => !choices.areas.some((a) => a.code === c))) fields.areaCodes = 'programmes.subsidy.error.areas';
  if (Object.keys(fields).length > 0 || !org) throw Invalid(fields);
  authorize(can(principal, 'subsidy.submit', { tenantId, organisationIds: [org.id] }));
  // The programme it belongs to, when all its goals are of one programme.
  const programmes = new Set(choices.goals.filter((g) => input.goalIds.includes(g.id)).map((g) => g.programmeId));
  return store.insertProposal(db, {
    tenant_id: tenantId,
    programme_id: programmes.size === 1 ? [...programmes][0]! : null,
    organisation_id: org.id,
    organisation_name: org.name,
    title: input.title,
    summary: input.summary,
    start_year: input.startYear,
    end_year: input.endYear,
    requested_cents: input.requestedCents,
    conditions: JSON.stringify(emptyConditions()) as never,
    goal_ids: JSON.stringify([...new Set(input.goalIds)]) as never,
    area_codes: JSON.stringify([...new Set(input.areaCodes)]) as never,
    created_at: principal.now,
  });
}

/** The proposals the principal may see: all for the coordinator, their organisations' for a professional. */
export async function listProposals(db: DbOrTrx, principal: Principal, tenantId: string) {
  authorize(mayAtAll(principal, 'subsidy.view', tenantId));
  const reach = reachOf(RULES, principal, 'subsidy.view');
  const rows = await store.listProposals(db, tenantId, reach === 'all' ? null : organisationsReaching(RULES, principal, 'subsidy.view'));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    organisationName: r.organisation_name,
    years: `${r.start_year}–${r.end_year}`,
    requestedCents: r.requested_cents,
    decision: r.decision,
    isDemo: r.is_demo,
  }));
}

async function row(db: DbOrTrx, tenantId: string, id: string): Promise<store.ProposalRow> {
  const r = isUuid(id) ? await store.proposalById(db, tenantId, id) : undefined;
  if (!r) throw NotFound();
  return r;
}

/** One proposal, for its organisation's professionals and the coordinator. */
export async function getProposal(db: DbOrTrx, principal: Principal, tenantId: string, id: string, locale: string): Promise<Proposal> {
  const r = await row(db, tenantId, id);
  authorize(can(principal, 'subsidy.view', factsOf(tenantId, r)));
  const goals = await store.goalsOfTenant(db, tenantId);
  const areas = await listAreas(db, tenantId);
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    title: r.title,
    summary: r.summary,
    startYear: r.start_year,
    endYear: r.end_year,
    requestedCents: r.requested_cents,
    conditions: { ...emptyConditions(), ...(r.conditions as Record<ConditionNo, ConditionJudgement>) },
    goals: r.goal_ids.flatMap((g) => {
      const x = goals.find((y) => y.id === g);
      return x
        ? [{ id: x.id, label: `${x.programme_title} · ${x.number}. ${locale === 'en' && x.title_en ? x.title_en : x.title_nl}` }]
        : [];
    }),
    areas: r.area_codes.map((c) => ({ code: c, name: areas.find((a) => a.code === c)?.name ?? c })),
    decision: r.decision,
    grantedCents: r.granted_cents,
    reasons: r.decision_reasons,
    decidedOn: r.decided_on,
    isDemo: r.is_demo,
    canDecide: can(principal, 'subsidy.decide', factsOf(tenantId, r)),
  };
}

/**
 * The coordinator's decision with the judgement of each condition, in one write. Refused with
 * field messages: a condition not judged, a judged condition without evidence, no reasons for
 * "partly" or "refused", "granted" with a condition not met and no reason, an amount above the
 * request, "partly" without an amount.
 */
export async function decideProposal(db: DbOrTrx, principal: Principal, tenantId: string, id: string, input: DecisionInput): Promise<void> {
  const r = await row(db, tenantId, id);
  authorize(can(principal, 'subsidy.decide', factsOf(tenantId, r)));
  const fields: FieldErrors = {};
  for (const c of CONDITIONS) {
    const j = input.conditions[c];
    if (!j || j.met === null) fields[`met${c}`] = 'programmes.subsidy.error.notJudged';
    else if (j.evidence.trim() === '') fields[`evidence${c}`] = 'programmes.subsidy.error.evidence';
  }
  const notMet = CONDITIONS.some((c) => input.conditions[c]?.met === false);
  const reasons = input.reasons.trim();
  if (reasons === '' && (input.decision !== 'granted' || notMet)) {
    fields.reasons = input.decision === 'granted' ? 'programmes.subsidy.error.reasonsNotMet' : 'programmes.subsidy.error.reasons';
  }
  let granted: number | null = null;
  if (input.decision === 'granted') granted = input.grantedCents ?? r.requested_cents;
  if (input.decision === 'partly') {
    if (input.grantedCents === null) fields.granted = 'programmes.subsidy.error.partlyAmount';
    granted = input.grantedCents;
  }
  if (granted !== null && (!Number.isInteger(granted) || granted < 0)) fields.granted = 'programmes.subsidy.error.amount';
  else if (granted !== null && r.requested_cents !== null && granted > r.requested_cents) {
    fields.granted = 'programmes.subsidy.error.aboveRequest';
  } else if (input.decision === 'partly' && granted !== null && r.requested_cents !== null && granted >= r.requested_cents) {
    fields.granted = 'programmes.subsidy.error.partlyAmount';
  }
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  await inTransaction(db, (trx) =>
    store.updateProposal(trx, tenantId, r.id, {
      conditions: JSON.stringify(
        Object.fromEntries(CONDITIONS.map((c) => [c, { met: input.conditions[c].met, evidence: input.conditions[c].evidence.trim() }])),
      ) as never,
      decision: input.decision,
      granted_cents: input.decision === 'refused' ? null : granted,
      decision_reasons: reasons,
      decided_on: localDate(principal.now),
      decided_by: principal.userId,
    }),
  );
}
