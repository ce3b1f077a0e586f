import './photos.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { NotFound } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import * as cats from '../config/categories.store.ts';
import { MAX_PHOTOS, photoBytes, photoViaLink, type PhotoBytes } from './photos.service.ts';
import { publicIdParam, tokenParam } from '../signals.schemas.ts';
import { getSignal } from '../signals.service.ts';

const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;
const TRACK_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** A photo's position: 1 … MAX_PHOTOS. */
const photoParams = {
  n: z
    .string()
    .regex(/^[1-9]$/)
    .transform(Number)
    .pipe(z.number().max(MAX_PHOTOS)),
};

async function send(reply: FastifyReply, photo: PhotoBytes, fileName: string) {
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
  const route = routes(app);
  type TenantRequest = FastifyRequest & { tenant: RequestTenant };

  const staffPhoto = async (req: TenantRequest, reply: FastifyReply, at: { publicId: string; n: number }, variant: 'full' | 'thumb') => {
    const n = at.n;
    const signal = await getSignal(req.db, req.principal, req.tenant.id, at.publicId);
    const photo = await photoBytes(req.db, req.principal, signal, n, variant);
    if (!photo) throw NotFound('signals.photos.error.notFound');
    const category = await cats.findCategoryById(req.db, signal.tenant_id, signal.category_id);
    // Photos can show faces and homes: a view of a sensitive signal's photo is audited like its reporter details.
    if (category?.sensitive) {
      await recordAudit(req.db, {
        ...auditFrom(req),
        action: 'view',
        entity: 'signal_photo',
        entityId: photo.id,
        detail: { signal: signal.id, position: n, variant },
      });
    }
    return send(reply, photo, `${signal.public_id}-foto-${n}${variant === 'thumb' ? '-klein' : ''}`);
  };
  const staffSpec = { policy: STAFF, params: { ...publicIdParam, ...photoParams } };
  route.get('/:tenant/meldingen/behandelen/:publicId/fotos/:n', staffSpec, (req, reply) => staffPhoto(req, reply, req.params, 'full'));
  route.get('/:tenant/meldingen/behandelen/:publicId/fotos/:n/klein', staffSpec, (req, reply) =>
    staffPhoto(req, reply, req.params, 'thumb'),
  );

  const reporterPhoto = async (req: TenantRequest, reply: FastifyReply, at: { token: string; n: number }, variant: 'full' | 'thumb') => {
    const n = at.n;
    // Only the reporter's own link shows the photos; a follower's link does not (404, like an unknown link).
    const { publicId, photo } = await photoViaLink(req.db, req.principal, req.tenant.id, at.token, n, variant);
    return send(reply, photo, `${publicId}-foto-${n}${variant === 'thumb' ? '-klein' : ''}`);
  };
  const reporterSpec = { policy: 'public' as const, params: { ...tokenParam, ...photoParams }, rateLimit: TRACK_RATE_LIMIT };
  route.get('/:tenant/meldingen/volgen/:token/fotos/:n', reporterSpec, (req, reply) => reporterPhoto(req, reply, req.params, 'full'));
  route.get('/:tenant/meldingen/volgen/:token/fotos/:n/klein', reporterSpec, (req, reply) =>
    reporterPhoto(req, reply, req.params, 'thumb'),
  );
}
