/** Queries on signal photos and pending uploads (signals module only). */
import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { PhotoContentType, SignalsPhotosTable, SignalsPhotoUploadsTable } from './photos.tables.ts';

export interface PendingMeta {
  id: string;
  file_name: string;
  width: number;
  height: number;
  byte_size: number;
}

export interface PendingFull extends PendingMeta {
  content_type: PhotoContentType;
  bytes: Uint8Array;
  thumb: Uint8Array;
}

/** Bytes from either driver (pg gives a Buffer, PGlite a Uint8Array) as a Buffer without copying. */
export const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

export async function insertPhotos(db: DbOrTrx, rows: Insertable<SignalsPhotosTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('signals_photos').values(rows).execute();
}

export async function setPhotoCount(db: DbOrTrx, tenantId: string, signalId: string, count: number): Promise<void> {
  await db
    .updateTable('signals_signals')
    .set({ photo_count: count })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', signalId)
    .execute();
}

export async function findPhotoBytes(
  db: DbOrTrx,
  tenantId: string,
  signalId: string,
  position: number,
  variant: 'bytes' | 'thumb',
): Promise<{ id: string; content_type: PhotoContentType; data: Uint8Array } | null> {
  const r = await db
    .selectFrom('signals_photos')
    .select(['id', 'content_type', `${variant} as data`])
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .where('position', '=', position)
    .executeTakeFirst();
  return (r as { id: string; content_type: PhotoContentType; data: Uint8Array } | undefined) ?? null;
}

export async function insertPending(db: DbOrTrx, rows: Insertable<SignalsPhotoUploadsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('signals_photo_uploads').values(rows).execute();
}

/** Remove the tenant's expired pending uploads (run opportunistically on the next upload). */
export async function deleteExpiredPending(db: DbOrTrx, tenantId: string, now: Date): Promise<number> {
  const r = await db.deleteFrom('signals_photo_uploads').where('tenant_id', '=', tenantId).where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

const pendingQuery = (db: DbOrTrx, tenantId: string, submissionId: string, ownerHash: string, now: Date) =>
  db
    .selectFrom('signals_photo_uploads')
    .where('tenant_id', '=', tenantId)
    .where('submission_id', '=', submissionId)
    .where('owner_hash', '=', ownerHash)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .orderBy('id');

export function listPending(db: DbOrTrx, tenantId: string, submissionId: string, ownerHash: string, now: Date): Promise<PendingMeta[]> {
  return pendingQuery(db, tenantId, submissionId, ownerHash, now).select(['id', 'file_name', 'width', 'height', 'byte_size']).execute();
}

export function listPendingFull(db: DbOrTrx, tenantId: string, submissionId: string, ownerHash: string, now: Date): Promise<PendingFull[]> {
  return pendingQuery(db, tenantId, submissionId, ownerHash, now)
    .select(['id', 'file_name', 'width', 'height', 'byte_size', 'content_type', 'bytes', 'thumb'])
    .forUpdate()
    .execute();
}

export async function deletePending(
  db: DbOrTrx,
  tenantId: string,
  submissionId: string,
  ownerHash: string,
  ids?: readonly string[],
): Promise<void> {
  let q = db
    .deleteFrom('signals_photo_uploads')
    .where('tenant_id', '=', tenantId)
    .where('submission_id', '=', submissionId)
    .where('owner_hash', '=', ownerHash);
  if (ids) {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  await q.execute();
}
