/**
 * "Learning together" across the installation (issue 16, scope 6): what each municipality of this
 * installation chose to publish. THE ONE EXCEPTION TO TENANT SCOPING in this module: these queries
 * read every municipality's rows on purpose, and every one of them says `published = true` itself
 * (the evaluation's own flag, also for its areas; the card's flag for cards). Call them with
 * the unscoped handle only from `installationLearning` (learning.service.ts). Only this module's tables.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';

export interface PublishedEvaluation {
  tenantId: string;
  id: string;
  reference: string;
  titleNl: string;
  titleEn: string;
  questionNl: string;
  questionEn: string;
  status: 'draft' | 'running' | 'finished';
  startDay: string;
  endDay: string | null;
  isDemo: boolean;
  areas: { code: string; role: 'intervention' | 'comparison' }[];
}

export interface PublishedCard {
  tenantId: string;
  slug: string;
  titleNl: string;
  titleEn: string;
  whatNl: string;
  whatEn: string;
  whereText: string;
  isDemo: boolean;
}

/** Published evaluations of every municipality, with their areas (per municipality, newest start first). */
export async function selectPublishedEvaluationsEverywhere(db: DbOrTrx): Promise<PublishedEvaluation[]> {
  const rows = await db
    .selectFrom('evaluation_evaluations')
    .select([
      'tenant_id',
      'id',
      'reference',
      'title_nl',
      'title_en',
      'question_nl',
      'question_en',
      'status',
      'start_day',
      'end_day',
      'is_demo',
    ])
    .where('published', '=', true)
    .orderBy('tenant_id')
    .orderBy('start_day', 'desc')
    .orderBy('reference', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const areas = await db
    .selectFrom('evaluation_areas as a')
    .innerJoin('evaluation_evaluations as e', (j) => j.onRef('e.tenant_id', '=', 'a.tenant_id').onRef('e.id', '=', 'a.evaluation_id'))
    .select(['a.tenant_id', 'a.evaluation_id', 'a.area_code', 'a.role'])
    .where('e.published', '=', true)
    .orderBy('a.area_code')
    .execute();
  const key = (tenantId: string, id: string) => `${tenantId}|${id}`;
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    id: r.id,
    reference: r.reference,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    questionNl: r.question_nl,
    questionEn: r.question_en,
    status: r.status,
    startDay: r.start_day,
    endDay: r.end_day,
    isDemo: r.is_demo,
    areas: areas
      .filter((a) => key(a.tenant_id, a.evaluation_id) === key(r.tenant_id, r.id))
      .map((a) => ({ code: a.area_code, role: a.role })),
  }));
}

/** Published intervention cards of every municipality (by title). */
export async function selectPublishedCardsEverywhere(db: DbOrTrx): Promise<PublishedCard[]> {
  const rows = await db
    .selectFrom('evaluation_interventions')
    .select(['tenant_id', 'slug', 'title_nl', 'title_en', 'what_nl', 'what_en', 'where_text', 'is_demo'])
    .where('published', '=', true)
    .orderBy('tenant_id')
    .orderBy('title_nl')
    .orderBy('slug')
    .execute();
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    slug: r.slug,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    whatNl: r.what_nl,
    whatEn: r.what_en,
    whereText: r.where_text,
    isDemo: r.is_demo,
  }));
}
