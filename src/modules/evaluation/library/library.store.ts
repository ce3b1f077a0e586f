/** Queries of the intervention library (evaluation_interventions; this module's table only). */
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { EvaluationInterventionsTable, InterventionEffect, InterventionLevel } from '../evaluation.tables.ts';

export type InterventionRow = Selectable<EvaluationInterventionsTable>;

/** One intervention card as the services and views use it (camelCase). */
export interface Intervention {
  id: string;
  tenantId: string;
  slug: string;
  titleNl: string;
  titleEn: string;
  whatNl: string;
  whatEn: string;
  forWhomNl: string;
  forWhomEn: string;
  whereText: string;
  costNl: string;
  costEn: string;
  costCentsPerYear: number | null;
  effectNl: string;
  effectEn: string;
  effect: InterventionEffect | null;
  lessonsNl: string;
  lessonsEn: string;
  contactOrganisation: string;
  functions: string[];
  targetGroups: string[];
  level: InterventionLevel;
  origin: 'manual' | 'evaluation' | 'import';
  evaluationId: string | null;
  originInstallation: string | null;
  originMunicipality: string;
  originMunicipalityCode: string;
  published: boolean;
  sourceNote: string;
  isDemo: boolean;
  createdBy: string | null;
  updatedAt: Date;
}

/** The columns written for a card (everything but ids and stamps). */
export type InterventionFields = Omit<Intervention, 'id' | 'tenantId' | 'updatedAt' | 'createdBy'>;

function toIntervention(r: InterventionRow): Intervention {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    slug: r.slug,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    whatNl: r.what_nl,
    whatEn: r.what_en,
    forWhomNl: r.for_whom_nl,
    forWhomEn: r.for_whom_en,
    whereText: r.where_text,
    costNl: r.cost_nl,
    costEn: r.cost_en,
    costCentsPerYear: r.cost_cents_per_year,
    effectNl: r.effect_nl,
    effectEn: r.effect_en,
    effect: r.effect,
    lessonsNl: r.lessons_nl,
    lessonsEn: r.lessons_en,
    contactOrganisation: r.contact_organisation,
    functions: r.functions,
    targetGroups: r.target_groups,
    level: r.level,
    origin: r.origin,
    evaluationId: r.evaluation_id,
    originInstallation: r.origin_installation,
    originMunicipality: r.origin_municipality,
    originMunicipalityCode: r.origin_municipality_code,
    published: r.published,
    sourceNote: r.source_note,
    isDemo: r.is_demo,
    createdBy: r.created_by,
    updatedAt: new Date(r.updated_at),
  };
}

function columns(f: InterventionFields) {
  return {
    slug: f.slug,
    title_nl: f.titleNl,
    title_en: f.titleEn,
    what_nl: f.whatNl,
    what_en: f.whatEn,
    for_whom_nl: f.forWhomNl,
    for_whom_en: f.forWhomEn,
    where_text: f.whereText,
    cost_nl: f.costNl,
    cost_en: f.costEn,
    cost_cents_per_year: f.costCentsPerYear,
    effect_nl: f.effectNl,
    effect_en: f.effectEn,
    effect: f.effect === null ? null : (JSON.stringify(f.effect) as unknown as InterventionEffect),
    lessons_nl: f.lessonsNl,
    lessons_en: f.lessonsEn,
    contact_organisation: f.contactOrganisation,
    functions: JSON.stringify(f.functions) as unknown as string[],
    target_groups: JSON.stringify(f.targetGroups) as unknown as string[],
    level: f.level,
    origin: f.origin,
    evaluation_id: f.evaluationId,
    origin_installation: f.originInstallation,
    origin_municipality: f.originMunicipality,
    origin_municipality_code: f.originMunicipalityCode,
    published: f.published,
    source_note: f.sourceNote,
    is_demo: f.isDemo,
  };
}

/** The municipality's cards, by title; only published ones unless `includeDrafts`. */
export async function selectInterventions(
  db: DbOrTrx,
  tenantId: string,
  opts: { includeDrafts: boolean; slugs?: readonly string[] },
): Promise<Intervention[]> {
  let q = db.selectFrom('evaluation_interventions').selectAll().where('tenant_id', '=', tenantId);
  if (!opts.includeDrafts) q = q.where('published', '=', true);
  if (opts.slugs) {
    if (opts.slugs.length === 0) return [];
    q = q.where('slug', 'in', opts.slugs);
  }
  const rows = await q.orderBy('title_nl').orderBy('slug').execute();
  return rows.map(toIntervention);
}

/** Slugs in use in the municipality (drafts too). */
export async function takenSlugs(db: DbOrTrx, tenantId: string, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .selectFrom('evaluation_interventions')
    .select('slug')
    .where('tenant_id', '=', tenantId)
    .where('slug', 'in', slugs)
    .execute();
  return rows.map((r) => r.slug);
}

export async function insertIntervention(
  db: DbOrTrx,
  tenantId: string,
  f: InterventionFields,
  createdBy: string | null,
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('evaluation_interventions')
    .values({ tenant_id: tenantId, ...columns(f), created_by: createdBy, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateIntervention(db: DbOrTrx, tenantId: string, id: string, f: InterventionFields, now: Date): Promise<void> {
  await db
    .updateTable('evaluation_interventions')
    .set({ ...columns(f), updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function setPublished(db: DbOrTrx, tenantId: string, id: string, published: boolean, now: Date): Promise<void> {
  await db
    .updateTable('evaluation_interventions')
    .set({ published, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}
