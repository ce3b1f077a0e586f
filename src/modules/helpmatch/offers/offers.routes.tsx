import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import * as hm from './offers.service.ts';
import { latentForm, offerForm, uuidParam } from '../helpmatch.schemas.ts';
import { valuesFromSlots } from '../categories.ts';
import { LatentPage, OfferFormPage } from './views/offer-form.tsx';
import { actorOf, buurtOptions, MEMBERS, noticeOf, noticeQuery } from '../helpmatch.http.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

/** Offering help (one offer per person) and signing up as a latent help contact. */
export async function offerRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const policy = { roles: MEMBERS };
  const crumbs = (req: FastifyRequest, tenant: RequestTenant) => [{ href: `/${tenant.slug}/hulp`, label: req.t('helpmatch.title') }];

  route.get('/:tenant/hulp/aanbod', { policy, query: noticeQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const offer = await hm.getMyOffer(req.db, actorOf(req));
    const values: Record<string, string | string[]> = offer
      ? {
          categories: offer.categories,
          talents: offer.talents,
          slots: valuesFromSlots(offer.slots),
          reach: offer.reach,
          maxPerMonth: String(offer.max_per_month),
          languages: offer.languages,
          buurt: offer.buurt_code ?? '',
          active: offer.active ? ['ja'] : [],
        }
      : {};
    return reply.page(
      <OfferFormPage
        ctx={req.viewContext()}
        buurten={await buurtOptions(req.db, tenant.id)}
        values={values}
        notice={noticeOf(req.query)}
      />,
      {
        title: req.t('helpmatch.offer.title'),
        breadcrumbs: crumbs(req, tenant),
      },
    );
  });

  route.post(
    '/:tenant/hulp/aanbod',
    {
      policy,
      form: offerForm,
      invalid: async (req, reply, errors, values, status) =>
        reply.page(
          <OfferFormPage
            ctx={req.viewContext()}
            buurten={await buurtOptions(req.db, req.tenant.id)}
            values={{ active: [], ...values }}
            errors={errors}
          />,
          {
            title: req.t('helpmatch.offer.title'),
            status,
          },
        ),
    },
    async (req, reply) => {
      const tenant = req.tenant;
      const d = req.body;
      await hm.saveOffer(
        req.db,
        tenant.id,
        actorOf(req),
        {
          talents: d.talents,
          categories: d.categories,
          slots: d.slots,
          reach: d.reach,
          maxPerMonth: d.maxPerMonth,
          languages: d.languages,
          lon: d.lon,
          lat: d.lat,
          buurtCode: d.buurt,
          active: d.active,
        },
        app.clock.now(),
      );
      return reply.redirect(`/${tenant.slug}/hulp?melding=aanbod-opgeslagen`, 303);
    },
  );

  async function latentPage(
    req: FastifyRequest,
    tenant: RequestTenant,
    extra: { values?: Record<string, string | string[]>; errors?: Record<string, string>; notice?: MessageKey | null } = {},
  ) {
    const buurten = await buurtOptions(req.db, tenant.id);
    const mine = (await hm.listLatentContacts(req.db, tenant.id, req.principal, { userId: req.user!.id })).map((l) => ({
      id: l.id,
      buurtName: buurten.names.get(l.buurt_code) ?? l.buurt_code,
    }));
    return (
      <LatentPage
        ctx={req.viewContext()}
        buurten={buurten}
        mine={mine}
        values={extra.values ?? {}}
        errors={extra.errors}
        notice={extra.notice ?? null}
      />
    );
  }

  route.get('/:tenant/hulp/aanspreekpunt', { policy, query: noticeQuery }, async (req, reply) => {
    return reply.page(await latentPage(req, req.tenant, { notice: noticeOf(req.query) }), {
      title: req.t('helpmatch.latent.title'),
      breadcrumbs: crumbs(req, req.tenant),
    });
  });

  route.post(
    '/:tenant/hulp/aanspreekpunt',
    {
      policy,
      form: latentForm,
      invalid: async (req, reply, errors, values, status) =>
        reply.page(await latentPage(req, req.tenant, { values, errors }), { title: req.t('helpmatch.latent.title'), status }),
    },
    async (req, reply) => {
      await hm.signUpLatent(req.db, req.tenant.id, actorOf(req), { buurtCode: req.body.buurt, note: req.body.note }, app.clock.now());
      return reply.redirect(`/${req.tenant.slug}/hulp/aanspreekpunt?melding=aanspreekpunt-aangemeld`, 303);
    },
  );

  route.post('/:tenant/hulp/aanspreekpunt/:id/stoppen', { policy, params: { id: uuidParam }, form: z.object({}) }, async (req, reply) => {
    await hm.leaveLatent(req.db, req.tenant.id, actorOf(req), req.params.id);
    return reply.redirect(`/${req.tenant.slug}/hulp/aanspreekpunt?melding=aanspreekpunt-afgemeld`, 303);
  });
}
