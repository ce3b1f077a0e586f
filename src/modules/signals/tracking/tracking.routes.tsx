import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { submitFeedback, trackingView } from './feedback.service.ts';
import { MAX_REASON, tokenParam } from '../signals.schemas.ts';
import { TrackingPage } from './views/track.tsx';

const RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
const feedbackForm = z.object({
  satisfied: z.enum(['ja', 'nee'], 'signals.error.satisfied'),
  solved: z.enum(['ja', 'nee']).optional(),
  reason: z.string().max(MAX_REASON, 'signals.error.tooLong').optional().default(''),
});

/** The tracking page behind the link in the mails (no account needed) and the satisfaction answer. */
export async function trackRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  /** The tracking page of a link (404 when unknown or expired), with messages or a notice. */
  const trackingPage = async (
    req: FastifyRequest & { tenant: RequestTenant },
    reply: FastifyReply,
    token: string,
    extra: { errors?: Record<string, string>; notice?: string; status?: number } = {},
  ) => {
    const view = await trackingView(req.db, req.principal, req.tenant.id, token);
    return reply.page(
      <TrackingPage ctx={req.viewContext()} slug={req.tenant.slug} token={token} view={view} errors={extra.errors} notice={extra.notice} />,
      { title: req.t('signals.track.title', { id: view.signal.publicId }), ...(extra.status ? { status: extra.status } : {}) },
    );
  };

  route.get('/:tenant/meldingen/volgen/:token', { policy: 'public', params: tokenParam, rateLimit: RATE_LIMIT }, async (req, reply) => {
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    return trackingPage(req, reply, req.params.token);
  });

  route.post(
    '/:tenant/meldingen/volgen/:token',
    {
      policy: 'public',
      params: tokenParam,
      rateLimit: RATE_LIMIT,
      form: feedbackForm,
      invalid: (req, reply, errors, _values, status) => trackingPage(req, reply, req.params.token, { errors, status }),
    },
    async (req, reply) => {
      const { token } = req.params;
      const now = app.clock.now();
      const form = req.body;
      const satisfied = form.satisfied === 'ja';
      const { reopened, requested } = await submitFeedback(req.db, {
        tenantId: req.tenant.id,
        token,
        satisfied,
        solved: satisfied ? null : form.solved === 'nee' ? false : form.solved === 'ja' ? true : null,
        reason: form.reason,
        locale: req.locale,
        links: { baseUrl: app.config.baseUrl, tenantSlug: req.tenant.slug },
        now,
        principal: req.principal,
      }).catch((e: unknown) => {
        // "Already answered" is an error page, not a message beside the form.
        if (e instanceof AppError && e.status === 409) throw new AppError(409, e.code, e.message);
        throw e;
      });
      const notice = req.t(reopened ? 'signals.track.reopened' : requested ? 'signals.reopen.track.requested' : 'signals.track.thanks');
      return trackingPage(req, reply, token, { notice });
    },
  );
}
