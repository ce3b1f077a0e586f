import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Rejection } from './import.check.ts';

/** SQL of the monitor import: the crosswalk it checks codes against, and the import log. */

export async function crosswalkRows(db: DbOrTrx, tenantId: string): Promise<{ fromCode: string; toCode: string; toYear: number }[]> {
  const rows = await db
    .selectFrom('monitor_crosswalk')
    .select(['from_code', 'to_code', 'to_year'])
    .where('tenant_id', '=', tenantId)
    .execute();
  return rows.map((r) => ({ fromCode: r.from_code, toCode: r.to_code, toYear: r.to_year }));
}

export interface ImportLogEntry {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx' | 'cbs';
  outcome: 'imported' | 'rejected';
  created: number;
  updated: number;
  rejected: Rejection[];
  importedBy: string | null;
  createdAt: Date;
}

export async function insertImportLog(
  db: DbOrTrx,
  tenantId: string,
  entry: Omit<ImportLogEntry, 'id' | 'createdAt'>,
  now: Date,
): Promise<void> {
  await db
    .insertInto('monitor_imports')
    .values({
      tenant_id: tenantId,
      file_name: entry.fileName,
      format: entry.format,
      outcome: entry.outcome,
      created: entry.created,
      updated: entry.updated,
      rejected: JSON.stringify(entry.rejected),
      imported_by: entry.importedBy,
      created_at: now,
    })
    .execute();
}

/** A stored rejection, read defensively (the column is JSON). */
function toRejection(v: unknown): Rejection | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  if (typeof r.row !== 'number' || typeof r.reason !== 'string') return null;
  return r as unknown as Rejection;
}

export async function listImportLog(db: DbOrTrx, tenantId: string, limit: number): Promise<ImportLogEntry[]> {
  const rows = await db
    .selectFrom('monitor_imports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    outcome: r.outcome,
    created: r.created,
    updated: r.updated,
    rejected: (Array.isArray(r.rejected) ? r.rejected : []).flatMap((x) => toRejection(x) ?? []),
    importedBy: r.imported_by,
    createdAt: r.created_at,
  }));
}
