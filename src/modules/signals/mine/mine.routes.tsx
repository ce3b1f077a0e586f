import '../section/section.messages.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import { NotFound } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { followWithAccount, listMySignals, unfollowWithAccount, viewToken } from './mine.service.ts';
import { PUBLIC_ID_RE } from '../signals.schemas.ts';
import { trackingPath } from '../tracking/tracking.service.ts';
import { MinePage } from './views/mine.tsx';

const RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
const NOTICES = {
  gevolgd: 'signals.mine.followed',
  al: 'signals.mine.alreadyFollowing',
  eigen: 'signals.mine.ownReport',
  ontvolgd: 'signals.mine.unfollowed',
} as const;
type NoticeKey = keyof typeof NOTICES;
const NOTICE_KEYS = Object.keys(NOTICES) as NoticeKey[];

/** A public id in a notice parameter; anything else is ignored. */
const noticeId = z.string().regex(PUBLIC_ID_RE).optional().catch(undefined);
const mineQuery = z.object({ gevolgd: noticeId, al: noticeId, eigen: noticeId, ontvolgd: noticeId });

/** The forms post the signal's public id; a missing or malformed one is a 404 (like an unknown signal). */
const postedForm = z.object({ publicId: z.string().regex(PUBLIC_ID_RE).optional().catch(undefined) });
function postedId(form: { publicId?: string | undefined }): string {
  if (!form.publicId) throw NotFound('signals.error.notFound');
  return form.publicId;
}

/** "Mijn meldingen" (/{tenant}/meldingen/mijn) and following with an account */
export async function mineRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const who = (req: FastifyRequest) => ({ principal: req.principal, ip: auditFrom(req).ip });
  const back = (tenant: RequestTenant, key: NoticeKey, id: string) => `/${tenant.slug}/meldingen/mijn?${key}=${id}`;

  route.get('/:tenant/meldingen/mijn', { policy: 'signedIn', query: mineQuery }, async (req, reply) => {
    const rows = await listMySignals(req.db, req.principal);
    const [found] = NOTICE_KEYS.flatMap((k) => {
      const id = req.query[k];
      return id ? [{ k, id }] : [];
    });
    const notice = found ? req.t(NOTICES[found.k], { id: found.id }) : undefined;
    reply.header('cache-control', 'no-store');
    return reply.page(<MinePage ctx={req.viewContext()} slug={req.tenant.slug} rows={rows} notice={notice} />, {
      title: req.t('signals.mine.title'),
    });
  });

  route.post('/:tenant/meldingen/mijn/volgen', { policy: 'signedIn', rateLimit: RATE_LIMIT, form: postedForm }, async (req, reply) => {
    const publicId = postedId(req.body);
    const r = await followWithAccount(req.db, { ...who(req), email: req.user!.email, publicId });
    return reply.redirect(back(req.tenant, r === 'followed' ? 'gevolgd' : r === 'already' ? 'al' : 'eigen', publicId), 303);
  });

  route.post('/:tenant/meldingen/mijn/ontvolgen', { policy: 'signedIn', rateLimit: RATE_LIMIT, form: postedForm }, async (req, reply) => {
    const publicId = postedId(req.body);
    await unfollowWithAccount(req.db, { ...who(req), publicId });
    return reply.redirect(back(req.tenant, 'ontvolgd', publicId), 303);
  });

  route.post('/:tenant/meldingen/mijn/bekijken', { policy: 'signedIn', rateLimit: RATE_LIMIT, form: postedForm }, async (req, reply) => {
    const token = await viewToken(req.db, { ...who(req), publicId: postedId(req.body) });
    reply.header('referrer-policy', 'no-referrer');
    return reply.redirect(trackingPath(req.tenant.slug, token), 303);
  });
}
