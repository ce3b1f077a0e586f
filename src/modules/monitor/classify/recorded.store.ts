import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { AreaClass } from './classify.ts';

/** The municipality's own, recorded judgement of its areas (e.g. Heerhugowaard 2009), shown beside the computed one. */
export interface RecordedClassification {
  areaCode: string;
  year: number;
  class: AreaClass;
  label: string;
  knelpunten: string[];
  method: string;
  sourceNote: string;
}

export async function recordClassifications(db: DbOrTrx, tenantId: string, rows: readonly RecordedClassification[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('monitor_recorded_classifications')
    .values(
      rows.map((r) => ({
        tenant_id: tenantId,
        area_code: r.areaCode,
        year: r.year,
        class: r.class,
        label: r.label,
        knelpunten: JSON.stringify(r.knelpunten),
        method: r.method,
        source_note: r.sourceNote,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'area_code', 'year']).doUpdateSet((eb) => ({
        class: eb.ref('excluded.class'),
        label: eb.ref('excluded.label'),
        knelpunten: eb.ref('excluded.knelpunten'),
        method: eb.ref('excluded.method'),
        source_note: eb.ref('excluded.source_note'),
      })),
    )
    .execute();
}

/** Recorded classifications of a municipality (of some areas), newest year first. */
export async function listRecordedClassifications(
  db: DbOrTrx,
  tenantId: string,
  areaCodes?: readonly string[],
): Promise<RecordedClassification[]> {
  let q = db.selectFrom('monitor_recorded_classifications').selectAll().where('tenant_id', '=', tenantId);
  if (areaCodes) {
    if (areaCodes.length === 0) return [];
    q = q.where('area_code', 'in', [...areaCodes]);
  }
  const rows = await q.orderBy('year', 'desc').orderBy('area_code').execute();
  return rows.map((r) => ({
    areaCode: r.area_code,
    year: r.year,
    class: r.class,
    label: r.label,
    knelpunten: Array.isArray(r.knelpunten) ? r.knelpunten : [],
    method: r.method,
    sourceNote: r.source_note,
  }));
}
