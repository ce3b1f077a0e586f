/**
 * Queries of registered evaluations (issue 16): the evaluation row, its areas (intervention and
 * comparison) and its outcome indicators. Only this module's tables.
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

export type EvaluationStatus = 'draft' | 'running' | 'finished';
export type EvaluationMethod = 'did' | 'synthetic';

export interface Evaluation {
  tenantId: string;
  id: string;
  reference: string;
  cardId: string | null;
  titleNl: string;
  titleEn: string;
  questionNl: string;
  questionEn: string;
  startDay: string;
  endDay: string | null;
  method: EvaluationMethod;
  seed: number;
  status: EvaluationStatus;
  published: boolean;
  createdBy: string | null;
  sourceNote: string;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface EvaluationArea {
  areaCode: string;
  role: 'intervention' | 'comparison';
  chosen: 'coordinator' | 'suggested';
  /** Distance to the intervention areas when taken from the suggestion (lower: more alike). */
  similarity: number | null;
}

export interface EvaluationOutcome {
  indicatorCode: string;
  position: number;
}

/** What is written for an evaluation (the reference, id and stamps are the store's). */
export interface EvaluationFields {
  cardId: string | null;
  titleNl: string;
  titleEn: string;
  questionNl: string;
  questionEn: string;
  startDay: string;
  endDay: string | null;
  method: EvaluationMethod;
  status: EvaluationStatus;
  published: boolean;
  sourceNote: string;
  isDemo: boolean;
  seed?: number;
}

type Row = {
  tenant_id: string;
  id: string;
  reference: string;
  card_id: string | null;
  title_nl: string;
  title_en: string;
  question_nl: string;
  question_en: string;
  start_day: string;
  end_day: string | null;
  method: EvaluationMethod;
  seed: number;
  status: EvaluationStatus;
  published: boolean;
  created_by: string | null;
  source_note: string;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
};

const toEvaluation = (r: Row): Evaluation => ({
  tenantId: r.tenant_id,
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
  createdBy: r.created_by,
  sourceNote: r.source_note,
  isDemo: r.is_demo,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function selectEvaluations(
  db: DbOrTrx,
  tenantId: string,
  filter: { ids?: readonly string[]; reference?: string; cardId?: string; status?: EvaluationStatus; publishedOnly?: boolean } = {},
): Promise<Evaluation[]> {
  let q = db.selectFrom('evaluation_evaluations').selectAll().where('tenant_id', '=', tenantId);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('id', 'in', [...filter.ids]);
  }
  if (filter.reference !== undefined) q = q.where('reference', '=', filter.reference);
  if (filter.cardId !== undefined) q = q.where('card_id', '=', filter.cardId);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.publishedOnly) q = q.where('published', '=', true);
  const rows = await q.orderBy('start_day', 'desc').orderBy('reference', 'desc').execute();
  return rows.map((r) => toEvaluation(r as Row));
}

/** Ids of the evaluations that have this area (as intervention or comparison). */
export async function evaluationIdsWithArea(db: DbOrTrx, tenantId: string, areaCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('evaluation_areas')
    .select('evaluation_id')
    .where('tenant_id', '=', tenantId)
    .where('area_code', '=', areaCode)
    .execute();
  return rows.map((r) => r.evaluation_id);
}

export async function selectAreas(db: DbOrTrx, tenantId: string, evaluationIds: readonly string[]): Promise<Map<string, EvaluationArea[]>> {
  const out = new Map<string, EvaluationArea[]>();
  if (evaluationIds.length === 0) return out;
  const rows = await db
    .selectFrom('evaluation_areas')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('evaluation_id', 'in', [...evaluationIds])
    .orderBy('role', 'desc')
    .orderBy('area_code')
    .execute();
  for (const r of rows) {
    const list = out.get(r.evaluation_id) ?? [];
    list.push({ areaCode: r.area_code, role: r.role, chosen: r.chosen, similarity: r.similarity });
    out.set(r.evaluation_id, list);
  }
  return out;
}

