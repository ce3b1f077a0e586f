import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseForm } from '../../../platform/http/forms.ts';
import * as hm from '../helpmatch.service.ts';
import { latentForm, offerForm } from '../helpmatch.schemas.ts';
import { valuesFromSlots } from '../categories.ts';
import { LatentPage, OfferFormPage } from '../views/offer-form.tsx';
import { actorOf, buurtOptions, formErrorsOf, formValues, MEMBERS, noticeOf } from './shared.ts';

/** Offering help (one offer per person) and signing up as a latent help contact. */
export async function offerRoutes(app: FastifyInstance): Promise<void> {
  const policy = { roles: MEMBERS };
  const crumbs = (req: FastifyRequest) => [{ href: `/${req.tenant!.slug}/hulp`, label: req.t('helpmatch.title') }];

  app.get('/:tenant/hulp/aanbod', { config: { policy } }, async (req, reply) => {
    const tenant = req.tenant!;
    const offer = await hm.getMyOffer(app.db, tenant.id, req.user!.id);
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
        buurten={await buurtOptions(app.db, tenant.id)}
        values={values}
        notice={noticeOf(req.query)}
      />,
      {
        title: req.t('helpmatch.offer.title'),
        breadcrumbs: crumbs(req),
      },
    );
  });

  app.post('/:tenant/hulp/aanbod', { config: { policy } }, async (req, reply) => {
    const tenant = req.tenant!;
    const render = async (errors: Record<string, string>, status: number) =>
      reply.page(
        <OfferFormPage
          ctx={req.viewContext()}
          buurten={await buurtOptions(app.db, tenant.id)}
          values={{ active: [], ...formValues(req.body) }}
          errors={errors}
        />,
        {
          title: req.t('helpmatch.offer.title'),
          status,
        },
      );
    const form = parseForm(offerForm, req.body, req.t);
    if (!form.ok) return render(form.errors, 422);
    const d = form.data;
    try {
      await hm.saveOffer(
        app.db,
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
    } catch (err) {
      const { status, errors } = formErrorsOf(err, req.t);
      return render(errors, status);
    }
    return reply.redirect(`/${tenant.slug}/hulp?melding=aanbod-opgeslagen`, 303);
  });

  async function latentPage(
    req: FastifyRequest,
    extra: { values?: Record<string, string | string[]>; errors?: Record<string, string>; notice?: string | null } = {},
  ) {
    const tenant = req.tenant!;
    const buurten = await buurtOptions(app.db, tenant.id);
    const mine = (await hm.listLatentContacts(app.db, tenant.id, { userId: req.user!.id })).map((l) => ({
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

  app.get('/:tenant/hulp/aanspreekpunt', { config: { policy } }, async (req, reply) => {
    return reply.page(await latentPage(req, { notice: noticeOf(req.query) }), {
      title: req.t('helpmatch.latent.title'),
      breadcrumbs: crumbs(req),
    });
  });

  app.post('/:tenant/hulp/aanspreekpunt', { config: { policy } }, async (req, reply) => {
    const form = parseForm(latentForm, req.body, req.t);
    const values = formValues(req.body);
    if (!form.ok) {
      return reply.page(await latentPage(req, { values, errors: form.errors }), { title: req.t('helpmatch.latent.title'), status: 422 });
    }
    try {
      await hm.signUpLatent(app.db, req.tenant!.id, actorOf(req), { buurtCode: form.data.buurt, note: form.data.note }, app.clock.now());
    } catch (err) {
      const { status, errors } = formErrorsOf(err, req.t);
      return reply.page(await latentPage(req, { values, errors }), { title: req.t('helpmatch.latent.title'), status });
    }
    return reply.redirect(`/${req.tenant!.slug}/hulp/aanspreekpunt?melding=aanspreekpunt-aangemeld`, 303);
  });

  app.post('/:tenant/hulp/aanspreekpunt/:id/stoppen', { config: { policy } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    await hm.leaveLatent(app.db, req.tenant!.id, actorOf(req), id);
    return reply.redirect(`/${req.tenant!.slug}/hulp/aanspreekpunt?melding=aanspreekpunt-afgemeld`, 303);
  });
}
