/**
 * The evaluation demo's writes (demo.ts): one evaluation with its areas and outcome indicators,
 * straight into this module's tables, marked is_demo. Only this module's tables.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';

export interface DemoEvaluationRow {
  cardId: string | null;
  titleNl: string;
  titleEn: string;
  questionNl: string;
  questionEn: string;
  startDay: string;
  endDay: string | null;
  sourceNote: string;
  intervention: readonly string[];
  comparison: readonly string[];
  outcomes: readonly string[];
}

/** The demo evaluation of a card already there (the seed is idempotent): its id, or null. */
export async function findDemoEvaluation(db: DbOrTrx, tenantId: string, cardId: string | null): Promise<string | null> {
  let q = db.selectFrom('evaluation_evaluations').select('id').where('tenant_id', '=', tenantId).where('is_demo', '=', true);
  q = cardId === null ? q.where('card_id', 'is', null) : q.where('card_id', '=', cardId);
  const row = await q.executeTakeFirst();
  return row?.id ?? null;
}

/** Inserts a running, published demo evaluation with the next free reference of its start year; its id. */
export async function insertDemoEvaluation(db: DbOrTrx, tenantId: string, e: DemoEvaluationRow, now: Date): Promise<string> {
  const year = Number(e.startDay.slice(0, 4)); // as register.service numbers them: EVA-<year of the start day>-<number>
  const used = await db
    .selectFrom('evaluation_evaluations')
    .select('reference')
    .where('tenant_id', '=', tenantId)
    .where('reference', 'like', `EVA-${year}-%`)
    .execute();
  const next = used.reduce((max, r) => Math.max(max, Number(r.reference.slice(9)) || 0), 0) + 1;
  const { id } = await db
    .insertInto('evaluation_evaluations')
    .values({
      tenant_id: tenantId,
      reference: `EVA-${year}-${String(next).padStart(4, '0')}`,
      card_id: e.cardId,
      title_nl: e.titleNl,
      title_en: e.titleEn,
      question_nl: e.questionNl,
      question_en: e.questionEn,
      start_day: e.startDay,
      end_day: e.endDay,
      method: 'did',
      status: 'running',
      published: true,
      source_note: e.sourceNote,
      is_demo: true,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('evaluation_areas')
    .values([
      ...e.intervention.map((code) => ({ tenant_id: tenantId, evaluation_id: id, area_code: code, role: 'intervention' as const })),
      ...e.comparison.map((code) => ({ tenant_id: tenantId, evaluation_id: id, area_code: code, role: 'comparison' as const })),
    ])
    .execute();
  await db
    .insertInto('evaluation_outcomes')
    .values(e.outcomes.map((code, position) => ({ tenant_id: tenantId, evaluation_id: id, indicator_code: code, position })))
    .execute();
  return id;
}
