import './section.messages.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditFrom } from '../../platform/audit/audit.service.ts';
import { NotFound } from '../../platform/errors.ts';
import { followWithAccount, listMySignals, unfollowWithAccount, viewToken } from './mine.service.ts';
import { trackingPath } from './tracking.service.ts';
import { MinePage } from './views/mine.tsx';

const PUBLIC_ID = /^SIG-\d{4}-\d{6}$/;
const RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
const NOTICES = {
  gevolgd: 'signals.mine.followed',
  al: 'signals.mine.alreadyFollowing',
  eigen: 'signals.mine.ownReport',
  ontvolgd: 'signals.mine.unfollowed',
} as const;

/** The public id posted by a form, or a 404. */
function postedId(req: FastifyRequest): string {
  const v = (req.body as Record<string, unknown> | undefined)?.publicId;
  if (typeof v !== 'string' || !PUBLIC_ID.test(v)) throw NotFound('signals.error.notFound');
  return v;
}

/** "Mijn meldingen" (/{tenant}/meldingen/mijn) and following with an account */
export async function mineRoutes(app: FastifyInstance): Promise<void> {
  const who = (req: FastifyRequest) => ({ tenantId: req.tenant!.id, userId: req.user!.id, ip: auditFrom(req).ip, now: app.clock.now() });
  const back = (req: FastifyRequest, key: keyof typeof NOTICES, id: string) => `/${req.tenant!.slug}/meldingen/mijn?${key}=${id}`;

  app.get('/:tenant/meldingen/mijn', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const rows = await listMySignals(app.db, req.tenant!.id, req.user!.id);
    const q = (req.query ?? {}) as Record<string, unknown>;
    const key = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((k) => typeof q[k] === 'string' && PUBLIC_ID.test(q[k]));
    const notice = key ? req.t(NOTICES[key], { id: q[key] as string }) : undefined;
    reply.header('cache-control', 'no-store');
    return reply.page(<MinePage ctx={req.viewContext()} slug={req.tenant!.slug} rows={rows} notice={notice} />, {
      title: req.t('signals.mine.title'),
    });
  });

  app.post('/:tenant/meldingen/mijn/volgen', { config: { policy: 'signedIn', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const publicId = postedId(req);
    const r = await followWithAccount(app.db, { ...who(req), email: req.user!.email, publicId });
    return reply.redirect(back(req, r === 'followed' ? 'gevolgd' : r === 'already' ? 'al' : 'eigen', publicId), 303);
  });

  app.post('/:tenant/meldingen/mijn/ontvolgen', { config: { policy: 'signedIn', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const publicId = postedId(req);
    await unfollowWithAccount(app.db, { ...who(req), publicId });
    return reply.redirect(back(req, 'ontvolgd', publicId), 303);
  });

  app.post('/:tenant/meldingen/mijn/bekijken', { config: { policy: 'signedIn', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const token = await viewToken(app.db, { ...who(req), publicId: postedId(req) });
    reply.header('referrer-policy', 'no-referrer');
    return reply.redirect(trackingPath(req.tenant!.slug, token), 303);
  });
}
