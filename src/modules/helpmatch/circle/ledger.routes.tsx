/** The reciprocity ledger page `/{tenant}/hulp/uren`: my hours given and received, and what I could offer in return. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { myLedger, saveReciprocityAnswer } from './ledger.ts';
import { noticeOf, noticeQuery, reciprocityForm } from './circle.schemas.ts';
import { MAX } from '../helpmatch.schemas.ts';
import { LedgerPage } from './views/ledger.tsx';
import { actorOf } from './circle.http.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

/** Where the offer form of the help marketplace lives. */
export const offerFormPath = (slug: string) => `/${slug}/hulp/aanbod`;

export async function ledgerRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  async function render(
    req: FastifyRequest & { tenant: RequestTenant },
    reply: FastifyReply,
    extra: { notice?: MessageKey | null; value?: string; errors?: Record<string, string>; status?: number } = {},
  ) {
    const tenant = req.tenant;
    const { notice, ...form } = extra;
    const ledger = await myLedger(req.db, tenant.id, actorOf(req));
    return reply
      .header('cache-control', 'no-store')
      .page(
        <LedgerPage ctx={req.viewContext()} ledger={ledger} offerPath={offerFormPath(tenant.slug)} notice={notice ?? null} {...form} />,
        {
          title: req.t('helpmatch.ledger.title'),
          breadcrumbs: [{ href: `/${tenant.slug}/hulp`, label: req.t('helpmatch.circle.crumbHelp') }],
          ...(form.status ? { status: form.status } : {}),
        },
      );
  }

  route.get('/:tenant/hulp/uren', { policy: 'signedIn', query: noticeQuery }, async (req, reply) =>
    render(req, reply, { notice: noticeOf(req.query) }),
  );

  route.post(
    '/:tenant/hulp/uren/wederkerigheid',
    {
      policy: 'signedIn',
      form: reciprocityForm,
      // The answer is shown again (cut to a length the page can hold) with the message.
      invalid: (req, reply, errors, values, status) =>
        render(req, reply, { value: typeof values.answer === 'string' ? values.answer.slice(0, MAX.longText) : '', errors, status }),
    },
    async (req, reply) => {
      const result = await saveReciprocityAnswer(req.db, req.tenant.id, actorOf(req), req.body.answer, app.clock.now());
      return reply.redirect(
        `/${req.tenant.slug}/hulp/uren?melding=${result === 'saved' ? 'antwoord-opgeslagen' : 'antwoord-weggehaald'}`,
        303,
      );
    },
  );
}
