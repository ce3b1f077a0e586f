/**
 * Photos on signals: every upload is checked by its content (JPEG, PNG or WebP only), refused
 * when it declares too many pixels (image bombs), auto-rotated and re-encoded as a JPEG without
 * any metadata (no EXIF, GPS, XMP or ICC), with a thumbnail. Photos chosen on a form that comes
 * back (errors, nearby duplicates) wait as pending uploads keyed by the form's submission id and
 * are attached inside the transaction that creates the signal.
 */
import { createHash } from 'node:crypto';
import type { Metadata } from 'sharp';
import { inTransaction, type DbOrTrx, type Trx } from '../../../platform/db/database.ts';
import { AppError, NotFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/principal.ts';
import { signalAccess } from '../access.ts';
import { can } from '../policies.ts';
import { findSignalById, type SignalRow } from '../signals.store.ts';
import { resolveTrackingToken } from '../tracking/tracking.service.ts';
import * as store from './photos.store.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

/** sharp (libvips, about 15 MB) is loaded with the first image, not at start (docs/performance.md, issue 17 memory). */
const loadSharp = async (): Promise<typeof import('sharp').default> => (await import('sharp')).default;

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Decoded pixels allowed per input image (40 MP: more than any phone camera). */
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_SIDE = 2000;
export const THUMB_SIDE = 320;
export const JPEG_QUALITY = 80;
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;
/** Images processed at the same time in this process (sharp also uses its own thread pool). */
export const MAX_CONCURRENT = 2;

export type { PendingMeta } from './photos.store.ts';

/** A photo waiting for the report form, as the form shows it. */
export interface PendingPhoto {
  id: string;
  fileName: string;
  width: number;
  height: number;
}

/** The view model of a pending photo. */
export function pendingPhotoView(p: store.PendingMeta): PendingPhoto {
  return { id: p.id, fileName: p.file_name, width: p.width, height: p.height };
}

export interface ProcessedPhoto {
  contentType: 'image/jpeg';
  bytes: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  fileName: string;
}

/** A refused photo: 422 (413 when too big) with a message key and the file's name. */
export class PhotoError extends AppError {
  constructor(status: number, code: string, key: MessageKey, fileName = '') {
    super(status, code, key, { photos: key }, { name: fileName });
  }
}
export const notAPhoto = (name = '') => new PhotoError(422, 'not_a_photo', 'signals.photos.error.notAPhoto', name);
export const tooLarge = (name = '') => new PhotoError(413, 'photo_too_large', 'signals.photos.error.tooLarge', name);
export const tooManyPixels = (name = '') => new PhotoError(422, 'photo_too_many_pixels', 'signals.photos.error.tooManyPixels', name);
export const tooMany = () => new PhotoError(422, 'too_many_photos', 'signals.photos.error.tooMany');

let active = 0;
const waiting: (() => void)[] = [];
/** Run fn when one of the MAX_CONCURRENT slots is free (a slot is handed over directly to the next waiter). */
async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (active >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  else active++;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

/** The image format by its magic bytes, before any decoder sees the file. */
export function sniffFormat(b: Buffer): 'jpeg' | 'png' | 'webp' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

const cleanName = (name: string) =>
  [...name]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .slice(-100);
const SHARP_OPTIONS = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' } as const;

/** Check one uploaded file by content and re-encode it (auto-rotated, ≤ 2000 px, JPEG q80, all metadata stripped) with a thumbnail; throws PhotoError. */
export async function processPhoto(input: Buffer, fileName = ''): Promise<ProcessedPhoto> {
  const name = cleanName(fileName);
  if (input.length > MAX_PHOTO_BYTES) throw tooLarge(name);
  const kind = sniffFormat(input);
  if (!kind) throw notAPhoto(name);
  return limited(async () => {
    const sharp = await loadSharp();
    let meta: Metadata;
    try {
      // Reads the header only; refuses a declared size above the pixel limit without decoding.
      meta = await sharp(input, SHARP_OPTIONS).metadata();
    } catch (e) {
      throw /pixel limit/i.test((e as Error).message) ? tooManyPixels(name) : notAPhoto(name);
    }
    if (meta.format !== kind) throw notAPhoto(name);
    if (!meta.width || !meta.height) throw notAPhoto(name);
    if (meta.width * meta.height > MAX_INPUT_PIXELS) throw tooManyPixels(name);
    try {
      // No withMetadata/keepExif/keepIccProfile: sharp converts to sRGB and writes no metadata at all.
      const full = await sharp(input, SHARP_OPTIONS)
        .timeout({ seconds: 20 })
        .rotate()
        .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: JPEG_QUALITY })
        .toBuffer({ resolveWithObject: true });
      const thumb = await sharp(full.data)
        .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 70 })
        .toBuffer();
      return { contentType: 'image/jpeg', bytes: full.data, thumb, width: full.info.width, height: full.info.height, fileName: name };
    } catch (e) {
      throw /pixel limit/i.test((e as Error).message) ? tooManyPixels(name) : notAPhoto(name);
    }
  });
}

/** Process several uploads (bounded concurrency); the first refusal in upload order wins. */
export async function processPhotos(files: readonly { name: string; data: Buffer }[]): Promise<ProcessedPhoto[]> {
  const results = await Promise.allSettled(files.map((f) => processPhoto(f.data, f.name)));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.map((r) => (r as PromiseFulfilledResult<ProcessedPhoto>).value);
}

