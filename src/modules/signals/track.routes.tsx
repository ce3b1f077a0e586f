import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { submitFeedback, trackingView } from './feedback.service.ts';
import { TrackingPage } from './views/track.tsx';

const RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
const feedbackSchema = z.object({
  satisfied: z.enum(['ja', 'nee'], 'signals.error.satisfied'),
  solved: z.enum(['ja', 'nee']).optional(),
  reason: z.string().max(2000, 'signals.error.tooLong').optional().default(''),
});

/** The tracking page behind the link in the mails (no account needed) and the satisfaction answer. */
export async function trackRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:tenant/meldingen/volgen/:token', { config: { policy: 'public', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const view = await trackingView(app.db, req.tenant!.id, token, app.clock.now());
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    return reply.page(<TrackingPage ctx={req.viewContext()} slug={req.tenant!.slug} token={token} view={view} />, {
      title: req.t('signals.track.title', { id: view.signal.public_id }),
    });
  });

  app.post('/:tenant/meldingen/volgen/:token', { config: { policy: 'public', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const now = app.clock.now();
    const parsed = parseForm(feedbackSchema, req.body, req.t);
    if (!parsed.ok) {
      const view = await trackingView(app.db, req.tenant!.id, token, now);
      return reply.page(<TrackingPage ctx={req.viewContext()} slug={req.tenant!.slug} token={token} view={view} errors={parsed.errors} />, {
        title: req.t('signals.track.title', { id: view.signal.public_id }),
        status: 422,
      });
    }
    const satisfied = parsed.data.satisfied === 'ja';
    const { reopened, requested } = await submitFeedback(app.db, {
      tenantId: req.tenant!.id,
      token,
      satisfied,
      solved: satisfied ? null : parsed.data.solved === 'nee' ? false : parsed.data.solved === 'ja' ? true : null,
      reason: parsed.data.reason,
      locale: req.locale,
      links: { baseUrl: app.config.baseUrl, tenantSlug: req.tenant!.slug },
      now,
    }).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 409) throw new AppError(409, e.code, e.message);
      throw e;
    });
    const view = await trackingView(app.db, req.tenant!.id, token, now);
    return reply.page(
      <TrackingPage
        ctx={req.viewContext()}
        slug={req.tenant!.slug}
        token={token}
        view={view}
        notice={req.t(reopened ? 'signals.track.reopened' : requested ? 'signals.reopen.track.requested' : 'signals.track.thanks')}
      />,
      {
        title: req.t('signals.track.title', { id: view.signal.public_id }),
      },
    );
  });
}
