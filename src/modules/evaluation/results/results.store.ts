/**
 * Queries of the results feature: the evaluations to compute (with their areas and outcomes), the
 * stored results, and the published evaluations of a card or of areas. Only this module's tables.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { EstimateResult, Verdict } from '../estimate/estimate.types.ts';

export interface EvaluationHead {
  id: string;
  reference: string;
  cardId: string | null;
  titleNl: string;
  titleEn: string;
  questionNl: string;
  questionEn: string;
  startDay: string;
  endDay: string | null;
  method: 'did' | 'synthetic';
  seed: number;
  status: 'draft' | 'running' | 'finished';
  published: boolean;
  isDemo: boolean;
  sourceNote: string;
  areas: { code: string; role: 'intervention' | 'comparison'; chosen: 'coordinator' | 'suggested'; similarity: number | null }[];
  outcomes: string[];
}

export interface StoredResult {
  indicatorCode: string;
  verdict: Verdict;
  result: EstimateResult;
  /** Some measurements behind it are invented demo values. */
  demoValues: boolean;
  inputsHash: string;
  computedAt: Date;
}

const HEAD = [
  'id',
  'reference',
  'card_id',
  'title_nl',
  'title_en',
  'question_nl',
  'question_en',
  'start_day',
  'end_day',
  'method',
  'seed',
  'status',
  'published',
  'is_demo',
  'source_note',
] as const;

/** Evaluations with their areas and outcomes (ordered by reference), filtered by the caller's conditions. */
async function heads(
  db: DbOrTrx,
  tenantId: string,
  where: { ids?: readonly string[]; reference?: string; cardId?: string; statuses?: readonly string[]; publishedOnly?: boolean },
): Promise<EvaluationHead[]> {
  let q = db.selectFrom('evaluation_evaluations').select(HEAD).where('tenant_id', '=', tenantId);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    q = q.where('id', 'in', [...where.ids]);
  }
  if (where.reference !== undefined) q = q.where('reference', '=', where.reference);
  if (where.cardId !== undefined) q = q.where('card_id', '=', where.cardId);
  if (where.statuses) q = q.where('status', 'in', [...(where.statuses as EvaluationHead['status'][])]);
  if (where.publishedOnly) q = q.where('published', '=', true);
  const rows = await q.orderBy('reference').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [areas, outcomes] = await Promise.all([
    db
      .selectFrom('evaluation_areas')
      .select(['evaluation_id', 'area_code', 'role', 'chosen', 'similarity'])
      .where('tenant_id', '=', tenantId)
      .where('evaluation_id', 'in', ids)
      .orderBy('area_code')
      .execute(),
    db
      .selectFrom('evaluation_outcomes')
      .select(['evaluation_id', 'indicator_code'])
      .where('tenant_id', '=', tenantId)
      .where('evaluation_id', 'in', ids)
      .orderBy('position')
      .orderBy('indicator_code')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    cardId: r.card_id,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    questionNl: r.question_nl,
    questionEn: r.question_en,
    startDay: r.start_day,
    endDay: r.end_day,
    method: r.method,
    seed: r.seed,
    status: r.status,
    published: r.published,
    isDemo: r.is_demo,
    sourceNote: r.source_note,
    areas: areas
      .filter((a) => a.evaluation_id === r.id)
      .map((a) => ({ code: a.area_code, role: a.role, chosen: a.chosen, similarity: a.similarity })),
    outcomes: outcomes.filter((o) => o.evaluation_id === r.id).map((o) => o.indicator_code),
  }));
}

/** The evaluations the job computes: running or finished (drafts are not computed). */
export function computableEvaluations(db: DbOrTrx, tenantId: string, ids?: readonly string[]): Promise<EvaluationHead[]> {
  return heads(db, tenantId, { statuses: ['running', 'finished'], ...(ids ? { ids } : {}) });
}

export async function evaluationByReference(db: DbOrTrx, tenantId: string, reference: string): Promise<EvaluationHead | null> {
  return (await heads(db, tenantId, { reference }))[0] ?? null;
}

export function evaluationsOfCard(db: DbOrTrx, tenantId: string, cardId: string, publishedOnly: boolean): Promise<EvaluationHead[]> {
  return heads(db, tenantId, { cardId, publishedOnly });
}

/** Published evaluations with an intervention area among `areaCodes`. */
export async function publishedForAreas(db: DbOrTrx, tenantId: string, areaCodes: readonly string[]): Promise<EvaluationHead[]> {
  if (areaCodes.length === 0) return [];
  const ids = await db
    .selectFrom('evaluation_areas')
    .select('evaluation_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'intervention')
    .where('area_code', 'in', [...areaCodes])
    .execute();
  return heads(db, tenantId, { ids: ids.map((r) => r.evaluation_id), publishedOnly: true });
}

/** Stored results of some evaluations, by evaluation id. */
export async function storedResults(db: DbOrTrx, tenantId: string, evaluationIds: readonly string[]): Promise<Map<string, StoredResult[]>> {
  const out = new Map<string, StoredResult[]>();
  if (evaluationIds.length === 0) return out;
  const rows = await db
    .selectFrom('evaluation_results')
    .select(['evaluation_id', 'indicator_code', 'verdict', 'result', 'inputs_hash', 'computed_at'])
    .where('tenant_id', '=', tenantId)
    .where('evaluation_id', 'in', [...evaluationIds])
    .execute();
  for (const r of rows) {
    const list = out.get(r.evaluation_id) ?? [];
    list.push({
      indicatorCode: r.indicator_code,
      verdict: r.verdict,
      result: r.result as unknown as EstimateResult,
      demoValues: (r.result as { demoValues?: unknown }).demoValues === true,
      inputsHash: r.inputs_hash,
      computedAt: r.computed_at,
    });
    out.set(r.evaluation_id, list);
  }
  return out;
}

/** Store one outcome's result (replacing the previous one). */
export async function saveResult(
  db: DbOrTrx,
  tenantId: string,
  evaluationId: string,
  row: { indicatorCode: string; result: EstimateResult; demoValues: boolean; inputsHash: string; computedAt: Date },
): Promise<void> {
  const values = {
    verdict: row.result.verdict,
    // The estimate as estimate/ gives it, plus whether demo values went into it.
    result: JSON.stringify({ ...row.result, demoValues: row.demoValues }) as never,
    inputs_hash: row.inputsHash,
    computed_at: row.computedAt,
  };
  await db
    .insertInto('evaluation_results')
    .values({ tenant_id: tenantId, evaluation_id: evaluationId, indicator_code: row.indicatorCode, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'evaluation_id', 'indicator_code']).doUpdateSet(values))
    .execute();
}

/** Remove results of outcomes the evaluation no longer has. */
export async function removeResultsExcept(db: DbOrTrx, tenantId: string, evaluationId: string, keep: readonly string[]): Promise<void> {
  let q = db.deleteFrom('evaluation_results').where('tenant_id', '=', tenantId).where('evaluation_id', '=', evaluationId);
  if (keep.length > 0) q = q.where('indicator_code', 'not in', [...keep]);
  await q.execute();
}
