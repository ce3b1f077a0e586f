import type { DbOrTrx } from '../../../platform/db/database.ts';

/** Targets of a municipality's indicators (baseline, target value and year, comparator). */
export interface TargetRow {
  id: string;
  indicatorCode: string;
  /** null: for the municipality as a whole. */
  areaCode: string | null;
  baselinePeriod: string;
  baselineValue: number | null;
  targetValue: number;
  targetYear: number;
  comparator: 'at_least' | 'at_most';
  noteNl: string;
  noteEn: string;
  sourceNote: string;
  programmeGoalId: string | null;
  isDemo: boolean;
}

export type NewTarget = Omit<TargetRow, 'id' | 'programmeGoalId' | 'noteNl' | 'noteEn' | 'sourceNote' | 'isDemo'> &
  Partial<Pick<TargetRow, 'programmeGoalId' | 'noteNl' | 'noteEn' | 'sourceNote' | 'isDemo'>>;

export async function insertTarget(db: DbOrTrx, tenantId: string, t: NewTarget): Promise<string> {
  const row = await db
    .insertInto('monitor_targets')
    .values({
      tenant_id: tenantId,
      indicator_code: t.indicatorCode,
      area_code: t.areaCode,
      baseline_period: t.baselinePeriod,
      baseline_value: t.baselineValue,
      target_value: t.targetValue,
      target_year: t.targetYear,
      comparator: t.comparator,
      note_nl: t.noteNl ?? '',
      note_en: t.noteEn ?? '',
      source_note: t.sourceNote ?? '',
      programme_goal_id: t.programmeGoalId ?? null,
      is_demo: t.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Targets, of one indicator and/or of some programme goals when given, in a stable order (indicator, municipality-wide first, year). */
export async function listTargets(
  db: DbOrTrx,
  tenantId: string,
  indicatorCode?: string,
  programmeGoalIds?: readonly string[],
): Promise<TargetRow[]> {
  if (programmeGoalIds && programmeGoalIds.length === 0) return [];
  let q = db.selectFrom('monitor_targets').selectAll().where('tenant_id', '=', tenantId);
  if (indicatorCode !== undefined) q = q.where('indicator_code', '=', indicatorCode);
  if (programmeGoalIds) q = q.where('programme_goal_id', 'in', [...programmeGoalIds]);
  const rows = await q.orderBy('indicator_code').orderBy('area_code', 'desc').orderBy('target_year').orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorCode: r.indicator_code,
    areaCode: r.area_code,
    baselinePeriod: r.baseline_period,
    baselineValue: r.baseline_value,
    targetValue: r.target_value,
    targetYear: r.target_year,
    comparator: r.comparator,
    noteNl: r.note_nl,
    noteEn: r.note_en,
    sourceNote: r.source_note,
    programmeGoalId: r.programme_goal_id,
    isDemo: r.is_demo,
  }));
}

/** Removes a target; true when there was one. */
export async function deleteTarget(db: DbOrTrx, tenantId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('monitor_targets').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Points targets at a programme goal (null: unlinks them); the number of targets changed. */
export async function setTargetsProgrammeGoal(
  db: DbOrTrx,
  tenantId: string,
  ids: readonly string[],
  goalId: string | null,
): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('monitor_targets')
    .set({ programme_goal_id: goalId })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
