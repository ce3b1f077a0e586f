import type { DbOrTrx } from '../../../platform/db/database.ts';

/** One stored summary: a section's data for one area. */
export interface StoredSummary {
  sectionId: string;
  data: unknown;
  computedAt: Date;
}

/** Store (insert or replace) computed summaries of one tenant. */
export async function upsertSummaries(
  db: DbOrTrx,
  tenantId: string,
  rows: readonly { areaCode: string; sectionId: string; data: unknown }[],
  computedAt: Date,
): Promise<void> {
  // A few hundred rows per statement keep far below PostgreSQL's limit of bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('area_summaries')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          tenant_id: tenantId,
          area_code: r.areaCode,
          section_id: r.sectionId,
          data: JSON.stringify(r.data ?? null),
          computed_at: computedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'area_code', 'section_id']).doUpdateSet((eb) => ({
          data: eb.ref('excluded.data'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
}

/** Remove summaries of areas that no longer exist and of sections no module brings any more. */
export async function deleteSummariesOutside(
  db: DbOrTrx,
  tenantId: string,
  areaCodes: readonly string[],
  sectionIds: readonly string[],
): Promise<void> {
  let q = db.deleteFrom('area_summaries').where('tenant_id', '=', tenantId);
  if (areaCodes.length > 0 && sectionIds.length > 0) {
    q = q.where((eb) => eb.or([eb('area_code', 'not in', [...areaCodes]), eb('section_id', 'not in', [...sectionIds])]));
  }
  await q.execute();
}

/** The stored summaries of one area, one query. */
export async function listSummaries(db: DbOrTrx, tenantId: string, areaCode: string): Promise<StoredSummary[]> {
  const rows = await db
    .selectFrom('area_summaries')
    .select(['section_id', 'data', 'computed_at'])
    .where('tenant_id', '=', tenantId)
    .where('area_code', '=', areaCode)
    .execute();
  return rows.map((r) => ({ sectionId: r.section_id, data: r.data, computedAt: new Date(r.computed_at) }));
}
