/**
 * Programmes, goals and line activities (issue 14). Active programmes are public; drafts only for
 * staff (`programme.viewDraft`); the coordinator keeps them (`programme.manage`). A goal's
 * indicators are monitor targets carrying the goal's id (monitor service: createTarget,
 * targetsWithCourse).
 */
import { z } from 'zod';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { checkForm } from '../../../platform/http/forms.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { createTarget, targetsWithCourse, type CourseAssessment, type TargetRow } from '../../monitor/monitor.service.ts';
import type { TargetInput } from '../../monitor/indicators/indicators.schemas.ts';
import { can, type ProgrammeAction } from '../policies.ts';
import * as store from './core.store.ts';
import type { Goal, LineActivity, Programme } from './core.store.ts';

/** The principal acts in this municipality (jobs anywhere) and has the action. */
export function allow(
  principal: Principal,
  tenantId: string,
  action: ProgrammeAction,
  resource?: { organisationIds?: (string | null)[] },
): void {
  authorize(
    (principal.system === true || principal.tenantId === tenantId) &&
      can(principal, action, resource ? { tenantId, ...resource } : undefined),
  );
}

export function seesDrafts(principal: Principal): boolean {
  return can(principal, 'programme.viewDraft');
}

/** The municipality's programmes: active and closed ones for everyone, drafts too for staff. */
export async function listProgrammes(db: DbOrTrx, principal: Principal, tenantId: string): Promise<Programme[]> {
  allow(principal, tenantId, 'programme.view');
  return store.selectProgrammes(db, tenantId, { includeDrafts: seesDrafts(principal) });
}

/** One programme by its slug; a draft is NotFound for whoever may not see drafts. */
export async function getProgramme(db: DbOrTrx, principal: Principal, tenantId: string, slug: string): Promise<Programme> {
  allow(principal, tenantId, 'programme.view');
  const p = await store.findProgramme(db, tenantId, { slug });
  if (!p || (p.status === 'draft' && !seesDrafts(principal))) throw NotFound();
  return p;
}

export async function getProgrammeById(db: DbOrTrx, principal: Principal, tenantId: string, id: string): Promise<Programme> {
  allow(principal, tenantId, 'programme.view');
  const p = await store.findProgramme(db, tenantId, { id });
  if (!p || (p.status === 'draft' && !seesDrafts(principal))) throw NotFound();
  return p;
}

const text = (max: number) => z.string().trim().max(max, 'programmes.error.tooLong').default('');
const required = (max: number) => z.string().trim().min(1, 'form.required').max(max, 'programmes.error.tooLong');
const year = z.coerce
  .number('programmes.error.year')
  .int('programmes.error.year')
  .min(1990, 'programmes.error.year')
  .max(2100, 'programmes.error.year');

export const programmeInput = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'programmes.error.slug'),
    titleNl: required(200),
    titleEn: text(200),
    summaryNl: text(4000),
    summaryEn: text(4000),
    ownerRole: text(200),
    startYear: year,
    endYear: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), year.nullable()),
    status: z.enum(['draft', 'active', 'closed'], 'form.invalidValue').default('draft'),
    sourceNote: text(1000),
  })
  .refine((p) => p.endYear === null || p.endYear >= p.startYear, { path: ['endYear'], message: 'programmes.error.endBeforeStart' });
/** What callers pass (a form's strings or numbers); the end year may be left out (open-ended). */
export type ProgrammeInput = Omit<z.input<typeof programmeInput>, 'endYear'> & { endYear?: unknown };

/** Create (existingId absent) or change a programme; the coordinator only. Returns its id. */
export async function saveProgramme(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  input: ProgrammeInput,
  opts: { existingId?: string; isDemo?: boolean } = {},
): Promise<string> {
  allow(principal, tenantId, 'programme.manage');
  const parsed = checkForm(programmeInput, input);
  if (!parsed.ok) throw Invalid(parsed.errors);
  const d = parsed.data;
  if (await store.slugTaken(db, tenantId, d.slug, opts.existingId)) throw Invalid({ slug: 'programmes.error.slugTaken' });
  const fields = { ...d, isDemo: opts.isDemo ?? false };
  if (!opts.existingId) return store.insertProgramme(db, tenantId, fields);
  if (!(await store.findProgramme(db, tenantId, { id: opts.existingId }))) throw NotFound();
  await store.updateProgrammeRow(db, tenantId, opts.existingId, fields);
  return opts.existingId;
}