/** Who may see and attach pending uploads: a hash of the browser's CSRF cookie (HttpOnly, random per browser). */
export function ownerHash(cookie: string): string {
  return createHash('sha256')
    .update('signals-photo-owner:' + cookie)
    .digest('hex');
}

export interface PendingKey {
  tenantId: string;
  submissionId: string;
  owner: string;
}

/** The photos waiting for this form (not expired), oldest first. */
export function listPendingPhotos(db: DbOrTrx, key: PendingKey, now: Date): Promise<store.PendingMeta[]> {
  return store.listPending(db, key.tenantId, key.submissionId, key.owner, now);
}

/** Keep processed photos for this form for 24 h (removing the ones the reporter unticked first); refuses more than 5 in all. Cleans the tenant's expired uploads. */
export async function savePendingPhotos(
  db: DbOrTrx,
  key: PendingKey,
  photos: readonly ProcessedPhoto[],
  now: Date,
  remove: readonly string[] = [],
): Promise<store.PendingMeta[]> {
  return inTransaction(db, async (trx) => {
    await store.deleteExpiredPending(trx, key.tenantId, now);
    await store.deletePending(trx, key.tenantId, key.submissionId, key.owner, remove);
    const existing = await store.listPendingFull(trx, key.tenantId, key.submissionId, key.owner, now);
    if (existing.length + photos.length > MAX_PHOTOS) throw tooMany();
    const expires = new Date(now.getTime() + PENDING_TTL_MS);
    await store.insertPending(
      trx,
      photos.map((p, i) => ({
        tenant_id: key.tenantId,
        submission_id: key.submissionId,
        owner_hash: key.owner,
        file_name: p.fileName,
        content_type: p.contentType,
        bytes: p.bytes,
        thumb: p.thumb,
        width: p.width,
        height: p.height,
        byte_size: p.bytes.length,
        // Keeps the order of upload within one request.
        created_at: new Date(now.getTime() + i),
        expires_at: expires,
      })),
    );
    return store.listPending(trx, key.tenantId, key.submissionId, key.owner, now);
  });
}

/** Attach this form's pending photos (minus removed ones) and the new ones to a new signal, inside the caller's transaction; refuses more than 5. Returns the count. */
export async function attachPhotos(
  trx: Trx,
  key: PendingKey,
  signalId: string,
  photos: readonly ProcessedPhoto[],
  now: Date,
  remove: readonly string[] = [],
): Promise<number> {
  const pending = (await store.listPendingFull(trx, key.tenantId, key.submissionId, key.owner, now)).filter((p) => !remove.includes(p.id));
  const all = [
    ...pending.map((p) => ({
      contentType: p.content_type,
      bytes: store.asBuffer(p.bytes),
      thumb: store.asBuffer(p.thumb),
      width: p.width,
      height: p.height,
    })),
    ...photos,
  ];
  if (all.length > MAX_PHOTOS) throw tooMany();
  await store.insertPhotos(
    trx,
    all.map((p, i) => ({
      tenant_id: key.tenantId,
      signal_id: signalId,
      position: i + 1,
      content_type: p.contentType,
      bytes: p.bytes,
      thumb: p.thumb,
      width: p.width,
      height: p.height,
      byte_size: p.bytes.length,
      created_at: now,
    })),
  );
  await store.deletePending(trx, key.tenantId, key.submissionId, key.owner);
  if (all.length) await store.setPhotoCount(trx, key.tenantId, signalId, all.length);
  return all.length;
}

/** Forget this form's pending photos (e.g. after a replayed submission). */
export function dropPendingPhotos(db: DbOrTrx, key: PendingKey): Promise<void> {
  return store.deletePending(db, key.tenantId, key.submissionId, key.owner);
}

export type PhotoBytes = { id: string; contentType: string; data: Buffer } | null;

async function bytesOf(db: DbOrTrx, tenantId: string, signalId: string, position: number, variant: 'full' | 'thumb'): Promise<PhotoBytes> {
  const r = await store.findPhotoBytes(db, tenantId, signalId, position, variant === 'full' ? 'bytes' : 'thumb');
  return r ? { id: r.id, contentType: r.content_type, data: store.asBuffer(r.data) } : null;
}

/** The bytes of one photo (full or thumbnail) of a signal the principal may see (`signal.view`; NotFound otherwise), or null. */
export async function photoBytes(
  db: DbOrTrx,
  principal: Principal,
  signal: SignalRow,
  position: number,
  variant: 'full' | 'thumb',
): Promise<PhotoBytes> {
  await signalAccess(db, principal, signal);
  return bytesOf(db, signal.tenant_id, signal.id, position, variant);
}

/**
 * One photo through a tracking link (`signal.photo.viaLink`): only the reporter's own link shows the
 * photos; a follower's link, an unknown or expired one is a NotFound, like a missing photo.
 */
export async function photoViaLink(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  token: string,
  position: number,
  variant: 'full' | 'thumb',
): Promise<{ publicId: string; photo: PhotoBytes }> {
  const resolved = await resolveTrackingToken(db, tenantId, token, principal.now);
  const link = resolved?.reporter ? 'reporter' : 'follower';
  const signal = resolved ? await findSignalById(db, tenantId, resolved.signalId) : null;
  if (!signal || !can(principal, 'signal.photo.viaLink', { tenantId: signal.tenant_id, link })) {
    throw NotFound('signals.photos.error.notFound');
  }
  return { publicId: signal.public_id, photo: await bytesOf(db, signal.tenant_id, signal.id, position, variant) };
}
