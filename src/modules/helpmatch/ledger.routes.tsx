/** The reciprocity ledger page `/{tenant}/hulp/uren`: my hours given and received, and what I could offer in return. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm } from '../../platform/http/forms.ts';
import { truncateIp } from '../../platform/audit/audit.service.ts';
import { myLedger, saveReciprocityAnswer } from './ledger.ts';
import { noticeOf, reciprocityForm } from './circle.schemas.ts';
import { LedgerPage } from './views/circle/ledger.tsx';

/** Where the offer form of the help marketplace lives. */
export const offerFormPath = (slug: string) => `/${slug}/hulp/aanbod`;

export async function ledgerRoutes(app: FastifyInstance): Promise<void> {
  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { value?: string; errors?: Record<string, string>; status?: number } = {},
  ) {
    const ledger = await myLedger(app.db, req.tenant!.id, req.user!.id);
    return reply
      .header('cache-control', 'no-store')
      .page(
        <LedgerPage
          ctx={req.viewContext()}
          ledger={ledger}
          offerPath={offerFormPath(req.tenant!.slug)}
          notice={noticeOf(req.query)}
          {...extra}
        />,
        {
          title: req.t('helpmatch.ledger.title'),
          breadcrumbs: [{ href: `/${req.tenant!.slug}/hulp`, label: req.t('helpmatch.circle.crumbHelp') }],
          ...(extra.status ? { status: extra.status } : {}),
        },
      );
  }

  app.get('/:tenant/hulp/uren', { config: { policy: 'signedIn' } }, async (req, reply) => render(req, reply));

  app.post('/:tenant/hulp/uren/wederkerigheid', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const form = parseForm(reciprocityForm, req.body, req.t);
    const raw = typeof (req.body as { answer?: unknown } | undefined)?.answer === 'string' ? (req.body as { answer: string }).answer : '';
    if (!form.ok) return render(req, reply, { value: raw.slice(0, 2000), errors: form.errors, status: 422 });
    const result = await saveReciprocityAnswer(
      app.db,
      req.tenant!.id,
      { userId: req.user!.id, ip: truncateIp(req.ip) },
      form.data.answer,
      app.clock.now(),
    );
    return reply.redirect(
      `/${req.tenant!.slug}/hulp/uren?melding=${result === 'saved' ? 'antwoord-opgeslagen' : 'antwoord-weggehaald'}`,
      303,
    );
  });
}
