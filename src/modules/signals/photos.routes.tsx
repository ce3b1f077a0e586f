import './photos.messages.ts';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditFrom, recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { CSRF_COOKIE, CsrfError, csrfToken } from '../../platform/http/csrf.ts';
import { accessTo, viewerOf } from './access.ts';
import * as cats from './categories.store.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, photoBytes } from './photos.service.ts';
import { getSignal, getSignalById } from './signals.service.ts';
import { resolveTrackingToken } from './tracking.service.ts';

const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;
const TRACK_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** The report form as sent with enctype multipart/form-data: text fields, the raw photo files and what went wrong while reading. */
export interface ReportUpload {
  csrf: string | undefined;
  fields: Record<string, string | string[]>;
  files: { name: string; data: Buffer }[];
  /** Names of files over 10 MB (their bytes are dropped). */
  tooLarge: string[];
  /** More files than allowed in one request. */
  tooMany: boolean;
}

/** Read every part of a multipart report form: files ≤ 10 MB into memory (a bigger one is noted, not kept), fields as text. */
export async function readReportUpload(req: FastifyRequest): Promise<ReportUpload> {
  const form: ReportUpload = { csrf: undefined, fields: {}, files: [], tooLarge: [], tooMany: false };
  try {
    // throwFileSizeLimit is read by @fastify/multipart at run time but missing from the type of parts(): pass a variable.
    const options = {
      limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS * 2, fields: 60, fieldSize: 64 * 1024, parts: 100 },
      throwFileSizeLimit: false,
    };
    const parts = req.parts(options);
    for await (const part of parts) {
      if (part.type === 'file') {
        if (form.files.length + form.tooLarge.length >= MAX_PHOTOS) {
          // Over the limit: read past the bytes without keeping them (at most 5 × 10 MB in memory).
          for await (const chunk of part.file) if (chunk && part.filename) form.tooMany = true;
          continue;
        }
        const buf = await part.toBuffer();
        if (part.fieldname !== 'photos' || (!part.filename && buf.length === 0)) continue;
        if (part.file.truncated) form.tooLarge.push(part.filename);
        else form.files.push({ name: part.filename, data: buf });
      } else if (typeof part.value === 'string') {
        if (part.fieldname === '_csrf') form.csrf = part.value;
        else {
          const prev = form.fields[part.fieldname];
          form.fields[part.fieldname] = prev === undefined ? part.value : [...(Array.isArray(prev) ? prev : [prev]), part.value];
        }
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') form.tooMany = true;
    else if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError(413, 'too_many_parts', 'error.badRequest');
    else throw new AppError(400, 'bad_multipart', 'error.badRequest');
  }
  return form;
}

/** The CSRF check of a multipart form (the global check cannot read a multipart body): the `_csrf` field against the cookie. */
export function verifyMultipartCsrf(req: FastifyRequest, secret: string, sent: string | undefined): void {
  const cookie = req.cookies[CSRF_COOKIE];
  if (!cookie || !sent) throw new CsrfError();
  const expected = Buffer.from(csrfToken(secret, cookie));
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CsrfError();
}

function position(req: FastifyRequest): number {
  const { n } = req.params as { n: string };
  if (!/^[1-5]$/.test(n)) throw NotFound('signals.photos.error.notFound');
  return Number(n);
}

async function send(reply: FastifyReply, photo: Awaited<ReturnType<typeof photoBytes>>, fileName: string) {
  if (!photo) throw NotFound('signals.photos.error.notFound');
  return reply
    .header('content-type', photo.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `inline; filename="${fileName}.jpg"`)
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
    .send(photo.data);
}

/** Photos of a signal: for staff who may see the signal, and for the reporter through the tracking link. Followers and the public never. */
export async function photoRoutes(app: FastifyInstance): Promise<void> {
  const staffPhoto = async (req: FastifyRequest, reply: FastifyReply, variant: 'full' | 'thumb') => {
    const { publicId } = req.params as { publicId: string };
    const n = position(req);
    if (!/^SIG-\d{4}-\d{6}$/.test(publicId)) throw NotFound('signals.error.notFound');
    const signal = await getSignal(app.db, req.tenant!.id, publicId);
    await accessTo(app.db, viewerOf(req), signal);
    const photo = await photoBytes(app.db, signal.tenant_id, signal.id, n, variant);
    if (!photo) throw NotFound('signals.photos.error.notFound');
    const category = await cats.findCategoryById(app.db, signal.tenant_id, signal.category_id);
    // Photos can show faces and homes: a view of a sensitive signal's photo is audited like its reporter details.
    if (category?.sensitive) {
      await recordAudit(app.db, {
        ...auditFrom(req),
        action: 'view',
        entity: 'signal_photo',
        entityId: photo.id,
        detail: { signal: signal.id, position: n, variant },
      });
    }
    return send(reply, photo, `${signal.public_id}-foto-${n}${variant === 'thumb' ? '-klein' : ''}`);
  };
  app.get('/:tenant/meldingen/behandelen/:publicId/fotos/:n', { config: { policy: STAFF } }, (req, reply) =>
    staffPhoto(req, reply, 'full'),
  );
  app.get('/:tenant/meldingen/behandelen/:publicId/fotos/:n/klein', { config: { policy: STAFF } }, (req, reply) =>
    staffPhoto(req, reply, 'thumb'),
  );

  const reporterPhoto = async (req: FastifyRequest, reply: FastifyReply, variant: 'full' | 'thumb') => {
    const { token } = req.params as { token: string };
    const n = position(req);
    const resolved = await resolveTrackingToken(app.db, req.tenant!.id, token, app.clock.now());
    // Only the reporter's own link shows the photos; a follower's link does not (404, like an unknown link).
    if (!resolved || !resolved.reporter) throw NotFound('signals.photos.error.notFound');
    const signal = await getSignalById(app.db, req.tenant!.id, resolved.signalId);
    const photo = await photoBytes(app.db, signal.tenant_id, signal.id, n, variant);
    return send(reply, photo, `${signal.public_id}-foto-${n}${variant === 'thumb' ? '-klein' : ''}`);
  };
  app.get('/:tenant/meldingen/volgen/:token/fotos/:n', { config: { policy: 'public', rateLimit: TRACK_RATE_LIMIT } }, (req, reply) =>
    reporterPhoto(req, reply, 'full'),
  );
  app.get('/:tenant/meldingen/volgen/:token/fotos/:n/klein', { config: { policy: 'public', rateLimit: TRACK_RATE_LIMIT } }, (req, reply) =>
    reporterPhoto(req, reply, 'thumb'),
  );
}
