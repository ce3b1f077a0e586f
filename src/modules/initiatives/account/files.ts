/**
 * Photos and receipts of an accountability. A photo (JPEG, PNG or WebP, checked by its content)
 * is re-encoded as in the signals module: auto-rotated, at most 2000 px, JPEG without any metadata
 * (no EXIF, GPS or camera data). A receipt is a PDF (kept as sent, at most 5 MB; it is never
 * public) or a photo of the receipt (re-encoded like a photo). Anything else is refused with a
 * message that says which files are accepted.
 */
import type { Metadata } from 'sharp';
import { AppError } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

/** sharp (libvips, about 15 MB) is loaded with the first image, not at start (docs/performance.md, issue 17 memory). */
const loadSharp = async (): Promise<typeof import('sharp').default> => (await import('sharp')).default;

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PDF_BYTES = 5 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_SIDE = 2000;
export const MAX_PHOTOS = 6;
export const MAX_RECEIPTS = 10;

export interface StoredFile {
  contentType: 'image/jpeg' | 'application/pdf';
  bytes: Buffer;
  fileName: string;
}

export function fileError(status: number, key: MessageKey, name: string): AppError {
  return new AppError(status, 'file_refused', key, { file: key }, { name });
}

function sniff(b: Buffer): 'jpeg' | 'png' | 'webp' | 'pdf' | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  return null;
}

const cleanName = (name: string) =>
  [...name]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && c !== '"' && c !== '\\')
    .join('')
    .slice(-100);

const SHARP = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' } as const;

async function reencode(input: Buffer, kind: 'jpeg' | 'png' | 'webp', name: string): Promise<Buffer> {
  const notAPhoto = () => fileError(422, 'initiatives.account.error.notAPhoto', name);
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(input, SHARP).metadata();
  } catch (e) {
    throw /pixel limit/i.test((e as Error).message) ? fileError(422, 'initiatives.account.error.tooManyPixels', name) : notAPhoto();
  }
  if (meta.format !== kind || !meta.width || !meta.height) throw notAPhoto();
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw fileError(422, 'initiatives.account.error.tooManyPixels', name);
  try {
    // No withMetadata/keepExif: sharp writes no metadata at all.
    return await sharp(input, SHARP)
      .timeout({ seconds: 20 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch {
    throw notAPhoto();
  }
}

/** Check and prepare one upload; throws an AppError with a message beside the file field. */
export async function prepareFile(kind: 'photo' | 'receipt', input: Buffer, fileName: string): Promise<StoredFile> {
  const name = cleanName(fileName);
  const type = sniff(input);
  if (type === 'pdf') {
    if (kind === 'photo') throw fileError(422, 'initiatives.account.error.notAPhoto', name);
    if (input.length > MAX_PDF_BYTES) throw fileError(413, 'initiatives.account.error.tooLarge', name);
    return { contentType: 'application/pdf', bytes: input, fileName: name };
  }
  if (!type) throw fileError(422, kind === 'photo' ? 'initiatives.account.error.notAPhoto' : 'initiatives.account.error.notAReceipt', name);
  if (input.length > MAX_PHOTO_BYTES) throw fileError(413, 'initiatives.account.error.tooLarge', name);
  return { contentType: 'image/jpeg', bytes: await reencode(input, type, name), fileName: name };
}
