import type { DbOrTrx } from '../../../platform/db/database.ts';

/** Queries of programmes, goals and line activities (this module's tables only). */

export interface Programme {
  id: string;
  tenantId: string;
  slug: string;
  titleNl: string;
  titleEn: string;
  summaryNl: string;
  summaryEn: string;
  /** A role, never a person's name. */
  ownerRole: string;
  startYear: number;
  endYear: number | null;
  status: 'draft' | 'active' | 'closed';
  sourceNote: string;
  isDemo: boolean;
}

export interface Goal {
  id: string;
  programmeId: string;
  /** null: a tactical goal; else the tactical goal this operational goal serves. */
  parentId: string | null;
  number: string;
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  sort: number;
  sourceNote: string;
}

export interface LineActivity {
  id: string;
  programmeId: string;
  number: number;
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  /** Set when it became a project card. */
  projectId: string | null;
  sourceNote: string;
}

export type ProgrammeFields = Omit<Programme, 'id' | 'tenantId'>;
export type GoalFields = Omit<Goal, 'id'>;
export type LineActivityFields = Omit<LineActivity, 'id' | 'projectId'>;

type ProgrammeRow = {
  id: string;
  tenant_id: string;
  slug: string;
  title_nl: string;
  title_en: string;
  summary_nl: string;
  summary_en: string;
  owner_role: string;
  start_year: number;
  end_year: number | null;
  status: 'draft' | 'active' | 'closed';
  source_note: string;
  is_demo: boolean;
};

function toProgramme(r: ProgrammeRow): Programme {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    slug: r.slug,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    summaryNl: r.summary_nl,
    summaryEn: r.summary_en,
    ownerRole: r.owner_role,
    startYear: r.start_year,
    endYear: r.end_year,
    status: r.status,
    sourceNote: r.source_note,
    isDemo: r.is_demo,
  };
}

function programmeValues(p: ProgrammeFields) {
  return {
    slug: p.slug,
    title_nl: p.titleNl,
    title_en: p.titleEn,
    summary_nl: p.summaryNl,
    summary_en: p.summaryEn,
    owner_role: p.ownerRole,
    start_year: p.startYear,
    end_year: p.endYear,
    status: p.status,
    source_note: p.sourceNote,
    is_demo: p.isDemo,
  };
}

export async function selectProgrammes(db: DbOrTrx, tenantId: string, opts: { includeDrafts: boolean }): Promise<Programme[]> {
  let q = db.selectFrom('programmes').selectAll().where('tenant_id', '=', tenantId);
  if (!opts.includeDrafts) q = q.where('status', '!=', 'draft');
  return (await q.orderBy('start_year', 'desc').orderBy('title_nl').execute()).map(toProgramme);
}

export async function findProgramme(db: DbOrTrx, tenantId: string, by: { slug: string } | { id: string }): Promise<Programme | null> {
  let q = db.selectFrom('programmes').selectAll().where('tenant_id', '=', tenantId);
  q = 'slug' in by ? q.where('slug', '=', by.slug) : q.where('id', '=', by.id);
  const r = await q.executeTakeFirst();
  return r ? toProgramme(r) : null;
}

export async function insertProgramme(db: DbOrTrx, tenantId: string, p: ProgrammeFields): Promise<string> {
  const r = await db
    .insertInto('programmes')
    .values({ tenant_id: tenantId, ...programmeValues(p) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProgrammeRow(db: DbOrTrx, tenantId: string, id: string, p: ProgrammeFields): Promise<void> {
  await db.updateTable('programmes').set(programmeValues(p)).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function slugTaken(db: DbOrTrx, tenantId: string, slug: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('programmes').select('id').where('tenant_id', '=', tenantId).where('slug', '=', slug);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function selectGoals(db: DbOrTrx, tenantId: string, programmeId?: string): Promise<Goal[]> {
  let q = db.selectFrom('programme_goals').selectAll().where('tenant_id', '=', tenantId);
  if (programmeId) q = q.where('programme_id', '=', programmeId);
  const rows = await q.orderBy('sort').orderBy('number').execute();
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    parentId: r.parent_id,
    number: r.number,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    descriptionNl: r.description_nl,
    descriptionEn: r.description_en,
    sort: r.sort,
    sourceNote: r.source_note,
  }));
}

export async function insertGoal(db: DbOrTrx, tenantId: string, g: GoalFields): Promise<string> {
  const r = await db
    .insertInto('programme_goals')
    .values({
      tenant_id: tenantId,
      programme_id: g.programmeId,
      parent_id: g.parentId,
      number: g.number,
      title_nl: g.titleNl,
      title_en: g.titleEn,
      description_nl: g.descriptionNl,
      description_en: g.descriptionEn,
      sort: g.sort,
      source_note: g.sourceNote,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateGoalRow(db: DbOrTrx, tenantId: string, id: string, g: Omit<GoalFields, 'programmeId'>): Promise<void> {
  await db
    .updateTable('programme_goals')
    .set({
      parent_id: g.parentId,
      number: g.number,
      title_nl: g.titleNl,
      title_en: g.titleEn,
      description_nl: g.descriptionNl,
      description_en: g.descriptionEn,
      sort: g.sort,
      source_note: g.sourceNote,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function selectLineActivities(db: DbOrTrx, tenantId: string, programmeId: string): Promise<LineActivity[]> {
  const rows = await db
    .selectFrom('programme_line_activities')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('programme_id', '=', programmeId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    number: r.number,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    descriptionNl: r.description_nl,
    descriptionEn: r.description_en,
    projectId: r.project_id,
    sourceNote: r.source_note,
  }));
}

export async function insertLineActivity(db: DbOrTrx, tenantId: string, a: LineActivityFields): Promise<string> {
  const r = await db
    .insertInto('programme_line_activities')
    .values({
      tenant_id: tenantId,
      programme_id: a.programmeId,
      number: a.number,
      title_nl: a.titleNl,
      title_en: a.titleEn,
      description_nl: a.descriptionNl,
      description_en: a.descriptionEn,
      source_note: a.sourceNote,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setLineActivityProject(db: DbOrTrx, tenantId: string, id: string, projectId: string | null): Promise<void> {
  await db
    .updateTable('programme_line_activities')
    .set({ project_id: projectId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}
