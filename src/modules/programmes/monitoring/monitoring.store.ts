/** Queries of the project monitoring (only this module's tables). */
import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { ProjectMonitorInvitationsTable, ProjectMonitorResponsesTable } from '../programmes.tables.ts';
import type { Phase, RespondentRole } from './monitoring.questions.ts';

export interface ProjectRef {
  id: string;
  programme_id: string;
  programme_slug: string;
  programme_title_nl: string;
  programme_title_en: string;
  number: string;
  title_nl: string;
  title_en: string;
  planned_end: string | null;
  actual_end: string | null;
  owner_organisation_id: string | null;
}

const projectColumns = [
  'p.id',
  'p.programme_id',
  'g.slug as programme_slug',
  'g.title_nl as programme_title_nl',
  'g.title_en as programme_title_en',
  'p.number',
  'p.title_nl',
  'p.title_en',
  'p.planned_end',
  'p.actual_end',
  'p.owner_organisation_id',
] as const;

function projects(db: DbOrTrx, tenantId: string) {
  return db
    .selectFrom('programme_projects as p')
    .innerJoin('programmes as g', (j) => j.onRef('g.tenant_id', '=', 'p.tenant_id').onRef('g.id', '=', 'p.programme_id'))
    .select(projectColumns)
    .where('p.tenant_id', '=', tenantId);
}

export function projectById(db: DbOrTrx, tenantId: string, id: string): Promise<ProjectRef | undefined> {
  return projects(db, tenantId).where('p.id', '=', id).executeTakeFirst();
}

export function projectsOfProgramme(db: DbOrTrx, tenantId: string, programmeId: string): Promise<ProjectRef[]> {
  return projects(db, tenantId).where('p.programme_id', '=', programmeId).orderBy('p.number').execute();
}

export function programmeBySlug(
  db: DbOrTrx,
  tenantId: string,
  slug: string,
): Promise<{ id: string; slug: string; title_nl: string; title_en: string; status: string } | undefined> {
  return db
    .selectFrom('programmes')
    .select(['id', 'slug', 'title_nl', 'title_en', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function insertInvitations(db: DbOrTrx, rows: Insertable<ProjectMonitorInvitationsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('programme_project_monitor_invitations').values(rows).execute();
}

export function invitationByHash(
  db: DbOrTrx,
  tenantId: string,
  hash: string,
): Promise<{ project_id: string; phase: Phase; respondent_role: RespondentRole; kind: 'link' | 'paper'; used: boolean } | undefined> {
  return db
    .selectFrom('programme_project_monitor_invitations')
    .select(['project_id', 'phase', 'respondent_role', 'kind', 'used'])
    .where('tenant_id', '=', tenantId)
    .where('code_hash', '=', hash)
    .executeTakeFirst();
}

/** Mark an invitation used, only if it was not: true when this call used it (a second, concurrent use fails). */
export async function claimInvitation(db: DbOrTrx, tenantId: string, hash: string): Promise<boolean> {
  const r = await db
    .updateTable('programme_project_monitor_invitations')
    .set({ used: true })
    .where('tenant_id', '=', tenantId)
    .where('code_hash', '=', hash)
    .where('used', '=', false)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResponse(db: DbOrTrx, row: Insertable<ProjectMonitorResponsesTable>): Promise<void> {
  await db.insertInto('programme_project_monitor_responses').values(row).execute();
}

export interface ResponseRow {
  project_id: string;
  phase: Phase;
  respondent_role: RespondentRole;
  answers: Record<string, number | string | null>;
  is_demo: boolean;
}

export function responsesOf(db: DbOrTrx, tenantId: string, projectIds: readonly string[]): Promise<ResponseRow[]> {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programme_project_monitor_responses')
    .select(['project_id', 'phase', 'respondent_role', 'answers', 'is_demo'])
    .where('tenant_id', '=', tenantId)
    .where('project_id', 'in', projectIds)
    .execute();
}

/** Invitations made and used per phase and role (no codes). */
export function invitationCounts(
  db: DbOrTrx,
  tenantId: string,
  projectId: string,
): Promise<
  {
    phase: Phase;
    respondent_role: RespondentRole;
    kind: 'link' | 'paper';
    made: number | string | bigint;
    used: number | string | bigint;
  }[]
> {
  return db
    .selectFrom('programme_project_monitor_invitations')
    .select((eb) => [
      'phase',
      'respondent_role',
      'kind',
      eb.fn.countAll().as('made'),
      eb.fn.count('id').filterWhere('used', '=', true).as('used'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('project_id', '=', projectId)
    .groupBy(['phase', 'respondent_role', 'kind'])
    .execute();
}
