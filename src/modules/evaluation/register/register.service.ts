/**
 * Registered evaluations (issue 16, scope 1): register and change one (coordinator,
 * `evaluation.manage`), read one or a list (staff see drafts and unpublished ones; everybody else
 * only published evaluations), set the status and publish (`evaluation.publish`). Everything of one
 * evaluation is written in one transaction after the refusals (register.checks.ts): nothing is
 * half-stored. The reference is EVA-<year of the start day>-<number>, numbered per municipality.
 */
import { z } from 'zod';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { checkForm } from '../../../platform/http/forms.ts';
import type { Principal } from '../../../platform/principal.ts';
import { allow, seesDrafts } from './register.access.ts';
import { refusals, warningsOf, type EvaluationWarning } from './register.checks.ts';
import { evaluationInput, type EvaluationData, type EvaluationInput } from './register.schemas.ts';
import * as store from './register.store.ts';
import type { Evaluation, EvaluationArea, EvaluationOutcome, EvaluationStatus } from './register.store.ts';
import { suggestComparisonAreas } from './suggest.service.ts';
import { scheduleResultsCompute } from '../results/compute.ts';

export interface EvaluationDetail {
  evaluation: Evaluation;
  areas: EvaluationArea[];
  outcomes: EvaluationOutcome[];
}

export interface Registered {
  id: string;
  reference: string;
  warnings: EvaluationWarning[];
}

const REFERENCE = /^EVA-\d{4}-\d{4,6}$/;
const today = (p: Principal) => p.now.toISOString().slice(0, 10);

function parse(input: EvaluationInput): EvaluationData {
  const parsed = checkForm(evaluationInput, input);
  if (!parsed.ok) throw Invalid(parsed.errors);
  return parsed.data;
}

/** Intervention and comparison areas as stored; the suggested ones with their distance computed again here. */
async function areasOf(db: DbOrTrx, principal: Principal, tenantId: string, d: EvaluationData): Promise<EvaluationArea[]> {
  const suggested = d.suggestedCodes.filter((c) => d.comparisonCodes.includes(c));
  const distance = new Map<string, number | null>();
  if (suggested.length > 0) {
    const s = await suggestComparisonAreas(db, principal, tenantId, {
      interventionCodes: d.interventionCodes,
      indicatorCodes: d.indicatorCodes,
      startDay: d.startDay,
      limit: 500,
    });
    for (const x of s.suggestions) distance.set(x.areaCode, x.distance);
  }
  return [
    ...[...new Set(d.interventionCodes)].map((areaCode): EvaluationArea => ({
      areaCode,
      role: 'intervention',
      chosen: 'coordinator',
      similarity: null,
    })),
    ...[...new Set(d.comparisonCodes)].map((areaCode): EvaluationArea =>
      suggested.includes(areaCode)
        ? { areaCode, role: 'comparison', chosen: 'suggested', similarity: distance.get(areaCode) ?? null }
        : { areaCode, role: 'comparison', chosen: 'coordinator', similarity: null },
    ),
  ];
}

function fieldsOf(d: EvaluationData, isDemo: boolean, seed?: number): store.EvaluationFields {
  return {
    cardId: d.cardId,
    titleNl: d.titleNl,
    titleEn: d.titleEn,
    questionNl: d.questionNl,
    questionEn: d.questionEn,
    startDay: d.startDay,
    endDay: d.endDay,
    method: d.method,
    status: d.status,
    published: d.published,
    sourceNote: d.sourceNote,
    isDemo,
    ...(seed !== undefined ? { seed } : {}),
  };
}

/**
 * Register an evaluation. Refused (422, nothing stored) as register.checks.ts says; returns the
 * reference and the warnings. Publishing right away needs `evaluation.publish` too.
 */
export async function registerEvaluation(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  input: EvaluationInput,
  opts: { isDemo?: boolean; seed?: number } = {},
): Promise<Registered> {
  allow(principal, tenantId, 'evaluation.manage');
  const d = parse(input);
  if (d.published) allow(principal, tenantId, 'evaluation.publish');
  return inTransaction(db, async (trx) => {
    await refusals(trx, principal, tenantId, d);
    const areas = await areasOf(trx, principal, tenantId, d);
    await store.lockReferences(trx, tenantId);
    const year = Number(d.startDay.slice(0, 4));
    const n = (await store.lastReferenceNumber(trx, tenantId, year)) + 1;
    const reference = `EVA-${year}-${String(n).padStart(4, '0')}`;
    const id = await store.insertEvaluation(
      trx,
      tenantId,
      reference,
      fieldsOf(d, opts.isDemo ?? false, opts.seed),
      principal.userId,
      principal.now,
    );
    await store.replaceParts(trx, tenantId, id, { areas, outcomes: [...new Set(d.indicatorCodes)] });
    await scheduleResultsCompute(trx, tenantId, id, principal.now); // results/: computed by a job, at once
    return { id, reference, warnings: await warningsOf(trx, principal, tenantId, d, today(principal)) };
  });
}

