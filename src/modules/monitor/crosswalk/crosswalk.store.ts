import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { CrosswalkRow } from './crosswalk.ts';

/** The crosswalk of one municipality: CBS code changes between divisions (see crosswalk.ts). */
export interface StoredCrosswalkRow extends CrosswalkRow {
  sourceNote: string;
}

/** Adds crosswalk rows (a row already there, by from/to code and year, gets the new weight and kind). */
export async function addCrosswalkRows(
  db: DbOrTrx,
  tenantId: string,
  rows: readonly (CrosswalkRow & { sourceNote?: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  for (const r of rows) {
    const what = `Crosswalk ${r.fromCode} → ${r.toCode}`;
    if (!(r.toYear > r.fromYear)) throw new Error(`${what}: the later year must come after the earlier one.`);
    if (!(r.weight > 0 && r.weight <= 1)) throw new Error(`${what}: the weight is a share above 0 and at most 1.`);
  }
  await db
    .insertInto('monitor_crosswalk')
    .values(
      rows.map((r) => ({
        tenant_id: tenantId,
        from_code: r.fromCode,
        from_year: r.fromYear,
        to_code: r.toCode,
        to_year: r.toYear,
        weight: r.weight,
        change_kind: r.changeKind,
        source_note: r.sourceNote ?? '',
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'from_code', 'from_year', 'to_code', 'to_year']).doUpdateSet((eb) => ({
        weight: eb.ref('excluded.weight'),
        change_kind: eb.ref('excluded.change_kind'),
        source_note: eb.ref('excluded.source_note'),
      })),
    )
    .execute();
}

export async function listCrosswalk(db: DbOrTrx, tenantId: string): Promise<StoredCrosswalkRow[]> {
  const rows = await db
    .selectFrom('monitor_crosswalk')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('to_year')
    .orderBy('from_code')
    .execute();
  return rows.map((r) => ({
    fromCode: r.from_code,
    fromYear: r.from_year,
    toCode: r.to_code,
    toYear: r.to_year,
    weight: r.weight,
    changeKind: Number(r.change_kind) as 1 | 2 | 3,
    sourceNote: r.source_note,
  }));
}
