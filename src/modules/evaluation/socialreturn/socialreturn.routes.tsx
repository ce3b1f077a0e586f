import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors.ts';
import { routes, type FormFailure } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { getProgramme } from '../../programmes/programmes.service.ts';
import { ITEM_FIELD, PRICE_FIELD, centsToText, itemForm, priceForm } from './socialreturn.form.ts';
import { addItem, getItem, removeItem, setShadowPrice, socialReturnOf, updateItem } from './socialreturn.service.ts';
import { ItemFields, type Values } from './views/forms.tsx';
import { SocialReturnPage, type FormState } from './views/page.tsx';

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
const STAFF = { roles: ['professional', 'coordinator'] } as const;
const cardParams = { programme: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/), id: z.string().uuid() };
const itemParams = { ...cardParams, item: z.string().uuid() };
const pageQuery = z.object({ klaar: z.literal('bewaard').optional() });

/** Field messages keyed by form field (the service's names mapped to the form's). */
function onForm(req: TenantRequest, failure: FormFailure, names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(failure.fields).map(([f, key]) => [names[f] ?? f, req.t(key, failure.vars)]));
}

/**
 * The social return of a project card: `/{tenant}/programmas/{programme}/projecten/{id}/rendement`
 * (public like the card), and for editors the shadow price and the items (`socialReturn.edit`).
 */
export async function socialReturnRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const cardUrl = (req: TenantRequest, p: { programme: string; id: string }) =>
    `/${req.tenant.slug}/programmas/${p.programme}/projecten/${p.id}`;

  /** The card must belong to the programme in the path (NotFound otherwise). */
  const checkProgramme = async (req: TenantRequest, slug: string, programmeId: string) => {
    const programme = await getProgramme(req.db, req.principal, req.tenant.id, slug);
    if (programme.id !== programmeId) throw NotFound();
    return programme;
  };

  const page = async (
    req: TenantRequest,
    reply: FastifyReply,
    p: { programme: string; id: string },
    state: FormState | null = null,
    status = 200,
    notice: MessageKey | null = null,
  ) => {
    const sr = await socialReturnOf(req.db, req.principal, req.tenant.id, p.id);
    const programme = await checkProgramme(req, p.programme, sr.card.programmeId);
    const areaNames = new Map((await listAreas(req.db, req.tenant.id)).map((a) => [a.code, a.name]));
    const model = { sr, cardUrl: cardUrl(req, p), areaNames };
    return reply.page(<SocialReturnPage ctx={req.viewContext()} model={model} state={state} notice={notice} />, {
      title: req.t('evaluation.sr.title', { number: sr.card.number, title: sr.card.titleNl }),
      status,
      breadcrumbs: [
        { href: `/${req.tenant.slug}/programmas`, label: req.t('programmes.list.title') },
        { href: `/${req.tenant.slug}/programmas/${programme.slug}`, label: programme.titleNl },
        { href: cardUrl(req, p), label: `${sr.card.number} ${sr.card.titleNl}` },
      ],
    });
  };
  const done = (req: TenantRequest, p: { programme: string; id: string }, reply: FastifyReply) =>
    reply.redirect(`${cardUrl(req, p)}/rendement?klaar=bewaard`, 303);

  route.get(
    '/:tenant/programmas/:programme/projecten/:id/rendement',
    { policy: 'public', params: cardParams, query: pageQuery },
    async (req, reply) => page(req, reply, req.params, null, 200, req.query.klaar ? 'evaluation.sr.saved' : null),
  );

  route.post(
    '/:tenant/programmas/:programme/projecten/:id/rendement/schaduwprijs',
    {
      policy: STAFF,
      params: cardParams,
      form: priceForm,
      invalid: (req, reply, _errors, values, status, failure) =>
        page(req, reply, req.params, { form: 'price', errors: onForm(req, failure, PRICE_FIELD), values }, status),
    },
    async (req, reply) => {
      const b = req.body;
      await setShadowPrice(req.db, req.principal, req.tenant.id, req.params.id, {
        centsPerHour: b.price,
        source: b.priceSource,
        certainty: b.priceCertainty,
      });
      return done(req, req.params, reply);
    },
  );

  route.post(
    '/:tenant/programmas/:programme/projecten/:id/rendement/posten',
    {
      policy: STAFF,
      params: cardParams,
      form: itemForm,
      invalid: (req, reply, _errors, values, status, failure) =>
        page(req, reply, req.params, { form: 'item', errors: onForm(req, failure, ITEM_FIELD), values }, status),
    },
    async (req, reply) => {
      const { amount, ...rest } = req.body;
      await addItem(req.db, req.principal, req.tenant.id, req.params.id, { ...rest, amountCents: amount });
      return done(req, req.params, reply);
    },
  );

  const editPage = async (
    req: TenantRequest,
    reply: FastifyReply,
    p: { programme: string; id: string; item: string },
    values: Values | null,
    errors: Record<string, string>,
    status: number,
  ) => {
    const item = await getItem(req.db, req.principal, req.tenant.id, p.id, p.item);
    const heading = req.t('evaluation.sr.form.editItem');
    const shown: Values = values ?? {
      kind: item.kind,
      labelNl: item.labelNl,
      labelEn: item.labelEn,
      amount: centsToText(item.amountCents),
      certainty: item.certainty,
      source: item.source,
    };
    return reply.page(
      <>
        <h1 class="utrecht-heading-1">{heading}</h1>
        <p>
          <a class="utrecht-link" href={`${cardUrl(req, p)}/rendement`}>
            {req.t('evaluation.sr.link')}
          </a>
        </p>
        <ItemFields
          ctx={req.viewContext()}
          action={`${cardUrl(req, p)}/rendement/posten/${p.item}`}
          heading={item.labelNl}
          values={shown}
          errors={errors}
        />
      </>,
      {
        title: heading,
        status,
        breadcrumbs: [
          { href: cardUrl(req, p), label: req.t('evaluation.sr.backToCard') },
          { href: `${cardUrl(req, p)}/rendement`, label: req.t('evaluation.sr.link') },
        ],
      },
    );
  };

  route.get(
    '/:tenant/programmas/:programme/projecten/:id/rendement/posten/:item',
    { policy: STAFF, params: itemParams },
    async (req, reply) => editPage(req, reply, req.params, null, {}, 200),
  );

  route.post(
    '/:tenant/programmas/:programme/projecten/:id/rendement/posten/:item',
    {
      policy: STAFF,
      params: itemParams,
      form: itemForm,
      invalid: (req, reply, _errors, values, status, failure) =>
        editPage(req, reply, req.params, values, onForm(req, failure, ITEM_FIELD), status),
    },
    async (req, reply) => {
      const { amount, ...rest } = req.body;
      await updateItem(req.db, req.principal, req.tenant.id, req.params.id, req.params.item, { ...rest, amountCents: amount });
      return done(req, req.params, reply);
    },
  );

  route.post(
    '/:tenant/programmas/:programme/projecten/:id/rendement/posten/:item/verwijderen',
    { policy: STAFF, params: itemParams, form: z.object({}) },
    async (req, reply) => {
      await removeItem(req.db, req.principal, req.tenant.id, req.params.id, req.params.item);
      return done(req, req.params, reply);
    },
  );
}
