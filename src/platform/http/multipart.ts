import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { CSRF_COOKIE, CsrfError, csrfToken } from './csrf.ts';

/** Limits of one multipart form: the file field, how many files and how big, and how many text fields. */
export interface MultipartLimits {
  /** Name of the file input; files under other names are read past and dropped. */
  fileField: string;
  /** Files kept; more are noted as `tooMany` (their bytes are read past, not kept). */
  maxFiles: number;
  /** Bytes per file; a bigger one is noted in `tooLarge` (its bytes are dropped). */
  maxFileBytes: number;
  /** A file over the size limit makes the whole request a 413 instead of being noted in `tooLarge`. */
  rejectTooLarge?: boolean;
  /** Text fields (default 60) and bytes per text field (default 64 KB). */
  maxFields?: number;
  maxFieldBytes?: number;
}

/** A multipart form as read: text fields, the files kept, and what went over the limits. */
export interface Upload {
  fields: Record<string, string | string[]>;
  files: { name: string; data: Buffer }[];
  /** Names of files over the size limit. */
  tooLarge: string[];
  /** More files than allowed were sent. */
  tooMany: boolean;
}

/**
 * Read every part of a multipart form within its limits, then check the CSRF token it carries in
 * `_csrf` against the cookie (the global check runs before the body is read and cannot see it).
 * Throws CsrfError (403) on a missing or wrong token, 413 on too many parts, 400 on a broken body.
 */
export async function readMultipart(req: FastifyRequest, secret: string, limits: MultipartLimits): Promise<Upload> {
  const upload: Upload = { fields: {}, files: [], tooLarge: [], tooMany: false };
  let sent: string | undefined;
  try {
    // throwFileSizeLimit is read by @fastify/multipart at run time but missing from the type of parts(): pass a variable.
    const options = {
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFiles * 2,
        fields: limits.maxFields ?? 60,
        fieldSize: limits.maxFieldBytes ?? 64 * 1024,
        parts: (limits.maxFields ?? 60) + limits.maxFiles * 2 + 10,
      },
      throwFileSizeLimit: false,
    };
    for await (const part of req.parts(options)) {
      if (part.type === 'file') {
        if (upload.files.length + upload.tooLarge.length >= limits.maxFiles) {
          // Over the limit: read past the bytes without keeping them.
          for await (const chunk of part.file) if (chunk && part.filename) upload.tooMany = true;
          continue;
        }
        const buf = await part.toBuffer();
        if (part.fieldname !== limits.fileField || (!part.filename && buf.length === 0)) continue;
        if (part.file.truncated) upload.tooLarge.push(part.filename);
        else upload.files.push({ name: part.filename, data: buf });
      } else if (typeof part.value === 'string') {
        if (part.fieldname === '_csrf') sent = part.value;
        else {
          const prev = upload.fields[part.fieldname];
          upload.fields[part.fieldname] = prev === undefined ? part.value : [...(Array.isArray(prev) ? prev : [prev]), part.value];
        }
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') upload.tooMany = true;
    else if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError(413, 'too_many_parts', 'error.badRequest');
    else throw new AppError(400, 'bad_multipart', 'error.badRequest');
  }
  verifyToken(req, secret, sent);
  if (limits.rejectTooLarge && upload.tooLarge.length > 0) throw new AppError(413, 'body_too_large', 'error.bodyTooLarge');
  return upload;
}

function verifyToken(req: FastifyRequest, secret: string, sent: string | undefined): void {
  const cookie = req.cookies[CSRF_COOKIE];
  if (!cookie || !sent) throw new CsrfError();
  const expected = Buffer.from(csrfToken(secret, cookie));
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CsrfError();
}