/** The programme's goals: tactical ones (parentId null) with their operational goals after them, by sort and number. */
export async function listGoals(db: DbOrTrx, principal: Principal, tenantId: string, programmeId: string): Promise<Goal[]> {
  await getProgrammeById(db, principal, tenantId, programmeId);
  return store.selectGoals(db, tenantId, programmeId);
}

export const goalInput = z.object({
  parentId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().uuid('form.invalidValue').nullable()),
  number: required(20),
  titleNl: required(400),
  titleEn: text(400),
  descriptionNl: text(4000),
  descriptionEn: text(4000),
  sort: z.coerce.number().int().default(0),
  sourceNote: text(1000),
});
export type GoalInput = z.input<typeof goalInput>;

/** Add a goal (tactical, or operational under a tactical goal of the same programme); the coordinator only. */
export async function createGoal(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  programmeId: string,
  input: GoalInput,
): Promise<string> {
  allow(principal, tenantId, 'programme.manage');
  const parsed = checkForm(goalInput, input);
  if (!parsed.ok) throw Invalid(parsed.errors);
  if (!(await store.findProgramme(db, tenantId, { id: programmeId }))) throw NotFound();
  const d = parsed.data;
  if (d.parentId) {
    const parent = (await store.selectGoals(db, tenantId, programmeId)).find((g) => g.id === d.parentId);
    if (!parent || parent.parentId !== null) throw Invalid({ parentId: 'programmes.error.parentGoal' });
  }
  return store.insertGoal(db, tenantId, { ...d, programmeId });
}

export async function listLineActivities(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  programmeId: string,
): Promise<LineActivity[]> {
  await getProgrammeById(db, principal, tenantId, programmeId);
  return store.selectLineActivities(db, tenantId, programmeId);
}

export const lineActivityInput = z.object({
  number: z.coerce.number('form.invalidValue').int('form.invalidValue').min(1, 'form.invalidValue'),
  titleNl: required(400),
  titleEn: text(400),
  descriptionNl: text(4000),
  descriptionEn: text(4000),
  sourceNote: text(1000),
});
export type LineActivityInput = z.input<typeof lineActivityInput>;

export async function createLineActivity(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  programmeId: string,
  input: LineActivityInput,
): Promise<string> {
  allow(principal, tenantId, 'programme.manage');
  const parsed = checkForm(lineActivityInput, input);
  if (!parsed.ok) throw Invalid(parsed.errors);
  if (!(await store.findProgramme(db, tenantId, { id: programmeId }))) throw NotFound();
  return store.insertLineActivity(db, tenantId, { ...parsed.data, programmeId });
}

export type GoalIndicator = TargetRow & { course: CourseAssessment };

/** Per goal id, its indicators (monitor targets with baseline, target, year and whether on course); a goal without any has []. */
export async function goalIndicators(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  goals: readonly Goal[],
): Promise<Map<string, GoalIndicator[]>> {
  allow(principal, tenantId, 'programme.view');
  const ids = goals.map((g) => g.id);
  const rows =
    ids.length === 0 ? [] : await targetsWithCourse(db, principal, tenantId, { municipalityCode: tenantId, programmeGoalIds: ids });
  return new Map(ids.map((id) => [id, rows.filter((r) => r.programmeGoalId === id)]));
}

/** Tie a goal to a monitor indicator with a target (baseline, target value and year); the coordinator only. */
export async function linkGoalIndicator(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  goalId: string,
  indicatorCode: string,
  target: TargetInput,
  opts: { sourceNote?: string; isDemo?: boolean } = {},
): Promise<string> {
  allow(principal, tenantId, 'programme.manage');
  const goal = (await store.selectGoals(db, tenantId)).find((g) => g.id === goalId);
  if (!goal) throw NotFound();
  return createTarget(db, principal, tenantId, indicatorCode, target, { ...opts, programmeGoalId: goalId });
}
