import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import './review.messages.ts';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { Invalid } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import {
  acknowledge,
  decide,
  FEASIBILITY_POINTS,
  previewLetter,
  reviewApplication,
  reviewWorkList,
  saveFeasibility,
} from './review.service.ts';
import { recordPayout } from './payout.service.ts';
import { reviewPageModel } from './review.presenter.ts';
import { decisionForm, feasibilityForm, payoutForm, referenceParam, reviewQuery, type DecisionForm } from './review.schemas.ts';
import { isTemplateOf } from './letters.ts';
import { WorkList } from './views/work-list.tsx';
import { ReviewPage, type ReviewPageProps } from './views/review-page.tsx';
import type { DecisionValues } from './views/decision-form.tsx';

const COORDINATOR = { roles: ['coordinator'] } as const;
const noFields = z.object({});
type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Values = Record<string, string | string[]>;
const str = (v: Values, k: string, max = 8000) => (typeof v[k] === 'string' ? v[k].slice(0, max) : '');

const NOTICES: Record<string, MessageKey> = {
  ontvangst: 'initiatives.review.notice.acknowledged',
  haalbaarheid: 'initiatives.review.notice.feasibility',
  besluit: 'initiatives.review.notice.decided',
  betaald: 'initiatives.review.notice.paid',
  steekproef: 'initiatives.review.notice.checked',
};

const decisionValues = (v: Values): DecisionValues => ({
  decision: str(v, 'decision', 20),
  granted: str(v, 'granted', 20),
  reasons: str(v, 'reasons', 500),
  template: str(v, 'template', 20) || 'standard',
  locale: str(v, 'locale', 2) || 'nl',
  letter: str(v, 'letter'),
});

/** The coordinator's review: `/{tenant}/samen-doen/beoordelen` (work list) and one page per application. */
export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const path = (req: TenantRequest, reference: string) => `/${req.tenant.slug}/samen-doen/beoordelen/${reference}`;

  const render = async (
    req: TenantRequest,
    reply: FastifyReply,
    reference: string,
    extra: Omit<ReviewPageProps, 'ctx' | 'slug' | 'model'> = {},
    status = 200,
  ) => {
    const model = reviewPageModel(await reviewApplication(req.db, req.principal, req.tenant.id, reference));
    return reply.page(<ReviewPage ctx={req.viewContext()} slug={req.tenant.slug} model={model} {...extra} />, {
      title: req.t('initiatives.review.page.title', { reference: model.reference, title: model.title }),
      status,
      breadcrumbs: [
        { href: `/${req.tenant.slug}/`, label: req.tenant.name },
        { href: `/${req.tenant.slug}/samen-doen/beoordelen`, label: req.t('initiatives.review.list.title') },
      ],
    });
  };

  route.get('/:tenant/samen-doen/beoordelen', { policy: COORDINATOR }, async (req, reply) => {
    const items = await reviewWorkList(req.db, req.principal, req.tenant.id);
    return reply.page(<WorkList ctx={req.viewContext()} slug={req.tenant.slug} items={items} />, {
      title: req.t('initiatives.review.list.title'),
    });
  });

  route.get(
    '/:tenant/samen-doen/beoordelen/:reference',
    { policy: COORDINATOR, params: referenceParam, query: reviewQuery },
    async (req, reply) => render(req, reply, req.params.reference, { notice: req.query.klaar ? NOTICES[req.query.klaar] : null }),
  );

  route.post(
    '/:tenant/samen-doen/beoordelen/:reference/ontvangst',
    { policy: COORDINATOR, params: referenceParam, form: noFields },
    async (req, reply) => {
      await acknowledge(req.db, req.principal, req.tenant.id, req.params.reference);
      return reply.redirect(`${path(req, req.params.reference)}?klaar=ontvangst`, 303);
    },
  );

  route.post(
    '/:tenant/samen-doen/beoordelen/:reference/haalbaarheid',
    {
      policy: COORDINATOR,
      params: referenceParam,
      form: feasibilityForm,
      invalid: (req, reply, errors, values, status) =>
        render(
          req,
          reply,
          req.params.reference,
          {
            feasibility: {
              values: Object.fromEntries(Object.keys(values).map((k) => [k, str(values, k, 500)])),
              errors: errors as FieldErrors,
            },
          },
          status,
        ),
    },
    async (req, reply) => {
      const body = req.body;
      await saveFeasibility(req.db, req.principal, req.tenant.id, req.params.reference, {
        points: FEASIBILITY_POINTS.map((p) => ({ point: p, ok: body[`ok_${p}`] === 'yes', reason: body[`reason_${p}`] })),
      });
      return reply.redirect(`${path(req, req.params.reference)}?klaar=haalbaarheid#rv-feasibility`, 303);
    },
  );

  route.post(
    '/:tenant/samen-doen/beoordelen/:reference/besluit',
    {
      policy: COORDINATOR,
      params: referenceParam,
      form: decisionForm,
      invalid: (req, reply, errors, values, status) =>
        render(req, reply, req.params.reference, { decision: { values: decisionValues(values), errors: errors as FieldErrors } }, status),
    },
    async (req, reply) => {
      const b: DecisionForm = req.body;
      if (!isTemplateOf(b.decision, b.template)) throw Invalid({ template: 'initiatives.review.error.template' });
      const input = { decision: b.decision, grantedCents: b.granted, reasons: b.reasons, template: b.template, locale: b.locale };
      if (b.step === 'preview' || b.letter.trim() === '') {
        const letter = await previewLetter(req.db, req.principal, req.tenant.id, req.params.reference, input);
        const values: DecisionValues = {
          decision: b.decision,
          granted: b.granted === null ? '' : (b.granted / 100).toFixed(2).replace('.', ','),
          reasons: b.reasons,
          template: b.template,
          locale: b.locale,
          letter,
        };
        return render(req, reply, req.params.reference, { decision: { values } });
      }
      await decide(req.db, req.principal, req.tenant.id, req.params.reference, { ...input, letter: b.letter });
      return reply.redirect(`${path(req, req.params.reference)}?klaar=besluit#rv-decision`, 303);
    },
  );

  route.post(
    '/:tenant/samen-doen/beoordelen/:reference/uitbetaling',
    {
      policy: COORDINATOR,
      params: referenceParam,
      form: payoutForm,
      invalid: (req, reply, errors, values, status) =>
        render(
          req,
          reply,
          req.params.reference,
          { payout: { values: { paidOn: str(values, 'paidOn', 10), amount: str(values, 'amount', 20) }, errors: errors as FieldErrors } },
          status,
        ),
    },
    async (req, reply) => {
      await recordPayout(req.db, req.principal, req.tenant.id, req.params.reference, {
        paidOn: req.body.paidOn,
        amountCents: req.body.amount!,
      });
      return reply.redirect(`${path(req, req.params.reference)}?klaar=betaald#rv-payout`, 303);
    },
  );
}
