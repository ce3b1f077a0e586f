import type { DbOrTrx } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { getProgramme } from '../programmes.service.ts';
import type { Angle } from '../programmes.tables.ts';
import type { ActionFilter, ActionInput } from './actions.schemas.ts';
import * as store from './actions.store.ts';

/**
 * The action table of a programme (Krimpen §7, Groningen's numbered actions): rows with target
 * group, action, initiator, planning text, angles and anchoring ("borging in"); the coordinator
 * adds and edits rows; a row can become a project card. Rows are shown as the source wrote them:
 * quirks (Krimpen row 134 holds its description in the initiative column) stay visible.
 */

export interface ProgrammeInfo {
  id: string;
  slug: string;
  titleNl: string;
  titleEn: string;
  status: 'draft' | 'active' | 'closed';
  isDemo: boolean;
}

export interface ActionView {
  id: string;
  number: number;
  targetGroup: string;
  actionNl: string;
  actionEn: string;
  initiator: string;
  planning: string;
  angles: Angle[];
  anchoring: string[];
  /** The card the row became (id, number, title), or null. */
  project: { id: string; number: string; title: string } | null;
  flags: string[];
  sourceNote: string;
}

export interface ActionTable {
  programme: ProgrammeInfo;
  filter: ActionFilter;
  rows: ActionView[];
  /** How many rows the table has without the filter. */
  total: number;
  /** The number a new row gets by default (one above the highest). */
  nextNumber: number;
  /** Every anchoring named in the table (the filter's choices), sorted. */
  anchorings: string[];
  canManage: boolean;
  canCreateCard: boolean;
}

/** The programme by its slug, if the principal may read it (drafts only for staff, through the core); NotFound otherwise. */
export async function readableProgramme(db: DbOrTrx, principal: Principal, tenantId: string, slug: string): Promise<ProgrammeInfo> {
  const p = await getProgramme(db, principal, tenantId, slug);
  return { id: p.id, slug: p.slug, titleNl: p.titleNl, titleEn: p.titleEn, status: p.status, isDemo: p.isDemo };
}

function toView(r: store.ActionRow): ActionView {
  return {
    id: r.id,
    number: r.number,
    targetGroup: r.target_group,
    actionNl: r.action_nl,
    actionEn: r.action_en,
    initiator: r.initiator,
    planning: r.planning,
    angles: r.angles,
    anchoring: r.anchoring,
    project: r.project_id ? { id: r.project_id, number: r.project_number ?? '', title: r.project_title ?? '' } : null,
    flags: r.flags,
    sourceNote: r.source_note,
  };
}

/** Does a row pass the filter? An angle and an anchoring must both match when given. */
export function matchesFilter(row: { angles: readonly Angle[]; anchoring: readonly string[] }, filter: ActionFilter): boolean {
  if (filter.angle && !row.angles.includes(filter.angle)) return false;
  if (filter.anchoring && !row.anchoring.includes(filter.anchoring)) return false;
  return true;
}

/** Every row of a programme (for the programme document and the CSV), unfiltered. */
export async function listProgrammeActions(db: DbOrTrx, tenantId: string, programmeId: string): Promise<ActionView[]> {
  return (await store.listActions(db, tenantId, programmeId)).map(toView);
}

/** The table page: the rows that pass the filter, and what the reader may do. */
export async function actionTable(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  slug: string,
  filter: ActionFilter,
): Promise<ActionTable> {
  const programme = await readableProgramme(db, principal, tenantId, slug);
  const all = await listProgrammeActions(db, tenantId, programme.id);
  const anchorings = [...new Set(all.flatMap((r) => r.anchoring))].sort((a, b) => a.localeCompare(b, 'nl'));
  return {
    programme,
    filter,
    rows: all.filter((r) => matchesFilter(r, filter)),
    total: all.length,
    nextNumber: Math.max(0, ...all.map((r) => r.number)) + 1,
    anchorings,
    canManage: can(principal, 'programme.manage', { tenantId }),
    canCreateCard: can(principal, 'project.create'),
  };
}

/** One row for the edit form; NotFound when it is not in the programme. */
export async function actionForEdit(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  slug: string,
  id: string,
): Promise<{ programme: ProgrammeInfo; row: ActionView }> {
  const programme = await readableProgramme(db, principal, tenantId, slug);
  authorize(can(principal, 'programme.manage', { tenantId }));
  const row = (await listProgrammeActions(db, tenantId, programme.id)).find((r) => r.id === id);
  if (!row) throw NotFound();
  return { programme, row };
}

const values = (input: ActionInput): store.ActionValues => ({
  number: input.number,
  targetGroup: input.targetGroup,
  action: input.action,
  initiator: input.initiator,
  planning: input.planning,
  angles: input.angles,
  anchoring: input.anchoring,
});

/** Adds a row (coordinator); a number already used in the programme is refused beside the field. */
export async function addAction(db: DbOrTrx, principal: Principal, tenantId: string, slug: string, input: ActionInput): Promise<string> {
  const programme = await readableProgramme(db, principal, tenantId, slug);
  authorize(can(principal, 'programme.manage', { tenantId }));
  const id = await store.insertAction(db, tenantId, programme.id, values(input));
  if (!id) throw Invalid({ number: 'programmes.actions.error.numberTaken' });
  return id;
}

/** Changes a row (coordinator). */
export async function editAction(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  slug: string,
  id: string,
  input: ActionInput,
): Promise<void> {
  const programme = await readableProgramme(db, principal, tenantId, slug);
  authorize(can(principal, 'programme.manage', { tenantId }));
  if (await store.numberTaken(db, tenantId, programme.id, input.number, id)) {
    throw Invalid({ number: 'programmes.actions.error.numberTaken' });
  }
  if (!(await store.updateAction(db, tenantId, programme.id, id, values(input)))) throw NotFound();
}