export async function selectOutcomes(
  db: DbOrTrx,
  tenantId: string,
  evaluationIds: readonly string[],
): Promise<Map<string, EvaluationOutcome[]>> {
  const out = new Map<string, EvaluationOutcome[]>();
  if (evaluationIds.length === 0) return out;
  const rows = await db
    .selectFrom('evaluation_outcomes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('evaluation_id', 'in', [...evaluationIds])
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.evaluation_id) ?? [];
    list.push({ indicatorCode: r.indicator_code, position: r.position });
    out.set(r.evaluation_id, list);
  }
  return out;
}

/**
 * Serialises reference numbering within one municipality until the transaction ends, so two
 * registrations at the same moment get different numbers instead of a unique violation.
 */
export async function lockReferences(trx: DbOrTrx, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`evaluation-reference:${tenantId}`}))`.execute(trx);
}

/** The highest sequence number used in references of one year ("EVA-2026-0007" → 7), 0 when none. */
export async function lastReferenceNumber(db: DbOrTrx, tenantId: string, year: number): Promise<number> {
  const rows = await db
    .selectFrom('evaluation_evaluations')
    .select('reference')
    .where('tenant_id', '=', tenantId)
    .where('reference', 'like', `EVA-${year}-%`)
    .execute();
  return rows.reduce((max, r) => Math.max(max, Number(r.reference.slice(9)) || 0), 0);
}

const columnsOf = (f: EvaluationFields) => ({
  card_id: f.cardId,
  title_nl: f.titleNl,
  title_en: f.titleEn,
  question_nl: f.questionNl,
  question_en: f.questionEn,
  start_day: f.startDay,
  end_day: f.endDay,
  method: f.method,
  status: f.status,
  published: f.published,
  source_note: f.sourceNote,
  is_demo: f.isDemo,
  ...(f.seed !== undefined ? { seed: f.seed } : {}),
});

export async function insertEvaluation(
  db: DbOrTrx,
  tenantId: string,
  reference: string,
  f: EvaluationFields,
  createdBy: string | null,
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('evaluation_evaluations')
    .values({ tenant_id: tenantId, reference, ...columnsOf(f), created_by: createdBy, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEvaluationRow(db: DbOrTrx, tenantId: string, id: string, f: EvaluationFields, now: Date): Promise<void> {
  await db
    .updateTable('evaluation_evaluations')
    .set({ ...columnsOf(f), updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function setStatusAndPublished(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  set: { status?: EvaluationStatus; published?: boolean },
  now: Date,
): Promise<void> {
  await db
    .updateTable('evaluation_evaluations')
    .set({ ...set, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Replaces the areas and outcome indicators of one evaluation. */
export async function replaceParts(
  db: DbOrTrx,
  tenantId: string,
  evaluationId: string,
  parts: { areas: readonly EvaluationArea[]; outcomes: readonly string[] },
): Promise<void> {
  await db.deleteFrom('evaluation_areas').where('tenant_id', '=', tenantId).where('evaluation_id', '=', evaluationId).execute();
  await db.deleteFrom('evaluation_outcomes').where('tenant_id', '=', tenantId).where('evaluation_id', '=', evaluationId).execute();
  if (parts.areas.length > 0) {
    await db
      .insertInto('evaluation_areas')
      .values(
        parts.areas.map((a) => ({
          tenant_id: tenantId,
          evaluation_id: evaluationId,
          area_code: a.areaCode,
          role: a.role,
          chosen: a.chosen,
          similarity: a.similarity,
        })),
      )
      .execute();
  }
  if (parts.outcomes.length > 0) {
    await db
      .insertInto('evaluation_outcomes')
      .values(parts.outcomes.map((code, i) => ({ tenant_id: tenantId, evaluation_id: evaluationId, indicator_code: code, position: i })))
      .execute();
  }
}