async function findByReference(db: DbOrTrx, tenantId: string, reference: string): Promise<Evaluation | undefined> {
  if (!REFERENCE.test(reference)) return undefined;
  return (await store.selectEvaluations(db, tenantId, { reference }))[0];
}

/** Change an evaluation (everything but its reference); the same refusals as registering. */
export async function updateEvaluation(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
  input: EvaluationInput,
): Promise<Registered> {
  allow(principal, tenantId, 'evaluation.manage');
  const d = parse(input);
  return inTransaction(db, async (trx) => {
    const current = await findByReference(trx, tenantId, reference);
    if (!current) throw NotFound();
    if (d.published !== current.published) allow(principal, tenantId, 'evaluation.publish');
    await refusals(trx, principal, tenantId, d);
    const areas = await areasOf(trx, principal, tenantId, d);
    await store.updateEvaluationRow(trx, tenantId, current.id, fieldsOf(d, current.isDemo), principal.now);
    await store.replaceParts(trx, tenantId, current.id, { areas, outcomes: [...new Set(d.indicatorCodes)] });
    await scheduleResultsCompute(trx, tenantId, current.id, principal.now);
    return { id: current.id, reference, warnings: await warningsOf(trx, principal, tenantId, d, today(principal)) };
  });
}

async function detailsOf(db: DbOrTrx, tenantId: string, evaluations: Evaluation[]): Promise<EvaluationDetail[]> {
  const ids = evaluations.map((e) => e.id);
  const [areas, outcomes] = await Promise.all([store.selectAreas(db, tenantId, ids), store.selectOutcomes(db, tenantId, ids)]);
  return evaluations.map((evaluation) => ({
    evaluation,
    areas: areas.get(evaluation.id) ?? [],
    outcomes: outcomes.get(evaluation.id) ?? [],
  }));
}

/** One evaluation by reference: staff see every one of their municipality, others only published ones (else NotFound). */
export async function getEvaluation(db: DbOrTrx, principal: Principal, tenantId: string, reference: string): Promise<EvaluationDetail> {
  allow(principal, tenantId, 'evaluation.view');
  const found = await findByReference(db, tenantId, reference);
  if (!found || (!found.published && !seesDrafts(principal, tenantId))) throw NotFound();
  return (await detailsOf(db, tenantId, [found]))[0]!;
}

/** Evaluations of the municipality (newest start first); non-staff and `publishedOnly` get only published ones. */
export async function listEvaluations(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  filter: { cardId?: string; areaCode?: string; status?: EvaluationStatus; publishedOnly?: boolean } = {},
): Promise<EvaluationDetail[]> {
  allow(principal, tenantId, 'evaluation.view');
  if (filter.cardId !== undefined && !z.string().uuid().safeParse(filter.cardId).success) return [];
  const publishedOnly = filter.publishedOnly === true || !seesDrafts(principal, tenantId);
  const ids = filter.areaCode !== undefined ? await store.evaluationIdsWithArea(db, tenantId, filter.areaCode) : undefined;
  const rows = await store.selectEvaluations(db, tenantId, {
    ...(ids ? { ids } : {}),
    ...(filter.cardId !== undefined ? { cardId: filter.cardId } : {}),
    ...(filter.status !== undefined ? { status: filter.status } : {}),
    publishedOnly,
  });
  return detailsOf(db, tenantId, rows);
}

/** The warnings of a stored evaluation (staff: the form and the list show them). */
export async function evaluationWarnings(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
): Promise<EvaluationWarning[]> {
  allow(principal, tenantId, 'evaluation.viewDraft');
  const { evaluation, areas, outcomes } = await getEvaluation(db, principal, tenantId, reference);
  return warningsOf(
    db,
    principal,
    tenantId,
    {
      interventionCodes: areas.filter((a) => a.role === 'intervention').map((a) => a.areaCode),
      comparisonCodes: areas.filter((a) => a.role === 'comparison').map((a) => a.areaCode),
      indicatorCodes: outcomes.map((o) => o.indicatorCode),
      startDay: evaluation.startDay,
      endDay: evaluation.endDay,
    },
    today(principal),
  );
}

const statusSchema = z.enum(['draft', 'running', 'finished']);

/** Set the status: concept (draft), loopt (running) or afgerond (finished). */
export async function setEvaluationStatus(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
  status: EvaluationStatus,
): Promise<void> {
  allow(principal, tenantId, 'evaluation.manage');
  if (!statusSchema.safeParse(status).success) throw Invalid({ status: 'form.invalidValue' });
  const found = await findByReference(db, tenantId, reference);
  if (!found) throw NotFound();
  await store.setStatusAndPublished(db, tenantId, found.id, { status }, principal.now);
  await scheduleResultsCompute(db, tenantId, found.id, principal.now);
}

/** Publish (or withdraw): only published evaluations are shown to residents and other municipalities. */
export async function publishEvaluation(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
  published: boolean,
): Promise<void> {
  allow(principal, tenantId, 'evaluation.publish');
  const found = await findByReference(db, tenantId, reference);
  if (!found) throw NotFound();
  await store.setStatusAndPublished(db, tenantId, found.id, { published }, principal.now);
}
