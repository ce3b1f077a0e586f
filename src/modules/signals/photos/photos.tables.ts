import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type PhotoContentType = 'image/jpeg' | 'image/png' | 'image/webp';

/** A photo attached to a signal (re-encoded, without metadata), with its thumbnail. */
export interface SignalsPhotosTable {
  tenant_id: string;
  id: Generated<string>;
  signal_id: string;
  /** 1..5, the order in which the reporter added them; also the number in the photo's URL. */
  position: number;
  content_type: PhotoContentType;
  bytes: Uint8Array;
  thumb: Uint8Array;
  width: number;
  height: number;
  byte_size: number;
  created_at: Stamp;
}

/** A processed photo waiting for its report form to be submitted (keyed by the form's submission id; expires after 24 h). */
export interface SignalsPhotoUploadsTable {
  tenant_id: string;
  id: Generated<string>;
  submission_id: string;
  /** SHA-256 of the uploader's CSRF cookie: only the same browser sees or attaches its pending photos. */
  owner_hash: string;
  file_name: ColumnType<string, string | undefined, string>;
  content_type: PhotoContentType;
  bytes: Uint8Array;
  thumb: Uint8Array;
  width: number;
  height: number;
  byte_size: number;
  created_at: Stamp;
  expires_at: Stamp;
}

/** Row types of the tables added by the signals photos part. */
export interface PhotosTables {
  signals_photos: SignalsPhotosTable;
  signals_photo_uploads: SignalsPhotoUploadsTable;
}
